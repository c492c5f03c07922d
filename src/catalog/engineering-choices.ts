// Numbers the presets use that no regulation dictates. Each says why it was
// chosen and which regulation minimum it sits above, so `presets show` and
// COMPLIANCE.md can trace every number to either a citation or a choice.

export interface EngineeringChoice {
  readonly value: number;
  readonly why: string;
}

/** Defaults that apply to every estate, preset or not. */
export const DEFAULT_CHOICES = Object.freeze({
  // The two baselines the wizard offers where no selected framework sets a period; COMPLIANCE.md
  // knows them too, so a number the wizard offered is never reported as set by hand.
  archiveDays: { value: 365, why: "a year, the PCI DSS 10.5.1 history period, where no selected framework sets an archive period (GDPR sets none and requires expiry)" },
  hotDays: { value: 365, why: "one year searchable, the minimum NCSC CAF's AWS pack and Security Hub CloudWatch.16 check" },
  immediateDays: { value: 90, why: "3 months in S3 Standard before the first lifecycle transition, following PCI DSS 10.5.1's 'immediately available' period" },
  deepArchiveAfterDays: { value: 365, why: "after a year, log files of 128 KB or more move to Deep Archive (retrieval within 12-48 hours; smaller files stay where they are, S3's transition minimum); only when kept at least 180 more days, Deep Archive's minimum storage charge" },
  noncurrentExpirationDays: { value: 30, why: "superseded object versions are kept 30 days; Object Lock still protects every locked version until its retention date" },
  abortIncompleteMultipartDays: { value: 7, why: "incomplete uploads hold no evidence and cost money" },
  accessLogExpirationDays: { value: 365, why: "a year of who-read-the-evidence records, following PCI DSS 10.5.1's 12 months" },
  keyDeletionWindowDays: { value: 30, why: "the maximum KMS allows, so a mistaken deletion can be cancelled (Security Hub KMS.3)" },
  rotationDays: { value: 365, why: "yearly rotation, the AWS default Security Hub KMS.4 expects" },
  // The guide this product grew from asks for an alert past 15 minutes of delivery delay. An
  // organization trail sees every member account's activity (AWS services alone call APIs
  // around the clock), so a quarter hour with no event at all means delivery broke.
  deliverySilenceOrgMinutes: { value: 15, why: "an organization trail records every account's activity, so 15 minutes with no event at all means delivery has stopped (the source guide's 15-minute delivery-delay alert)" },
  // One quiet account can go a quarter hour without a management event at night; an hour keeps
  // the alarm meaningful without paging someone every quiet night.
  deliverySilenceAccountMinutes: { value: 60, why: "a single quiet account can record no management event for a quarter hour at night; an hour of silence still catches a broken key or bucket policy the same day without nightly false alarms" },
});

/** preset id -> config path -> the choice behind its number. */
export const PRESET_CHOICES: Readonly<Record<string, Readonly<Record<string, EngineeringChoice>>>> = Object.freeze({
  "uk-smb": {
    "retention.archiveDays": { value: 365, why: "12 months: the PCI DSS 10.5.1 history period, used as a sound baseline; UK GDPR sets no period and requires expiry" },
    "retention.hotDays": DEFAULT_CHOICES.hotDays,
    "retention.immediateDays": DEFAULT_CHOICES.immediateDays,
    "storage.objectLock.days": { value: 365, why: "locked for the whole archive period, so no log can be deleted before it expires (NCSC CAF C1.b)" },
    "kms.rotationDays": DEFAULT_CHOICES.rotationDays,
  },
  "uk-bank": {
    "retention.archiveDays": { value: 2557, why: "7 years: above FCA SYSC 9's 5-year minimum, matching common bank practice and SOX-style evidence periods" },
    "retention.hotDays": { value: 400, why: "13 months searchable, so a full year stays online through the next annual audit" },
    "retention.immediateDays": DEFAULT_CHOICES.immediateDays,
    "storage.objectLock.days": { value: 2557, why: "COMPLIANCE-mode lock for the whole archive period: records cannot be altered or deleted by anyone, root included (SYSC 9.1)" },
    "kms.rotationDays": DEFAULT_CHOICES.rotationDays,
  },
  "uk-healthcare": {
    "retention.archiveDays": { value: 2192, why: "6 years: NHS DSPT sets no log period; 6 years follows the HIPAA 164.316 documentation period as an engineering choice" },
    "retention.hotDays": { value: 400, why: "13 months searchable, so a full year stays online through the next annual DSPT submission" },
    "retention.immediateDays": DEFAULT_CHOICES.immediateDays,
    "storage.objectLock.days": { value: 2192, why: "locked for the whole archive period (CAF C1.b: nobody modifies or deletes logs within the retention period)" },
    "kms.rotationDays": DEFAULT_CHOICES.rotationDays,
  },
});

