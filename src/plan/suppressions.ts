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
  const configBucket = (plan.config?.recorderAccounts.length ?? 0) > 0;
  const buckets = [ADDRESSES.archiveBucket, ADDRESSES.accessLogBucket, ...(configBucket ? [ADDRESSES.configBucket] : [])];
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
  out.push({
    check: "CKV2_AWS_62",
    target: ADDRESSES.archiveBucket,
    reason: `delivery is watched by the delivery-health alarm (no event reaching the trail's log group for ${plan.deliveryHealth.silentMinutes} minutes), not by per-object S3 event notifications`,
  });
  for (const target of buckets.filter((b) => b !== ADDRESSES.archiveBucket)) {
    out.push({ check: "CKV2_AWS_62", target, reason: "nothing acts on a per-object notification for this bucket: it only receives AWS service deliveries, recorded in its server access logs" });
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
