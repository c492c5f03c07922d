// Each preset's Terraform checked against the control catalog (controls.md):
// exact Security Hub metric filter patterns, alarms with actions, encryption
// everywhere, retention at least what the selected regulations require.
import { describe, expect, it } from "vitest";
import published from "../fixtures/published-metric-filter-patterns.json" with { type: "json" };
import { CIS_METRIC_FILTERS } from "../../src/catalog/cis-metric-filters.js";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";
import { presetTfJson, resourcesOf, type TfJson } from "../helpers/estate-cache.js";

type Attrs = Record<string, unknown>;
const one = <T>(list: T[], what: string): T => {
  expect(list, what).toHaveLength(1);
  return list[0]!;
};
const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;
const bucketNamed = (tf: TfJson, bucket: string) => one(resourcesOf(tf, "aws_s3_bucket").filter(([, b]) => b.bucket === bucket), `bucket ${bucket}`)[0];
const forBucket = (tf: TfJson, type: string, bucketResource: string) =>
  resourcesOf(tf, type).filter(([, r]) => r.bucket === ref("aws_s3_bucket", bucketResource, "id") || r.bucket === ref("aws_s3_bucket", bucketResource, "bucket"));

describe("the catalog transcribes the published patterns exactly", () => {
  it("every CIS filter equals Security Hub's (or CIS v3's) published text", () => {
    const patterns = Object.values(published.patterns).map((p) => p.pattern);
    expect(CIS_METRIC_FILTERS).toHaveLength(15);
    for (const filter of CIS_METRIC_FILTERS) expect(patterns, filter.id).toContain(filter.pattern);
    for (const p of Object.values(published.patterns)) {
      if (p.securityHub) expect(CIS_METRIC_FILTERS.find((f) => f.securityHub === p.securityHub)?.pattern).toBe(p.pattern);
    }
  });
});

describe.each(PRESET_IDS)("%s Terraform meets the control catalog", (id) => {
  const plan = presetPlan(id);

  it("has every planned CIS metric filter with the exact published pattern, on the trail's log group", async () => {
    const tf = await presetTfJson(id);
    const filters = resourcesOf(tf, "aws_cloudwatch_log_metric_filter").map(([, f]) => f);
    const cisInPlan = CIS_METRIC_FILTERS.filter((f) => plan.alarms.some((a) => a.id === f.id));
    expect(cisInPlan.length).toBe(plan.topology === "organization" ? 15 : 14);
    for (const control of cisInPlan) {
      const filter = one(filters.filter((f) => f.pattern === control.pattern), control.id);
      const block = filter.metric_transformation as Attrs | Attrs[];
      const transformation = Array.isArray(block) ? block[0]! : block;
      expect(transformation).toMatchObject({ name: control.metricName, namespace: plan.alarmNamespace, value: "1" });
      expect(String(filter.log_group_name)).toContain("aws_cloudwatch_log_group.log_group_main");
    }
  });

  it("alarms every filter with actions enabled, notifying an encrypted topic with a subscriber", async () => {
    const tf = await presetTfJson(id);
    // The metric-filter alarms; the delivery-health alarm watches AWS/Logs and has its own test.
    const alarms = resourcesOf(tf, "aws_cloudwatch_metric_alarm")
      .filter(([name]) => name !== "delivery_health_alarm")
      .map(([, a]) => a);
    expect(alarms).toHaveLength(plan.alarms.length);
    const topics = new Map(resourcesOf(tf, "aws_sns_topic"));
    const subscriptions = resourcesOf(tf, "aws_sns_topic_subscription").map(([, s]) => s);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        actions_enabled: true,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        evaluation_periods: 1,
        period: 300,
        statistic: "Sum",
        namespace: plan.alarmNamespace,
      });
      const actions = alarm.alarm_actions as string[];
      expect(actions).toHaveLength(1);
      const topicName = /aws_sns_topic\.([\w-]+)\.arn/.exec(actions[0]!)?.[1];
      expect(topics.has(topicName!), `alarm ${String(alarm.alarm_name)} -> ${actions[0]}`).toBe(true);
      expect(subscriptions.filter((s) => s.topic_arn === ref("aws_sns_topic", topicName!, "arn")).length).toBeGreaterThan(0);
    }
    for (const [, topic] of topics) expect(topic.kms_master_key_id).toBe(ref("aws_kms_key", "monitoring_key", "arn"));
  });

  it("alarms when the trail stops delivering: no incoming event for the planned silence, missing data breaching", async () => {
    const tf = await presetTfJson(id);
    const [, alarm] = one(resourcesOf(tf, "aws_cloudwatch_metric_alarm").filter(([name]) => name === "delivery_health_alarm"), "delivery alarm");
    expect(alarm).toMatchObject({
      namespace: "AWS/Logs",
      metric_name: "IncomingLogEvents",
      comparison_operator: "LessThanThreshold",
      threshold: 1,
      treat_missing_data: "breaching",
      actions_enabled: true,
      period: 300,
      evaluation_periods: plan.deliveryHealth.silentMinutes / 5,
    });
    expect(alarm.dimensions).toEqual({ LogGroupName: plan.logGroup.managed ? ref("aws_cloudwatch_log_group", "log_group_main", "name") : expect.any(String) });
    expect(alarm.alarm_actions).toEqual([ref("aws_sns_topic", `alerts_${plan.deliveryHealth.tier}_topic`, "arn")]);
  });

  it("trail: multi-region, global events, validated, KMS-encrypted, organization-wide where planned", async () => {
    const tf = await presetTfJson(id);
    const [, trail] = one(resourcesOf(tf, "aws_cloudtrail"), "trail");
    expect(trail).toMatchObject({
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      is_organization_trail: plan.topology === "organization",
      kms_key_id: ref("aws_kms_key", "estate_key", "arn"),
      cloud_watch_logs_group_arn: `${ref("aws_cloudwatch_log_group", "log_group_main", "arn")}:*`,
    });
    const selectors = JSON.stringify(trail.advanced_event_selector);
    expect(selectors).toContain('"Management"');
    if (plan.trail.s3DataEvents === "all") {
      for (const arn of plan.trail.excludedBucketArns) expect(selectors).toContain(arn);
    }
  });

  it("keys: rotating, 30-day deletion window, single-Region, protected from destroy, each in its planned account", async () => {
    const tf = await presetTfJson(id);
    const keys = resourcesOf(tf, "aws_kms_key");
    expect(keys.map(([name]) => name).sort()).toEqual(["estate_key", "monitoring_key"]);
    for (const [name, key] of keys) {
      expect(key).toMatchObject({
        enable_key_rotation: true,
        rotation_period_in_days: 365,
        deletion_window_in_days: 30,
        multi_region: false,
        is_enabled: true,
        lifecycle: { prevent_destroy: true },
      });
      const prefix = name.replace(/_key$/, "");
      expect(key.policy).toBe(ref("data.aws_iam_policy_document", `${prefix}_policy_document`, "minified_json"));
    }
    if (plan.topology === "organization") {
      expect(keys.find(([n]) => n === "estate_key")![1].provider).toBe("aws.security");
      expect(keys.find(([n]) => n === "monitoring_key")![1].provider).toBe("aws.management");
    }
  });

  it("every bucket: public access blocked, owner-enforced, encrypted, versioned, TLS-only; evidence protected from destroy", async () => {
    const tf = await presetTfJson(id);
    const buckets = resourcesOf(tf, "aws_s3_bucket");
    expect(buckets.length).toBe(((plan.config?.recorderAccounts.length ?? 0) > 0 ? 3 : 2) + (plan.forensics ? 1 : 0));
    for (const [name, bucket] of buckets) {
      // Athena's results bucket holds expiring working copies, not evidence: turning forensics off must be able to remove it.
      if (bucket.bucket === plan.forensics?.resultsBucket.name) expect(bucket.lifecycle, name).toBeUndefined();
      else expect(bucket.lifecycle, name).toEqual({ prevent_destroy: true });
      const [, block] = one(forBucket(tf, "aws_s3_bucket_public_access_block", name), `${name} public access block`);
      expect(block).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
      const [, ownership] = one(forBucket(tf, "aws_s3_bucket_ownership_controls", name), `${name} ownership`);
      expect(JSON.stringify(ownership.rule)).toContain("BucketOwnerEnforced");
      one(forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", name), `${name} encryption`);
      const [, versioning] = one(forBucket(tf, "aws_s3_bucket_versioning", name), `${name} versioning`);
      expect(JSON.stringify(versioning.versioning_configuration)).toContain('"status":"Enabled"');
      const [, policy] = one(forBucket(tf, "aws_s3_bucket_policy", name), `${name} policy`);
      const docName = /data\.aws_iam_policy_document\.([\w-]+)\.minified_json/.exec(String(policy.policy))![1]!;
      const doc = JSON.stringify(tf.data?.aws_iam_policy_document?.[docName]);
      expect(doc).toContain("DenyInsecureTransport");
      expect(doc).toContain("aws:SecureTransport");
    }
  });

  it("log archive: SSE-KMS with bucket key, Object Lock as planned, expiring at the archive period, access-logged", async () => {
    const tf = await presetTfJson(id);
    const name = bucketNamed(tf, plan.archive.name);
    expect(name).toBe("log_archive_bucket");
    expect(resourcesOf(tf, "aws_s3_bucket").find(([n]) => n === name)![1].object_lock_enabled).toBe(true);
    const [, sse] = one(forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", name), "sse");
    expect(JSON.stringify(sse.rule)).toContain('"sse_algorithm":"aws:kms"');
    expect(JSON.stringify(sse.rule)).toContain('"bucket_key_enabled":true');
    const [, lock] = one(forBucket(tf, "aws_s3_bucket_object_lock_configuration", name), "object lock");
    expect(JSON.stringify(lock.rule)).toContain(`"mode":"${plan.archive.objectLock!.mode}"`);
    expect(JSON.stringify(lock.rule)).toContain(`"days":${plan.archive.objectLock!.days}`);
    const [, lifecycle] = one(forBucket(tf, "aws_s3_bucket_lifecycle_configuration", name), "lifecycle");
    expect(JSON.stringify(lifecycle.rule)).toContain(`"expiration":[{"days":${plan.retention.archiveDays.value}}]`);
    const [, logging] = one(forBucket(tf, "aws_s3_bucket_logging", name), "logging");
    expect(logging.target_bucket).toBe(ref("aws_s3_bucket", "access_logs_bucket", "bucket"));
  });

  it("log group: KMS-encrypted, retention at least every selected regulation's minimum", async () => {
    const tf = await presetTfJson(id);
    const [, group] = one(resourcesOf(tf, "aws_cloudwatch_log_group"), "log group");
    expect(group.kms_key_id).toBe(ref("aws_kms_key", "monitoring_key", "arn"));
    const minimum = Math.max(...plan.frameworks.map((f) => FRAMEWORKS[f.id as FrameworkId].minHotDays));
    expect(group.retention_in_days as number).toBeGreaterThanOrEqual(Math.max(minimum, 365));
    expect(plan.retention.archiveDays.value).toBeGreaterThanOrEqual(Math.max(...plan.frameworks.map((f) => FRAMEWORKS[f.id as FrameworkId].minArchiveDays)));
  });

  it("every resource names its account's provider in an organization", async () => {
    const tf = await presetTfJson(id);
    if (plan.topology !== "organization") return expect(Object.keys(tf.provider?.aws ?? [])).toHaveLength(1);
    for (const kind of [tf.resource, tf.data ?? {}]) {
      for (const [type, byName] of Object.entries(kind)) {
        for (const [name, body] of Object.entries(byName)) expect(body.provider, `${type}.${name}`).toMatch(/^aws\.(management|log_archive|security)$/);
      }
    }
  });
});
