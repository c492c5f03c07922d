// AWS quotas an answer can push past. Each is checked on what the constructs will emit, before
// anything is written, so the user gets exit 2 naming the limit instead of a failed apply.
// Limits: reference/toolchain.md, "AWS quotas a generated estate must stay inside".
import { ConfigError } from "../model/errors.js";
import type { ResolvedPlan } from "../model/plan.js";
import { archivePolicyStatements } from "../policies/archive-bucket-policy.js";
import { SCP_MAX_CHARS, scpJson, scpSpecs } from "../policies/guardrail-scp-specs.js";
import { estateKeyStatements, monitoringKeyStatements } from "../policies/key-policies.js";
import { iamPolicyJson } from "../policies/policy-json.js";

/** https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html */
export const MAX_SELECTOR_VALUES = 500;
/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html ("bucket policies are limited to 20 KB") */
export const MAX_BUCKET_POLICY_BYTES = 20 * 1024;
/** https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html (key policy document size: 32 KB) */
export const MAX_KEY_POLICY_BYTES = 32 * 1024;
/** https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html */
export const MAX_METRIC_FILTERS_PER_GROUP = 100;
export const MAX_FILTER_PATTERN_CHARS = 1024;
/** https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html: 5 SCPs per root, OU or account, FullAWSAccess included. */
export const MAX_SCPS_PER_TARGET = 5;

function over(field: string, message: string, hint: string): never {
  throw new ConfigError(`${field}: ${message}`, { field, hint });
}

/** Values across every advanced event selector's field conditions, as the trail construct writes them. */
export function selectorValueCount(plan: ResolvedPlan): number {
  const t = plan.trail;
  let n = t.managementEvents ? 1 : 0;
  if (t.s3DataEvents === "all") n += 2 + t.excludedBucketArns.length;
  else if (t.s3DataEvents !== "off") n += 2 + t.s3DataEvents.buckets.length;
  if (t.lambdaDataEvents) n += 2;
  return n;
}

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

export function checkQuotas(plan: ResolvedPlan): void {
  const values = selectorValueCount(plan);
  if (values > MAX_SELECTOR_VALUES) {
    over(
      "dataEvents.s3Buckets",
      `the trail's event selectors would hold ${values} values; CloudTrail allows at most ${MAX_SELECTOR_VALUES} across all advanced event selectors of a trail`,
      `name at most ${MAX_SELECTOR_VALUES - (values - (plan.trail.s3DataEvents as { buckets: readonly string[] }).buckets.length)} buckets, or record every bucket with dataEvents.s3=all`,
    );
  }

  const archivePolicy = bytes(iamPolicyJson(archivePolicyStatements(plan)));
  if (archivePolicy > MAX_BUCKET_POLICY_BYTES) {
    over(
      "readers",
      `${plan.key.readerArns.length} readers make the archive bucket policy ${archivePolicy} bytes; S3 allows ${MAX_BUCKET_POLICY_BYTES}`,
      "name fewer reader roles: grant one role per team and let people assume it",
    );
  }
  for (const [field, statements] of [["readers", estateKeyStatements(plan)], ["alerts", monitoringKeyStatements(plan)]] as const) {
    const size = bytes(iamPolicyJson(statements));
    if (size > MAX_KEY_POLICY_BYTES) over(field, `the key policy would be ${size} bytes; KMS allows ${MAX_KEY_POLICY_BYTES}`, "name fewer reader roles: grant one role per team and let people assume it");
  }

  if (plan.alarms.length > MAX_METRIC_FILTERS_PER_GROUP) {
    over("alerts", `${plan.alarms.length} metric filters on one log group; CloudWatch Logs allows ${MAX_METRIC_FILTERS_PER_GROUP}`, "turn off optional alarms");
  }
  const long = plan.alarms.find((a) => a.pattern.length > MAX_FILTER_PATTERN_CHARS);
  if (long) over("alerts", `the ${long.id} filter pattern is ${long.pattern.length} characters; CloudWatch Logs allows ${MAX_FILTER_PATTERN_CHARS}`, "shorten the names it matches (for break-glass: guardrails.breakGlassRoleName)");

  if (plan.guardrails) {
    const specs = scpSpecs(plan);
    // Ours plus FullAWSAccess, which stays attached (Control Tower guidance: keep it unmerged).
    if (specs.length + 1 > MAX_SCPS_PER_TARGET) over("guardrails", `${specs.length + 1} SCPs on the organization root; Organizations allows ${MAX_SCPS_PER_TARGET}`, "turn off guardrails.regionDeny");
    for (const spec of specs) {
      const size = scpJson(spec).length;
      if (size > SCP_MAX_CHARS) {
        over("guardrails", `the ${spec.name} SCP would be ${size} characters; Organizations allows ${SCP_MAX_CHARS}`, "use shorter role names (guardrails.breakGlassRoleName, accounts.deployRoleName) or fewer allowed regions");
      }
    }
  }
}
