// The control catalog, checked on any synthesized estate (not one preset):
// exact CIS patterns on every planned filter, alarms with actions on encrypted
// topics that have subscribers, encryption at rest everywhere, retention at
// least every selected framework's minimum, and prevent_destroy on evidence.
// Independent of terraform validate: it reads the Terraform JSON only.
import { expect } from "vitest";
import { breakGlassUsageFilter, CIS_METRIC_FILTERS } from "../../src/catalog/cis-metric-filters.js";
import { CLOUDWATCH_RETENTION_DAYS } from "../../src/catalog/cloudwatch-retention.js";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import type { TfJson } from "../helpers/estate-cache.js";

type Attrs = Record<string, unknown>;

const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;
const all = (tf: TfJson, type: string): [string, Attrs][] => Object.entries(tf.resource[type] ?? {});
const first = <T>(value: T | T[]): T => (Array.isArray(value) ? value[0]! : value);

/** The resources of `type` that configure the bucket resource `bucket`. */
function forBucket(tf: TfJson, type: string, bucket: string): Attrs[] {
  return all(tf, type)
    .filter(([, r]) => r.bucket === ref("aws_s3_bucket", bucket, "id") || r.bucket === ref("aws_s3_bucket", bucket, "bucket"))
    .map(([, r]) => r);
}

function bucketResource(tf: TfJson, name: string): string {
  const found = all(tf, "aws_s3_bucket").filter(([, b]) => b.bucket === name);
  expect(found, `bucket ${name}`).toHaveLength(1);
  return found[0]![0];
}

export function expectCatalogControls(plan: ResolvedPlan, tf: TfJson): void {
  const frameworks = plan.frameworks.map((f) => FRAMEWORKS[f.id as FrameworkId]);
  const minimum = (field: "minArchiveDays" | "minHotDays") => Math.max(0, ...frameworks.map((f) => f[field]));
  const keyArn = ref("aws_kms_key", "estate_key", "arn");
  const monitoringKeyArn = ref("aws_kms_key", "monitoring_key", "arn");

  // Nothing unresolved from cdktf tokens.
  expect(JSON.stringify(tf)).not.toMatch(/\$\{TfToken|TOKEN\[|\$\{Token\[/);

  // Evidence is never destroyed by accident.
  const keys = all(tf, "aws_kms_key");
  expect(keys.map(([name]) => name).sort()).toEqual(["estate_key", "monitoring_key"]);
  for (const [name, key] of keys) {
    expect(key, name).toMatchObject({ enable_key_rotation: true, multi_region: false, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
  }
  const buckets = all(tf, "aws_s3_bucket");
  const configBucket = (plan.config?.recorderAccounts.length ?? 0) > 0;
  expect(buckets.map(([, b]) => b.bucket).sort()).toEqual([plan.archive.name, plan.accessLogs.name, ...(configBucket ? [plan.config!.bucketName] : [])].sort());
  for (const [name, bucket] of buckets) {
    expect(bucket.lifecycle, name).toEqual({ prevent_destroy: true });
    expect(forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", name), `${name} encryption`).toHaveLength(1);
    const [block] = forBucket(tf, "aws_s3_bucket_public_access_block", name);
    expect(block, `${name} public access block`).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(JSON.stringify(forBucket(tf, "aws_s3_bucket_versioning", name)), `${name} versioning`).toContain('"status":"Enabled"');
    const [policy] = forBucket(tf, "aws_s3_bucket_policy", name);
    const docName = /data\.aws_iam_policy_document\.([\w-]+)\.minified_json/.exec(String(policy?.policy))?.[1];
    expect(JSON.stringify(tf.data?.aws_iam_policy_document?.[docName ?? ""]), `${name} TLS-only`).toContain('"aws:SecureTransport"');
  }

  // The archive: KMS with the estate key, retention from the plan, lock at least the immutable minimum.
  const archive = bucketResource(tf, plan.archive.name);
  const sse = JSON.stringify(forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", archive));
  expect(sse).toContain('"sse_algorithm":"aws:kms"');
  expect(sse).toContain('"bucket_key_enabled":true');
  const lifecycles = forBucket(tf, "aws_s3_bucket_lifecycle_configuration", archive);
  if (plan.archive.lifecycle) {
    expect(plan.archive.mfaDelete).toBe(false);
    const rule = first(lifecycles[0]!.rule as Attrs | Attrs[]);
    const expiration = first(rule.expiration as Attrs | Attrs[]).days as number;
    expect(expiration).toBe(plan.retention.archiveDays.value);
    expect(expiration).toBeGreaterThanOrEqual(minimum("minArchiveDays"));
    const transitions = ((rule.transition as Attrs[] | undefined) ?? []).map((t) => t.days as number);
    expect(transitions).toEqual([...transitions].sort((a, b) => a - b));
    for (const days of transitions) expect(days).toBeLessThan(expiration);
  } else {
    expect(lifecycles, "no lifecycle on an MFA-delete or no-expiry archive").toHaveLength(0);
  }
  const locks = forBucket(tf, "aws_s3_bucket_object_lock_configuration", archive);
  if (plan.archive.objectLock) {
    expect(all(tf, "aws_s3_bucket").find(([n]) => n === archive)![1].object_lock_enabled).toBe(true);
    const retention = first((locks[0]!.rule as Attrs).default_retention as Attrs | Attrs[]);
    expect(retention).toEqual({ mode: plan.archive.objectLock.mode, days: plan.archive.objectLock.days });
    const immutable = Math.max(0, ...frameworks.filter((f) => f.requiresImmutability).map((f) => f.minArchiveDays));
    expect(plan.archive.objectLock.days).toBeGreaterThanOrEqual(immutable);
  } else {
    expect(frameworks.some((f) => f.requiresImmutability)).toBe(false);
    expect(locks).toHaveLength(0);
  }

  // The trail: multi-region, validated, KMS-encrypted.
  const trails = all(tf, "aws_cloudtrail");
  expect(trails).toHaveLength(1);
  expect(trails[0]![1]).toMatchObject({
    is_multi_region_trail: true,
    enable_log_file_validation: true,
    enable_logging: true,
    kms_key_id: keyArn,
    is_organization_trail: plan.topology === "organization",
  });

  // The log group, when the estate owns it: KMS and an allowed retention at least the minimum.
  const groups = all(tf, "aws_cloudwatch_log_group");
  expect(groups).toHaveLength(plan.logGroup.managed ? 1 : 0);
  for (const [, group] of groups) {
    expect(group.kms_key_id).toBe(monitoringKeyArn);
    expect(group.lifecycle).toEqual({ prevent_destroy: true });
    expect(CLOUDWATCH_RETENTION_DAYS).toContain(group.retention_in_days);
    expect(group.retention_in_days as number).toBeGreaterThanOrEqual(Math.max(minimum("minHotDays"), plan.retention.hotDays.value));
  }

  // Every planned alarm: the exact published pattern, actions enabled, an encrypted topic with subscribers.
  const expected = new Map(
    [...CIS_METRIC_FILTERS, ...(plan.alarms.some((a) => a.metricName === "BreakGlassRoleUsage") ? [breakGlassUsageFilter(plan.guardrails?.breakGlassRoleName ?? "BreakGlass")] : [])].map((f) => [f.metricName, f.pattern]),
  );
  const filters = all(tf, "aws_cloudwatch_log_metric_filter").map(([, f]) => f);
  expect(filters).toHaveLength(plan.alarms.length);
  for (const alarm of plan.alarms) {
    const filter = filters.find((f) => first(f.metric_transformation as Attrs | Attrs[]).name === alarm.metricName);
    expect(filter?.pattern, alarm.id).toBe(expected.get(alarm.metricName));
  }
  const topics = new Map(all(tf, "aws_sns_topic"));
  for (const [, topic] of topics) expect(topic.kms_master_key_id).toBe(monitoringKeyArn);
  const subscriptions = all(tf, "aws_sns_topic_subscription").map(([, s]) => s);
  const alarms = all(tf, "aws_cloudwatch_metric_alarm").map(([, a]) => a);
  // One per planned filter, plus the delivery-health alarm.
  expect(alarms).toHaveLength(plan.alarms.length + 1);
  for (const alarm of alarms) {
    expect(alarm.actions_enabled, String(alarm.alarm_name)).toBe(true);
    const actions = alarm.alarm_actions as string[];
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      const topic = /^\$\{aws_sns_topic\.([\w-]+)\.arn\}$/.exec(action)?.[1];
      expect(topics.has(topic ?? ""), `${String(alarm.alarm_name)} -> ${action}`).toBe(true);
      expect(subscriptions.filter((s) => s.topic_arn === action).length).toBeGreaterThan(0);
    }
  }

  // AWS Config: the planned rules, no more, no fewer.
  expect(all(tf, "aws_config_config_rule").map(([, r]) => r.name).sort()).toEqual((plan.config?.rules ?? []).map((r) => r.name).sort());
}
