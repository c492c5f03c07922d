// Deletion protection: Object Lock mode, and MFA delete with the truth about
// it (root-only, cannot run in CI, and S3 refuses lifecycle rules on an
// MFA-delete bucket), resolved by the user's choice rather than an error.
import { valueAt, type Draft } from "../draft.js";
import { checkField, selectedFrameworks } from "../field-checks.js";
import type { ConfirmQuestion, NumberQuestion, SelectQuestion } from "../question.js";
import { reasonPatches } from "./reasons.js";

/** Frameworks whose records must not be alterable by anyone, which COMPLIANCE mode guarantees and GOVERNANCE does not. */
const TAMPER_PROOF_BY_ANYONE = ["fca-sysc-9", "sox"];

export const objectLockMode: SelectQuestion = {
  id: "storage.objectLock.mode",
  kind: "select",
  example: "GOVERNANCE",
  message: () => "Object Lock on the log archive (write-once for the whole archive period)",
  choices: (draft) => {
    const needs = selectedFrameworks(draft).find((f) => f.requiresImmutability);
    return [
      {
        value: "GOVERNANCE",
        name: "GOVERNANCE",
        description: "nobody deletes or overwrites a log early, except a principal granted s3:BypassGovernanceRetention",
      },
      {
        value: "COMPLIANCE",
        name: "COMPLIANCE",
        description: "nobody, not even the root user, can delete a log or shorten its lock until it expires; this cannot be undone",
      },
      {
        value: "off",
        name: "off",
        description: "logs can be deleted by anyone with s3:DeleteObjectVersion",
        ...(needs ? { disabled: `${needs.name} requires logs that cannot be altered or deleted (${needs.immutability.citation.text})` } : {}),
      },
    ];
  },
  defaultValue: (draft) => (selectedFrameworks(draft).some((f) => TAMPER_PROOF_BY_ANYONE.includes(f.id)) ? "COMPLIANCE" : "GOVERNANCE"),
};

/** Normally the archive period (the lock is left unset); asked only when a given value breaks a rule. */
export const objectLockDays: NumberQuestion = {
  id: "storage.objectLock.days",
  kind: "number",
  example: "365",
  onlyWhenInvalid: true,
  message: () => "Days each log stays locked (Object Lock default retention)",
  defaultValue: (draft) => {
    const archive = valueAt(draft, "retention.archiveDays");
    return typeof archive === "number" ? archive : undefined;
  },
  validate: (days, draft) => {
    const syntax = checkField("storage.objectLock.days", days);
    if (syntax !== true) return syntax;
    const archive = valueAt(draft, "retention.archiveDays");
    if (typeof archive === "number" && valueAt(draft, "storage.lifecycle") !== false && days > archive) {
      return `${days} days outlasts the archive expiry of ${archive} days; S3 cannot expire a locked object`;
    }
    const needed = selectedFrameworks(draft)
      .filter((f) => f.requiresImmutability && f.minArchiveDays > days)
      .sort((a, b) => b.minArchiveDays - a.minArchiveDays)[0];
    return needed
      ? `${days} days leaves logs alterable before ${needed.name}'s ${needed.minArchiveDays}-day retention ends (${needed.immutability.citation.text})`
      : true;
  },
  apply: (days, draft) => ({ patches: [{ id: "storage.objectLock.days", value: days }, ...reasonPatches("objectLockDays", days, draft)] }),
};

export const mfaDelete: ConfirmQuestion = {
  id: "storage.mfaDelete",
  kind: "confirm",
  example: "false",
  message: () => "Turn on MFA delete for the log archive bucket?",
  explain: () =>
    [
      "MFA delete makes deleting any log version need the root user's MFA code. The truth about it:",
      "  - only the root user with an MFA device can turn it on, by CLI after apply, so it cannot run in CI (you get a runbook);",
      "  - S3 does not support lifecycle rules on an MFA-delete bucket, so logs would no longer expire on their own",
      "    (UK GDPR storage limitation needs them to; someone would delete them by hand as root).",
      "Object Lock already stops deletion for the retention period; Object Lock + lifecycle is the recommended default.",
    ].join("\n"),
  defaultValue: () => false,
};

const conflicted = (draft: Draft) => valueAt(draft, "storage.mfaDelete") === true && valueAt(draft, "storage.lifecycle") !== false;

/** Both cannot be on; the user picks which to keep (without a terminal, validation reports the conflict). */
export const mfaDeleteOrLifecycle: SelectQuestion = {
  id: "storage.lifecycle",
  kind: "select",
  example: "false",
  interactiveOnly: true,
  applies: (draft) => valueAt(draft, "storage.mfaDelete") === true,
  isAnswered: (draft) => !conflicted(draft),
  message: () => "MFA delete and lifecycle expiry cannot both be on one bucket. Which do you keep?",
  choices: () => [
    {
      value: "lifecycle",
      name: "Lifecycle expiry, no MFA delete (recommended)",
      description: "logs move to colder storage and expire at the archive period; Object Lock still blocks early deletion",
    },
    {
      value: "mfa-delete",
      name: "MFA delete, no lifecycle",
      description: "logs never expire on their own: the root user deletes expired logs by hand (runbook in the output)",
    },
  ],
  defaultValue: () => "lifecycle",
  apply: (choice) =>
    choice === "mfa-delete"
      ? { patches: [{ id: "storage.mfaDelete", value: true }, { id: "storage.lifecycle", value: false }], note: "MFA delete on, lifecycle off." }
      : { patches: [{ id: "storage.mfaDelete", value: false }, { id: "storage.lifecycle", value: true }], note: "Lifecycle expiry kept; MFA delete off." },
};
