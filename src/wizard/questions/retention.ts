// How long evidence is kept, per tier. Defaults are the strictest selected
// requirement; an answer below it is rejected inline naming the regulation;
// CloudWatch Logs values are snapped up to a retention the API accepts. A
// number set by hand is followed by its reason question (reasons.ts).
import { CLOUDWATCH_RETENTION_DAYS, snapRetentionDays } from "../../catalog/cloudwatch-retention.js";
import { DEFAULT_CHOICES } from "../../catalog/engineering-choices.js";
import { strictest } from "../../plan/retention.js";
import { retentionWarnings } from "../../plan/retention-warnings.js";
import { valueAt, type Draft } from "../draft.js";
import { checkMinimum, selectedFrameworks } from "../field-checks.js";
import type { NumberQuestion } from "../question.js";
import { reasonPatches } from "./reasons.js";

/** Used where no selected framework sets an archive period (UK GDPR only asks for a documented one). */
const BASELINE_ARCHIVE = DEFAULT_CHOICES.archiveDays;
/** One year searchable: what Security Hub CloudWatch.16 and NCSC CAF's AWS pack check. */
const BASELINE_HOT_DAYS = DEFAULT_CHOICES.hotDays.value;
const MAX_HOT_DAYS = CLOUDWATCH_RETENTION_DAYS[CLOUDWATCH_RETENTION_DAYS.length - 1]!;

function requirement(draft: Draft, field: "minArchiveDays" | "minHotDays" | "minImmediateDays"): string {
  const strict = strictest(selectedFrameworks(draft), field);
  return strict ? `the strictest selected requirement is ${strict[field]} days (${strict.name}, ${strict.retention.citation.text})` : "";
}

function archiveDays(draft: Draft): number | undefined {
  const value = valueAt(draft, "retention.archiveDays");
  return typeof value === "number" ? value : undefined;
}

export const archive: NumberQuestion = {
  id: "retention.archiveDays",
  kind: "number",
  example: "2557",
  message: () => "Days to keep logs in the S3 archive (they expire after this)",
  explain: (draft) => {
    const why = requirement(draft, "minArchiveDays");
    return why
      ? `Archive retention: ${why}.`
      : `Archive retention: no selected framework sets a period; the default is ${BASELINE_ARCHIVE.value} days (${BASELINE_ARCHIVE.why}).`;
  },
  defaultValue: (draft) => strictest(selectedFrameworks(draft), "minArchiveDays")?.minArchiveDays ?? BASELINE_ARCHIVE.value,
  validate: (days, draft) => checkMinimum(days, draft, "minArchiveDays", "retention.archiveDays"),
  // Accepted, but said at once: far past every minimum is worth a second thought under GDPR's storage limitation.
  apply: (days, draft) => {
    const [warning] = retentionWarnings({ frameworkIds: selectedFrameworks(draft).map((f) => f.id), archiveDays: days });
    return { patches: [{ id: "retention.archiveDays", value: days }, ...reasonPatches("archiveDays", days, draft)], ...(warning ? { note: `Warning: ${warning}` } : {}) };
  },
};

export const hot: NumberQuestion = {
  id: "retention.hotDays",
  kind: "number",
  example: "365",
  message: () => "Days logs stay searchable in CloudWatch Logs",
  explain: (draft) => {
    const why = requirement(draft, "minHotDays");
    return `CloudWatch Logs retention${why ? `: ${why}` : ""}. CloudWatch accepts only ${CLOUDWATCH_RETENTION_DAYS.join(", ")} days; other answers are rounded up.`;
  },
  defaultValue: (draft) => snapRetentionDays(Math.max(BASELINE_HOT_DAYS, strictest(selectedFrameworks(draft), "minHotDays")?.minHotDays ?? 0)),
  validate: (days, draft) =>
    days > MAX_HOT_DAYS
      ? `${days} days is more than CloudWatch Logs' longest retention of ${MAX_HOT_DAYS} days; keep long-term evidence in the S3 archive`
      : checkMinimum(days, draft, "minHotDays", "retention.hotDays"),
  apply: (days, draft) => {
    const snapped = snapRetentionDays(days)!;
    return {
      patches: [{ id: "retention.hotDays", value: snapped }, ...reasonPatches("hotDays", snapped, draft)],
      ...(snapped !== days ? { note: `${days} days snapped up to ${snapped}, the next retention CloudWatch Logs allows.` } : {}),
    };
  },
};

export const immediate: NumberQuestion = {
  id: "retention.immediateDays",
  kind: "number",
  example: "90",
  message: () => "Days in S3 Standard before log files of 128 KB or more move to colder storage (smaller ones stay)",
  defaultValue: (draft) => {
    const wanted = Math.max(DEFAULT_CHOICES.immediateDays.value, strictest(selectedFrameworks(draft), "minImmediateDays")?.minImmediateDays ?? 0);
    const archive = archiveDays(draft);
    return archive === undefined ? wanted : Math.min(wanted, archive);
  },
  validate: (days, draft) => {
    const archive = archiveDays(draft);
    if (archive !== undefined && days > archive) return `${days} days is longer than the archive period of ${archive} days`;
    return checkMinimum(days, draft, "minImmediateDays", "retention.immediateDays");
  },
  apply: (days, draft) => ({ patches: [{ id: "retention.immediateDays", value: days }, ...reasonPatches("immediateDays", days, draft)] }),
};
