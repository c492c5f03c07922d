// For each scanner check the plan suppresses on purpose (src/plan/suppressions.ts),
// what the organisation does instead, so an auditor reads the compensating
// measure beside the reason. Keyed by check id; the reason itself stays in the
// plan, next to the decision.
import type { ResolvedPlan, Suppression } from "../model/plan.js";

type Guidance = (plan: ResolvedPlan, suppression: Suppression) => string;

const GUIDANCE: Readonly<Record<string, Guidance>> = Object.freeze({
  CKV_AWS_144: (p) =>
    // One sentence for every bucket (the lock is named for the archive only), so
    // COMPLIANCE.md can list the buckets in one row instead of repeating it.
    `Rely on S3's storage across at least three Availability Zones in ${p.homeRegion}${p.archive.objectLock ? " (and on Object Lock for the log archive)" : ""}; if policy demands a second copy, keep it inside the jurisdiction (for example Same-Region Replication to another account).`,
  CKV_AWS_145: () =>
    "Accept SSE-S3 (AES-256) here: the bucket holds access records or Config snapshots, not the trail; the bucket policy still denies public access and plain HTTP.",
  CKV_AWS_18: (p) =>
    `Nothing further: changes to ${p.accessLogs.name}'s configuration and policy are management events the trail records, and the S3 bucket-policy alarm watches them.`,
  // The archive's deliveries are the trail's, so the trail's health is the check;
  // the other buckets receive only AWS service deliveries that nothing acts on.
  CKV2_AWS_62: (p, s) =>
    s.target.endsWith(".log_archive_bucket")
      ? `Watch delivery through the trail instead: the CloudTrail-changes alarm and \`aws cloudtrail get-trail-status --name ${p.trail.name}\` (LatestDeliveryError) report a trail that stops delivering.`
      : "Nothing further: only AWS services write to this bucket, and a change to its configuration is a management event the trail records.",
  CKV_AWS_252: () => "Nothing further: alarms notify through the SNS alert topics.",
  CKV2_AWS_61: (p) => `Delete logs older than ${p.retention.archiveDays.value} days by hand, as the root user with MFA (README.md, MFA-delete runbook).`,
  CKV_AWS_300: () => "Abort stale multipart uploads by hand when deleting expired logs (`aws s3api list-multipart-uploads`).",
});

const FALLBACK = "The reason is the compensating measure; agree it with your auditor.";

export function insteadOfSuppressed(suppression: Suppression, plan: ResolvedPlan): string {
  return GUIDANCE[suppression.check]?.(plan, suppression) ?? FALLBACK;
}

export function hasGuidance(check: string): boolean {
  return check in GUIDANCE;
}
