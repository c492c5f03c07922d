// "Why N days?": asked right after a retention or lock number the person typed
// when COMPLIANCE.md would report it as set by hand (not the strictest
// requirement, not the preset's or the default's choice), so the auditor reads
// their reason rather than "no reason was given". The test is the plan's own
// isSetByHand, so the wizard asks exactly when the document would need it.
import { isSetByHand, numberInput, RETENTION_NUMBERS, type ReasonKey } from "../../plan/retention.js";
import { hasAnswer, valueAt, withValue, type Draft, type Patch } from "../draft.js";
import { selectedFrameworks } from "../field-checks.js";
import type { InputQuestion } from "../question.js";

const reasonId = (key: ReasonKey) => `reasons.${key}`;
/** Set when the person typed a number set by hand and has not yet been asked why (wizard-only, never written). */
const owedId = (key: ReasonKey) => `wizard.reasonOwed.${key}`;

/** The number under `key` when the estate would report it as set by hand, else undefined. */
function handSetDays(key: ReasonKey, draft: Draft): number | undefined {
  const value = valueAt(draft, RETENTION_NUMBERS[key].configPath);
  const archive = valueAt(draft, "retention.archiveDays");
  if (typeof value !== "number") return undefined;
  if (key === "objectLockDays" && valueAt(draft, "storage.objectLock.mode") === "off") return undefined;
  const preset = valueAt(draft, "preset");
  const input = numberInput(key, value, typeof archive === "number" ? archive : value, undefined);
  return isSetByHand(input, selectedFrameworks(draft), typeof preset === "string" ? preset : undefined) ? value : undefined;
}

/**
 * What answering the number under `key` with `days` does to its reason: a
 * changed number drops the old reason (it explained another number), and a
 * number set by hand with no reason is owed the question.
 */
export function reasonPatches(key: ReasonKey, days: number, draft: Draft): Patch[] {
  const previous = valueAt(draft, RETENTION_NUMBERS[key].configPath);
  const changed = previous !== undefined && previous !== days;
  const answered = withValue(draft, RETENTION_NUMBERS[key].configPath, days);
  const owed = (changed || !hasAnswer(draft, reasonId(key))) && handSetDays(key, answered) !== undefined;
  return [...(changed ? [{ id: reasonId(key), value: undefined }] : []), { id: owedId(key), value: owed ? true : undefined }];
}

function reasonQuestion(key: ReasonKey, label: string): InputQuestion {
  return {
    id: reasonId(key),
    kind: "input",
    example: "Board decision 2026-03: keep eight years",
    label,
    // Only a person can give a reason; without a terminal it comes from --set or the config file, or COMPLIANCE.md says none was given.
    interactiveOnly: true,
    // Owed after a number was typed; a reason already recorded stays changeable while its number is still set by hand.
    applies: (draft) => handSetDays(key, draft) !== undefined && (valueAt(draft, owedId(key)) === true || hasAnswer(draft, reasonId(key))),
    message: (draft) => `Why ${handSetDays(key, draft)} days? (recorded in COMPLIANCE.md; Enter for none)`,
    // No default, not even the reason given before: Enter has to mean "none".
    defaultValue: () => undefined,
    current: () => undefined,
    apply: (text) => ({ patches: [{ id: reasonId(key), value: text === "" ? undefined : text }, { id: owedId(key), value: undefined }] }),
  };
}

export const archive = reasonQuestion("archiveDays", "Reason for the archive retention");
export const hot = reasonQuestion("hotDays", "Reason for the CloudWatch Logs retention");
export const immediate = reasonQuestion("immediateDays", "Reason for the S3 Standard period");
export const objectLock = reasonQuestion("objectLockDays", "Reason for the Object Lock period");
