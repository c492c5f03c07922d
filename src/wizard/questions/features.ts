// Optional features. Control Tower is asked first because it changes the rest:
// its trail already records management events, so this one records data
// events only (no Insights, which analyses management events).
import { LOGGING_CONFIG_RULES } from "../../catalog/config-rules.js";
import { valueAt, type Draft } from "../draft.js";
import { checkEach } from "../field-checks.js";
import type { ConfirmQuestion, ListQuestion, SelectQuestion } from "../question.js";

const underControlTower = (draft: Draft) => valueAt(draft, "controlTower") === true;
const industryIs = (draft: Draft, industry: string) => valueAt(draft, "industry") === industry;

export const controlTower: ConfirmQuestion = {
  id: "controlTower",
  kind: "confirm",
  example: "false",
  applies: (draft) => valueAt(draft, "topology") === "organization",
  message: () => "Is AWS Control Tower (or another organization trail) already recording management events?",
  explain: () =>
    "With Control Tower, a second trail recording management events is a paid copy ($2.00 per 100,000 events), so this trail records data events only and the alarms read Control Tower's log group aws-controltower/CloudTrailLogs.",
  defaultValue: () => false,
};

export const s3DataEvents: SelectQuestion = {
  id: "dataEvents.s3",
  kind: "select",
  example: "named",
  message: () => "Record S3 object reads and writes (data events)?",
  explain: () => "Data events are charged per event ($0.10 per 100,000); the estate's own log buckets are always excluded (no feedback loop).",
  choices: () => [
    { value: "off", name: "No" },
    { value: "named", name: "Only in buckets I name", description: "e.g. the buckets holding patient or payment data" },
    { value: "all", name: "In every bucket", description: "except the estate's own log buckets" },
  ],
  defaultValue: (draft) => (underControlTower(draft) || industryIs(draft, "banking") ? "all" : industryIs(draft, "healthcare") ? "named" : "off"),
};

export const s3Buckets: ListQuestion = {
  id: "dataEvents.s3Buckets",
  kind: "list",
  example: "patient-records-prod",
  applies: (draft) => valueAt(draft, "dataEvents.s3") === "named",
  message: () => "Buckets whose object reads and writes are recorded (comma-separated)",
  defaultValue: () => undefined,
  validate: (names) => checkEach("dataEvents.s3Buckets", names, "bucket name"),
};

export const lambdaDataEvents: ConfirmQuestion = {
  id: "dataEvents.lambda",
  kind: "confirm",
  example: "false",
  message: () => "Record Lambda function invocations (data events)?",
  defaultValue: (draft) => industryIs(draft, "banking"),
  implied: (draft) =>
    underControlTower(draft) && valueAt(draft, "dataEvents.s3") === "off"
      ? { value: true, note: "Lambda data events: on (under Control Tower this trail records data events only, and S3 data events are off)." }
      : undefined,
};

export const insights: ConfirmQuestion = {
  id: "insights",
  kind: "confirm",
  example: "false",
  message: () => "Turn on CloudTrail Insights (unusual API call and error rates)?",
  explain: () => "Insights is charged per management event analysed; with both insight types, write events are analysed twice.",
  defaultValue: (draft) => industryIs(draft, "banking"),
  implied: (draft) =>
    underControlTower(draft)
      ? { value: false, note: "CloudTrail Insights: off (it analyses management events, which Control Tower's trail records, not this one)." }
      : undefined,
};

export const awsConfig: ConfirmQuestion = {
  id: "config",
  kind: "confirm",
  example: "true",
  message: () => "Turn on AWS Config to keep checking the logging estate?",
  explain: () =>
    `AWS Config records configuration changes to its own bucket and runs up to ${LOGGING_CONFIG_RULES.length} managed rules (trail enabled, log file validation, encryption, key rotation, ...).`,
  defaultValue: (draft) => valueAt(draft, "topology") === "organization",
};

/**
 * AWS Config allows one recorder and one delivery channel per account and Region, so creating
 * one where another exists fails the apply (reference/organization.md D).
 */
export const configRecorders: SelectQuestion = {
  id: "configRecorders",
  kind: "select",
  example: "create",
  applies: (draft) => valueAt(draft, "config") === true,
  message: () => "Do the estate's accounts already have an AWS Config recorder in the home region?",
  explain: (draft) =>
    underControlTower(draft)
      ? "Control Tower records in the accounts it enrolls but not in the management account; by default the estate reuses those recorders and adds one in management."
      : "An account can have only one recorder and one delivery channel per Region (Control Tower, Security Hub or an earlier setup may have made one); the estate then reuses it and adds only its rules.",
  choices: (draft) => [
    { value: "create", name: underControlTower(draft) ? "Reuse Control Tower's, add one in management (default)" : "No: create them (default)" },
    { value: "existing", name: "Yes: every estate account already records; reuse them" },
  ],
  defaultValue: () => "create",
};

export const forensics: ConfirmQuestion = {
  id: "forensics.enabled",
  kind: "confirm",
  example: "true",
  // Offered to a person; without a terminal it stays as the preset or config says (off when unset), as WorkSpaces does.
  interactiveOnly: true,
  message: () => "Set up Athena over the archive, with automated daily and weekly log reviews?",
  // The resources live in the security account of an organization; one account holds everything otherwise.
  explain: (draft) =>
    `${valueAt(draft, "topology") === "organization" ? "In the security account" : "In your account"}: a Glue table over the archive, an Athena workgroup with one saved query per check (root use, MFA-less sign-ins, IAM and logging changes, ...), and a daily and a weekly review that counts them and emails the summary (PCI DSS 10.4.1, 10.4.1.1). Athena bills $5 per TB scanned; the cost estimate shows what the reviews scan.`,
  defaultValue: (draft) => industryIs(draft, "banking") || industryIs(draft, "healthcare") || industryIs(draft, "payments"),
};
