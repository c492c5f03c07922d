// Scanner checks the estate fails on purpose. Each is written into the HCL as
// `# checkov:skip=<id>:<reason>` on the resource and listed in COMPLIANCE.md.
// Targets are Terraform addresses; test/suppressions.test.ts proves each exists.
import type { ResolvedPlan, Suppression } from "../model/plan.js";

export const ADDRESSES = {
  archiveBucket: "aws_s3_bucket.log_archive_bucket",
  accessLogBucket: "aws_s3_bucket.access_logs_bucket",
  configBucket: "aws_s3_bucket.config_bucket",
  trail: "aws_cloudtrail.trail_main",
} as const;

export function planSuppressions(plan: ResolvedPlan): Suppression[] {
  const buckets = [ADDRESSES.archiveBucket, ADDRESSES.accessLogBucket, ...(plan.config ? [ADDRESSES.configBucket] : [])];
  const out: Suppression[] = [];
  if (plan.residency) {
    for (const target of buckets) {
      out.push({
        check: "CKV_AWS_144",
        target,
        reason: `residency: logs stay in ${plan.allowedRegions.join(", ")}; cross-region replication would copy evidence out of the jurisdiction`,
      });
    }
  }
  out.push(
    { check: "CKV_AWS_145", target: ADDRESSES.accessLogBucket, reason: "S3 server access logging cannot deliver to an SSE-KMS bucket, so this bucket uses SSE-S3" },
    { check: "CKV_AWS_18", target: ADDRESSES.accessLogBucket, reason: "this is the access-log target; logging it to itself would loop" },
  );
  if (plan.config) {
    out.push({
      check: "CKV_AWS_145",
      target: ADDRESSES.configBucket,
      reason: "AWS Config delivers across accounts with SSE-S3; an SSE-KMS key would need cross-account grants that fail silently when wrong",
    });
  }
  for (const target of buckets) {
    out.push({ check: "CKV2_AWS_62", target, reason: "log delivery is watched by CloudTrail metric filters and alarms, not S3 event notifications" });
  }
  out.push({ check: "CKV_AWS_252", target: ADDRESSES.trail, reason: "alerting runs through CloudWatch metric filters and alarms; a per-log-file SNS notification adds noise and cost" });
  if (!plan.archive.lifecycle) {
    out.push(
      { check: "CKV2_AWS_61", target: ADDRESSES.archiveBucket, reason: "MFA delete is on, and S3 does not allow lifecycle rules on an MFA-delete bucket; expired logs are deleted by hand (see the MFA-delete runbook)" },
      { check: "CKV_AWS_300", target: ADDRESSES.archiveBucket, reason: "no lifecycle configuration is possible on an MFA-delete bucket" },
    );
  }
  return out;
}
