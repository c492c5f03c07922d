// What really happens to the archive's files, in the words every document uses
// (README, COMPLIANCE.md, `presets show`, the wizard summary), derived once from
// the plan's lifecycle rule, S3's 128 KB transition minimum and the cost
// estimate's file size, so no document can promise a transition S3 will not
// make or disagree with the cost table.
import { COST_MODEL } from "../catalog/cost-assumptions.js";
import { type CostEstimate, estimateMonthlyCost } from "../cost/estimate-monthly-cost.js";
import { groupThousands, kilobytes, usd } from "../cost/format-numbers.js";
import { CLASS_NAMES } from "../cost/storage-price.js";
import type { ResolvedPlan } from "../model/plan.js";

export const LIFECYCLE_MINIMUM_DOC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html";
/** "128 KB": S3's default minimum object size for a lifecycle transition. */
export const MINIMUM_TRANSITION_SIZE = kilobytes(COST_MODEL.lifecycleMinimumTransitionBytes.value).replace(".0 KB", " KB");
const MINIMUM = MINIMUM_TRANSITION_SIZE;

export interface ArchiveTiers {
  /** The rule as S3 applies it: what moves where and when, what stays, when everything is deleted. */
  readonly rule: string;
  /** What the cost estimate expects at its assumed file size; empty when nothing could move. */
  readonly expected: string;
  /** True when some files can reach S3 Glacier Deep Archive (and would need a restore to be read). */
  readonly deepArchive: boolean;
  /** Day files of the minimum size or more reach Deep Archive, when they can. */
  readonly deepArchiveDay: number | undefined;
}

export function archiveTiers(plan: ResolvedPlan, cost: CostEstimate = estimateMonthlyCost(plan)): ArchiveTiers {
  const lc = plan.archive.lifecycle;
  if (!lc) {
    return { rule: "No lifecycle rule (S3 allows none on an MFA-delete bucket): every file stays in S3 Standard and nothing is deleted by itself.", expected: "", deepArchive: false, deepArchiveDay: undefined };
  }
  const deleted = `every file is deleted after ${groupThousands(lc.expirationDays)} days`;
  if (lc.transitions.length === 0) return { rule: `Every file stays in S3 Standard; ${deleted}.`, expected: "", deepArchive: false, deepArchiveDay: undefined };
  const moves = lc.transitions.map((t) => `${CLASS_NAMES[t.storageClass]} (${t.storageClass}) after ${groupThousands(t.days)} days`).join(" and ");
  const rule = `Files of ${MINIMUM} or more move to ${moves}; files under ${MINIMUM} stay in S3 Standard (S3's default minimum for a transition, which this estate keeps); ${deleted}.`;
  const average = kilobytes(cost.archive.averageObjectBytes);
  const expected = cost.archive.layout.transitions
    ? `The cost estimate assumes files average ${average}, so it prices them through every tier.`
    : `The cost estimate assumes files average ${average}, under ${MINIMUM}, so it expects every file to stay in S3 Standard.`;
  const deep = lc.transitions.find((t) => t.storageClass === "DEEP_ARCHIVE");
  return { rule, expected, deepArchive: deep !== undefined, deepArchiveDay: deep?.days };
}

/**
 * Why small files are not forced through the tiers (the decision and its numbers are in
 * src/cost/small-file-transitions.ts), for this estate's own file size and prices.
 */
export function smallFileDecision(plan: ResolvedPlan, cost: CostEstimate = estimateMonthlyCost(plan)): string | undefined {
  const s = cost.archive.smallFiles;
  if (!s) return undefined;
  const head = `The lifecycle rule does not lower S3's ${MINIMUM} minimum (\`object_size_greater_than\`; ${LIFECYCLE_MINIMUM_DOC}).`;
  if (cost.archive.layout.transitions) return `${head} At the estimated ${kilobytes(s.averageObjectBytes)} per file, over the minimum, files move through the tiers anyway; only smaller ones stay in S3 Standard.`;
  const classes = plan.archive.lifecycle!.transitions.map((t) => t.storageClass);
  const why = [
    ...(classes.includes("GLACIER_IR") ? ["S3 Glacier Instant Retrieval bills each file as at least 128 KB"] : []),
    ...(classes.includes("DEEP_ARCHIVE") ? ["S3 Glacier Deep Archive adds 40 KB per file"] : []),
    "every transition is a paid request",
  ].join(", ");
  const verdict =
    s.transitionedUsd > s.standardUsd
      ? "forcing them would cost more, so the rule keeps S3's default"
      : "forcing them would cost less at this size, but the rule keeps S3's default: set `object_size_greater_than` on the rule yourself if your files are this large";
  return `${head} At the estimated ${kilobytes(s.averageObjectBytes)} per file and ${cost.prices.region} list prices, a million files kept their ${groupThousands(s.lifeDays)} days cost ${usd(s.standardUsd)} in S3 Standard and ${usd(s.transitionedUsd)} forced through ${classes.join(" and ")} (${why}): ${verdict}.`;
}

const VALIDATE_LOGS_DOC = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-cli.html";
const RESTORE_DOC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html";

/**
 * What the storage classes mean for `aws cloudtrail validate-logs`: AWS documents that it reads
 * the digest files and the log files they list from where CloudTrail delivered them, and that
 * Deep Archive objects must be restored before a GET; what follows from the two is marked as inferred.
 */
export function validationAfterArchive(plan: ResolvedPlan, tiers: ArchiveTiers = archiveTiers(plan)): readonly string[] {
  const out = [
    `\`aws cloudtrail validate-logs\` reads the digest files and every log file they list, in place in the archive: it needs read access to both, and neither may have been moved from where CloudTrail delivered it (${VALIDATE_LOGS_DOC}).`,
  ];
  const classes = plan.archive.lifecycle?.transitions.map((t) => t.storageClass) ?? [];
  if (classes.length === 0) {
    out.push("Every file stays in S3 Standard, so validation can read the whole archive at any time.");
    return out;
  }
  out.push(`Digest files are small and stay in S3 Standard unless one reaches ${MINIMUM} (inferred: a digest holds one hash per log file of its hour, a few KB for most accounts), and so do log files under ${MINIMUM}: validation reads them directly.`);
  if (classes.includes("GLACIER_IR")) out.push(`S3 Glacier Instant Retrieval is read with an ordinary GET, at a per-GB retrieval charge, so validation reads those files too (${RESTORE_DOC}).`);
  if (tiers.deepArchive) {
    out.push(
      `A log file of ${MINIMUM} or more is in S3 Glacier Deep Archive after ${groupThousands(tiers.deepArchiveDay!)} days and cannot be read until it is restored: a restore (\`aws s3api restore-object\`, or S3 Batch Operations for many files) makes a temporary copy readable at the same key for the days you ask, and typically finishes within 12 hours (Standard) or 48 hours (Bulk) (${RESTORE_DOC}). To validate a period older than ${groupThousands(tiers.deepArchiveDay!)} days, restore that period's Deep Archive files first, then run validate-logs. Inferred, not stated by AWS: until then validate-logs cannot read those files and will not report them valid. No role this estate creates is granted \`s3:RestoreObject\`.`,
    );
  }
  return out;
}
