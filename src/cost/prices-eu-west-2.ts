// AWS list prices for Europe (London), eu-west-2, in USD. Data, not code: update
// a figure here (with its `checked`, `note` and the table's `asOf`) when the
// pricing page changes. These are list prices before free tiers, discounts and
// tax; the estimate says so. "confirmed" = seen on `asOf` in a public copy of the
// pricing page or of the AWS Price List API; "recalled" = the list price as last
// known, which could not be re-read offline: re-check those first.
import type { PriceTable } from "./price-table.js";

const CLOUDTRAIL = "https://aws.amazon.com/cloudtrail/pricing/";
const S3 = "https://aws.amazon.com/s3/pricing/";
const CLOUDWATCH = "https://aws.amazon.com/cloudwatch/pricing/";
const KMS = "https://aws.amazon.com/kms/pricing/";
const SNS = "https://aws.amazon.com/sns/pricing/";

const PRICE_LIST = "AWS Price List API figure for eu-west-2, as quoted in a public repository";
const RECALLED_S3 = "London list price as last known; S3's pricing page renders prices by script and could not be re-read";
const US_EAST_TRANSITION = "US East (N. Virginia) transition price; London's may be slightly higher";

export const EU_WEST_2_PRICES: PriceTable = Object.freeze({
  region: "eu-west-2",
  currency: "USD",
  asOf: "2026-11-21",
  cloudTrail: {
    paidManagementEvents: {
      usd: 2.0,
      unit: "per 100,000 management events in each additional trail copy",
      source: CLOUDTRAIL,
      checked: "confirmed",
      note: "CloudTrail pricing page: the first copy of management events is free; additional copies $2.00 per 100,000",
    },
    dataEvents: {
      usd: 0.1,
      unit: "per 100,000 data events",
      source: CLOUDTRAIL,
      checked: "confirmed",
      note: "CloudTrail pricing page: data events $0.10 per 100,000, every delivery including the first",
    },
    insightsEventsAnalysed: {
      usd: 0.35,
      unit: "per 100,000 events analysed, per Insights type",
      source: CLOUDTRAIL,
      checked: "recalled",
      note: "list price as last known; the Insights cost guide (docs.aws.amazon.com/awscloudtrail/latest/userguide/insights-events-costs.html) confirms how events are counted, not the price",
    },
  },
  s3: {
    storage: {
      STANDARD: { usd: 0.024, unit: "per GB-month (first 50 TB)", source: S3, checked: "confirmed", note: PRICE_LIST },
      STANDARD_IA: { usd: 0.0131, unit: "per GB-month", source: S3, checked: "recalled", note: RECALLED_S3 },
      GLACIER_IR: { usd: 0.005, unit: "per GB-month (128 KB minimum billable object)", source: S3, checked: "recalled", note: RECALLED_S3 },
      GLACIER: { usd: 0.0045, unit: "per GB-month", source: S3, checked: "recalled", note: RECALLED_S3 },
      DEEP_ARCHIVE: { usd: 0.0018, unit: "per GB-month", source: S3, checked: "recalled", note: RECALLED_S3 },
    },
    putRequests: { usd: 0.0053, unit: "per 1,000 PUT requests", source: S3, checked: "confirmed", note: PRICE_LIST },
    transitionRequests: {
      STANDARD_IA: { usd: 0.01, unit: "per 1,000 lifecycle transitions", source: S3, checked: "recalled", note: US_EAST_TRANSITION },
      GLACIER_IR: { usd: 0.02, unit: "per 1,000 lifecycle transitions", source: S3, checked: "recalled", note: US_EAST_TRANSITION },
      GLACIER: { usd: 0.03, unit: "per 1,000 lifecycle transitions", source: S3, checked: "recalled", note: US_EAST_TRANSITION },
      DEEP_ARCHIVE: { usd: 0.05, unit: "per 1,000 lifecycle transitions", source: S3, checked: "recalled", note: US_EAST_TRANSITION },
    },
  },
  cloudWatch: {
    logsIngestion: { usd: 0.5985, unit: "per GB ingested (Standard log class)", source: CLOUDWATCH, checked: "confirmed", note: `${PRICE_LIST} (EUW2-DataProcessing-Bytes)` },
    logsStorage: { usd: 0.0315, unit: "per GB-month stored (compressed)", source: CLOUDWATCH, checked: "confirmed", note: `${PRICE_LIST} (EUW2-TimedStorage-ByteHrs)` },
    standardAlarm: { usd: 0.1, unit: "per standard-resolution alarm metric per month", source: CLOUDWATCH, checked: "confirmed", note: `${PRICE_LIST} (EUW2-CW:AlarmMonitorUsage)` },
    dashboard: { usd: 3.0, unit: "per dashboard per month", source: CLOUDWATCH, checked: "recalled", note: "list price as last known; not in the London price-list file" },
  },
  kms: {
    keyMonth: {
      usd: 1.0,
      unit: "per customer-managed key per month, plus the same for each of the first two rotations",
      source: KMS,
      checked: "confirmed",
      note: `${PRICE_LIST} (eu-west-2-KMS-Keys); the rotation cap is from the May 2024 KMS pricing change`,
    },
    requests: { usd: 0.03, unit: "per 10,000 requests", source: KMS, checked: "confirmed", note: `${PRICE_LIST} (eu-west-2-KMS-Requests)` },
  },
  athena: {
    dataScanned: {
      usd: 5.0,
      unit: "per TB scanned (SQL queries, engine v3; at least 10 MB per query)",
      source: "https://aws.amazon.com/athena/pricing/",
      checked: "recalled",
      note: "list price as last known, the same in every commercial Region; the page renders prices by script and could not be re-read",
    },
  },
  sns: {
    emailDeliveries: { usd: 2.0, unit: "per 100,000 email notifications", source: SNS, checked: "confirmed", note: "SNS pricing as quoted by a public pricing guide" },
    emailFreePerMonth: 1_000,
    publishes: { usd: 0.5, unit: "per million publishes (standard topics)", source: SNS, checked: "confirmed", note: "SNS pricing as quoted by a public pricing guide" },
    publishFreePerMonth: 1_000_000,
  },
} satisfies PriceTable);
