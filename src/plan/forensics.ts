// forensics answers -> ForensicsPlan: names, the partition projection's enums
// and location, the review schedules. Everything lives in the security account
// (Athena next to the estate key it decrypts with, apart from the evidence).
import { DEFAULT_CATALOG_SETTINGS } from "../query/catalog/check.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { ConfigError } from "../model/errors.js";
import type { AccountPlan, AccountRole, ForensicsPlan } from "../model/plan.js";

/** Caps one runaway query at about $0.50 (Athena bills $5 per TB scanned); the cost estimate shows what the reviews scan. */
export const DEFAULT_SCAN_LIMIT_GB = 100;
/** Results are working copies: the evidence stays in the archive. */
export const DEFAULT_RESULTS_DAYS = 30;
const DEFAULT_REVIEW_HOUR = 6;
const DEFAULT_WEEKLY_DAY = "MON";
/** Projection offers days from here; earlier than any estate this tool made, so no log is out of reach. */
const PROJECTION_START = "2020/01/01";
/**
 * Sign-in and IAM events are global service events, which CloudTrail records in
 * us-east-1 whatever the home Region:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
 */
const GLOBAL_EVENTS_REGION = "us-east-1";

const hour = (text: string) => Number(text.slice(0, 2));

export function planForensics(
  cfg: TrailwrightConfig,
  ctx: { name: string; accounts: Readonly<Record<AccountRole, AccountPlan>>; archiveName: string; allowedRegions: readonly string[]; allRegions: readonly string[] },
): ForensicsPlan | undefined {
  const f = cfg.forensics;
  if (!f?.enabled) return undefined;
  const [start, end] = (f.businessHours ?? "07:00-19:00").split("-").map(hour) as [number, number];
  if (start >= end) {
    throw new ConfigError(`forensics.businessHours: "${f.businessHours}" ends before it starts`, {
      field: "forensics.businessHours",
      hint: 'write the start first, like "07:00-19:00" (whole hours, local time)',
    });
  }
  const timeZone = f.timeZone ?? DEFAULT_CATALOG_SETTINGS.timeZone;
  // Only a zone the user gave is checked: listing ICU's zones (about 2 ms) was most of the time spent resolving a plan.
  if (f.timeZone !== undefined && !Intl.supportedValuesOf("timeZone").includes(timeZone) && timeZone !== "UTC") {
    throw new ConfigError(`forensics.timeZone: "${timeZone}" is not an IANA time zone`, { field: "forensics.timeZone", hint: "use a name like Europe/London or America/New_York" });
  }
  const reviewHour = f.reviewAt ? hour(f.reviewAt) : DEFAULT_REVIEW_HOUR;
  const ids = [ctx.accounts.management.id, ctx.accounts.logArchive.id, ctx.accounts.security.id, ...(f.accounts ?? [])];
  const security = ctx.accounts.security.id;
  const region = cfg.homeRegion;
  const prefix = `${ctx.name}-forensics`;
  const resultsName = `${prefix}-results-${security}-${region}`;
  return {
    databaseName: `${ctx.name.replaceAll("-", "_")}_forensics`,
    tableName: "cloudtrail_logs",
    workgroupName: prefix,
    resultsBucket: { name: resultsName, arn: `arn:aws:s3:::${resultsName}`, expirationDays: f.resultsDays ?? DEFAULT_RESULTS_DAYS },
    bytesScannedCutoff: (f.scanLimitGb ?? DEFAULT_SCAN_LIMIT_GB) * 1024 ** 3,
    investigatorRoleName: `${ctx.name}-investigator`,
    reviewRoleName: `${ctx.name}-log-review`,
    investigatorRoleArn: `arn:aws:iam::${security}:role/${ctx.name}-investigator`,
    reviewRoleArn: `arn:aws:iam::${security}:role/${ctx.name}-log-review`,
    schedulerRoleName: `${ctx.name}-log-review-scheduler`,
    stateMachineName: `${ctx.name}-log-review`,
    accountIds: [...new Set(ids)].sort(),
    // With residency on, an SCP keeps activity in the allowed Regions (plus global events); otherwise any Region may log.
    regions: [...new Set(cfg.residency ? [...ctx.allowedRegions, GLOBAL_EVENTS_REGION] : ctx.allRegions)].sort(),
    logsLocation: `s3://${ctx.archiveName}/AWSLogs/${cfg.topology === "organization" ? `${cfg.organizationId}/` : ""}`,
    projectionStart: PROJECTION_START,
    timeZone,
    businessStartHour: start,
    businessEndHour: end,
    // EventBridge Scheduler cron: minutes hours day-of-month month day-of-week year.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
    dailyCron: `cron(0 ${reviewHour} * * ? *)`,
    weeklyCron: `cron(0 ${reviewHour + 1} ? * ${f.weeklyReviewDay ?? DEFAULT_WEEKLY_DAY} *)`,
    s3DataEvents: cfg.dataEvents.s3 !== "off",
  };
}
