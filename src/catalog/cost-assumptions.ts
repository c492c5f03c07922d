// Defaults behind the monthly cost estimate, each with the reason it is a
// sensible starting point. None of them is a measurement of the user's estate:
// the estimate says so, and every user-facing number can be replaced with
// `--set cost.<key>=N` (config key `cost`). Modelling constants below them are
// facts about how AWS bills or behaves, or stated estimates where AWS publishes
// no figure.

export interface CostDefault {
  readonly value: number;
  readonly why: string;
}

type Industry = "general" | "banking" | "healthcare" | "payments";

/** Accounts an organization-topology estate records, by industry. Single-account topology is always 1. */
export const DEFAULT_ORGANIZATION_ACCOUNTS: Readonly<Record<Industry, CostDefault>> = Object.freeze({
  general: {
    value: 10,
    why: "a small landing zone: management, log-archive and security accounts plus shared networking and a production, staging and development account for a couple of workloads",
  },
  banking: {
    value: 30,
    why: "banks separate workloads, environments and regulated data into many accounts; 30 is a mid-sized regulated estate",
  },
  healthcare: {
    value: 12,
    why: "the three estate accounts plus production, staging and development accounts for the systems holding patient data",
  },
  payments: {
    value: 15,
    why: "a card-data environment kept in its own accounts beside the rest of the business, plus the three estate accounts",
  },
});

/** Management events per account per day. */
export const DEFAULT_MANAGEMENT_EVENTS_PER_DAY: Readonly<Record<"single-account" | Industry, CostDefault>> = Object.freeze({
  "single-account": {
    value: 20_000,
    why: "a small account running a few services and a CI pipeline; most events are AWS services calling each other (Config, Systems Manager, auto scaling)",
  },
  general: { value: 30_000, why: "a workload account with infrastructure-as-code pipelines and the usual AWS service background activity" },
  banking: {
    value: 60_000,
    why: "heavier automation per account in a bank: Config, Security Hub, frequent Terraform plans and many roles assumed through STS",
  },
  healthcare: { value: 30_000, why: "a workload account with infrastructure-as-code pipelines and the usual AWS service background activity" },
  payments: { value: 40_000, why: "workload accounts with pipelines plus the extra scanning and key use a card-data environment brings" },
});

/** Data events per day across the estate, by what the trail selects. */
export const DEFAULT_DATA_EVENTS_PER_DAY = Object.freeze({
  none: { value: 0, why: "the trail selects no data events" },
  s3All: {
    value: 2_000_000,
    why: "every object read and write in every bucket of a moderately busy estate; one busy bucket can exceed this alone, so measure it",
  },
  s3Named: { value: 200_000, why: "object reads and writes in a few named buckets that hold regulated records" },
  lambda: { value: 500_000, why: "Lambda function invocations across the estate" },
} satisfies Record<string, CostDefault>);

export const DEFAULT_AVERAGE_EVENT_BYTES: CostDefault = Object.freeze({
  value: 1_500,
  why: "a CloudTrail record is roughly 1-2 KB of JSON; management events with large request parameters run larger, S3 data events smaller",
});

/** How the model turns events into bills. Not user settings: AWS facts, or estimates stated as such. */
export const COST_MODEL = Object.freeze({
  daysPerMonth: { value: 365 / 12, why: "AWS bills a month as 730 hours, 365/12 days" },
  gzipRatio: {
    value: 10,
    why: "CloudTrail log files are gzip-compressed JSON whose repeated field names compress about 10:1 (estimate); CloudWatch Logs stores gzip-compressed data too",
  },
  logFileIntervalMinutes: { value: 5, why: "CloudTrail publishes log files about every 5 minutes for each account and region with activity" },
  activeRegionsPerAccount: {
    value: 3,
    why: "the home region, us-east-1 (where global services such as IAM and STS record) and one more region where AWS services act on your behalf",
  },
  enabledRegions: {
    value: 17,
    why: "regions enabled by default in every account; a multi-region trail with log file validation writes an hourly digest file in each",
  },
  insightsWriteShare: {
    value: 0.1,
    why: "AWS's own Insights cost examples have 30,000 of 300,000 and 90,000 of 800,000 management events as writes",
  },
  cloudWatchMetadataBytesPerEvent: { value: 26, why: "CloudWatch Logs adds 26 bytes of metadata per log event to archived (stored) data" },
  lifecycleMinimumTransitionBytes: {
    value: 128 * 1024,
    why: "since September 2024 S3 lifecycle rules do not transition objects smaller than 128 KB by default (transition_default_minimum_object_size all_storage_classes_128K), and the generated lifecycle rule keeps that default",
  },
  archiveOverheadBytes: {
    glacierIndex: 32 * 1024,
    standardIndex: 8 * 1024,
    why: "each object in Glacier Flexible Retrieval or Deep Archive carries 32 KB of index billed at that class and 8 KB billed at S3 Standard",
  },
  alarmNotificationsPerMonth: { value: 200, why: "alarm state changes that email a topic: a few a day" },
  kmsRequestsPerLogFile: { value: 1, why: "one GenerateDataKey call for each log or digest file CloudTrail encrypts (estimate)" },
  kmsRotatedVersionsCharged: { value: 2, why: "each of the first two automatic rotations adds a key-month charge; later rotations are free (AWS KMS pricing since May 2024)" },
});
