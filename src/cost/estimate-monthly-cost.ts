// The monthly cost of the estate a plan describes: one line per component, each
// with the formula in words and numbers, from the plan's cost assumptions and
// the price table for its home region. Pure: same plan, same estimate.
//
// Monthly figures are the steady state once the archive is full (as much
// expires each month as arrives); the first month is shown beside them because
// storage starts empty and the key has not rotated yet.
import { COST_MODEL } from "../catalog/cost-assumptions.js";
import type { ResolvedPlan } from "../model/plan.js";
import { type ArchiveLayout, archiveLayout, type StorageClass, type StorageTier } from "./archive-storage.js";
import { gigabytes, groupThousands, kilobytes, unitPrice } from "./format-numbers.js";
import { DEFAULT_PRICE_TABLE, priceTableFor, type PriceTable } from "./price-table.js";
import { forensicsCost } from "./forensics-cost.js";
import { type SmallFileTransitionCost, smallFileTransitionCost } from "./small-file-transitions.js";
import { CLASS_NAMES, monthlyStorage } from "./storage-price.js";
import { workspacesCostLines, workspacesNotIncluded } from "./workspaces-cost.js";

export interface CostLine {
  readonly component: string;
  /** Steady-state monthly cost in USD. */
  readonly monthlyUsd: number;
  readonly firstMonthUsd: number;
  /** How the figure is worked out, in words and numbers. */
  readonly formula: string;
}

export interface CostAssumptionLine {
  /** Config path that changes it (`--set cost.accounts=40`). */
  readonly setting: string;
  readonly label: string;
  readonly value: number;
  readonly reason: string;
}

export interface CostEstimate {
  readonly homeRegion: string;
  /** The price table used; its region differs from homeRegion when no table exists for that region. */
  readonly prices: PriceTable;
  readonly assumptions: readonly CostAssumptionLine[];
  /** Modelling facts and estimates the lines rely on, with their reasons. */
  readonly modelFacts: readonly { readonly label: string; readonly value: string; readonly why: string }[];
  readonly lines: readonly CostLine[];
  readonly totalMonthlyUsd: number;
  readonly firstMonthUsd: number;
  /** What a paid second copy of the management events would cost (a trail beside Control Tower's, or a second trail). */
  readonly secondManagementCopyUsd: number;
  readonly notes: readonly string[];
  readonly notIncluded: readonly string[];
  /** Where the archive's files sit (the S3 archive lines), and what forcing small files through the tiers would cost. */
  readonly archive: {
    readonly layout: ArchiveLayout;
    readonly averageObjectBytes: number;
    readonly smallFiles: SmallFileTransitionCost | undefined;
  };
}

const GB = 1024 ** 3;
const KB = 1024;

const n = (x: number) => groupThousands(x);
const days = COST_MODEL.daysPerMonth.value;
const DAYS = `${groupThousands(days, 2)} days`;

interface Volumes {
  readonly accounts: number;
  readonly managementPerDay: number;
  readonly dataPerDay: number;
  readonly bytesPerEvent: number;
  readonly managementPerMonth: number;
  readonly dataPerMonth: number;
  readonly eventsPerMonth: number;
  readonly rawBytesPerMonth: number;
  readonly compressedBytesPerMonth: number;
  readonly filesPerAccountPerDay: number;
  readonly objectsPerMonth: number;
  readonly averageObjectBytes: number;
}

function volumes(plan: ResolvedPlan): Volumes {
  const c = plan.cost;
  const hasData = plan.trail.s3DataEvents !== "off" || plan.trail.lambdaDataEvents;
  const accounts = c.accounts.value;
  const managementPerDay = plan.trail.managementEvents ? c.managementEventsPerDay.value : 0;
  const dataPerDay = hasData ? c.dataEventsPerDay.value : 0;
  const managementPerMonth = accounts * managementPerDay * days;
  const dataPerMonth = dataPerDay * days;
  const eventsPerMonth = managementPerMonth + dataPerMonth;
  const rawBytesPerMonth = eventsPerMonth * c.averageEventBytes.value;
  const compressedBytesPerMonth = rawBytesPerMonth / COST_MODEL.gzipRatio.value;
  const filesPerAccountPerDay =
    COST_MODEL.activeRegionsPerAccount.value * ((24 * 60) / COST_MODEL.logFileIntervalMinutes.value) + COST_MODEL.enabledRegions.value * 24;
  const objectsPerMonth = accounts * filesPerAccountPerDay * days;
  return {
    accounts,
    managementPerDay,
    dataPerDay,
    bytesPerEvent: c.averageEventBytes.value,
    managementPerMonth,
    dataPerMonth,
    eventsPerMonth,
    rawBytesPerMonth,
    compressedBytesPerMonth,
    filesPerAccountPerDay,
    objectsPerMonth,
    averageObjectBytes: objectsPerMonth > 0 ? compressedBytesPerMonth / objectsPerMonth : 0,
  };
}

function line(component: string, monthlyUsd: number, formula: string, firstMonthUsd = monthlyUsd): CostLine {
  return { component, monthlyUsd, firstMonthUsd, formula };
}

function trailLines(plan: ResolvedPlan, v: Volumes, p: PriceTable): { lines: CostLine[]; secondCopyUsd: number } {
  const ct = p.cloudTrail;
  // From the assumption, not this trail's own volume: under Control Tower this trail records none.
  const secondCopyUsd = (v.accounts * plan.cost.managementEventsPerDay.value * days * ct.paidManagementEvents.usd) / 100_000;
  const lines: CostLine[] = [];
  const volume = `${n(v.accounts)} account${v.accounts === 1 ? "" : "s"} x ${n(v.managementPerDay)} events/day x ${DAYS} = ${n(v.managementPerMonth)} events`;
  if (!plan.trail.managementEvents) {
    lines.push(line("CloudTrail management events", 0, "none recorded by this trail: Control Tower's trail already delivers the free copy, so this one records data events only"));
  } else if (plan.controlTower) {
    lines.push(line("CloudTrail management events (paid second copy)", secondCopyUsd, `${volume} x ${unitPrice(ct.paidManagementEvents.usd)} per 100,000 (Control Tower already delivers the free copy)`));
  } else {
    lines.push(line("CloudTrail management events", 0, `${volume}: the first copy of management events is free`));
  }
  const hasData = plan.trail.s3DataEvents !== "off" || plan.trail.lambdaDataEvents;
  lines.push(
    hasData
      ? line("CloudTrail data events", (v.dataPerMonth * ct.dataEvents.usd) / 100_000, `${n(v.dataPerDay)} events/day x ${DAYS} = ${n(v.dataPerMonth)} events x ${unitPrice(ct.dataEvents.usd)} per 100,000`)
      : line("CloudTrail data events", 0, "the trail selects no data events"),
  );
  if (plan.trail.insights) {
    const share = COST_MODEL.insightsWriteShare.value;
    const analysed = v.managementPerMonth * (1 + share);
    lines.push(
      line(
        "CloudTrail Insights (API call rate and error rate)",
        (analysed * ct.insightsEventsAnalysed.usd) / 100_000,
        `${n(v.managementPerMonth)} management events x (1 + ${share * 100}% writes, which both Insights types analyse) = ${n(analysed)} events analysed x ${unitPrice(ct.insightsEventsAnalysed.usd)} per 100,000`,
      ),
    );
  } else {
    lines.push(line("CloudTrail Insights", 0, "Insights is off"));
  }
  return { lines, secondCopyUsd };
}

function tierCost(tier: StorageTier, v: Volumes, p: PriceTable): { usd: number; formula: string } {
  const span = tier.toDay - tier.fromDay;
  const months = span / days;
  const bytes = v.compressedBytesPerMonth * months;
  const objects = v.objectsPerMonth * months;
  const price = p.s3.storage[tier.storageClass].usd;
  const { usd, billedBytes } = monthlyStorage(tier.storageClass, bytes, objects, p);
  const head = `${gigabytes(v.compressedBytesPerMonth)} of compressed logs a month x ${groupThousands(months, 1)} months (days ${tier.fromDay}-${tier.toDay}) = ${gigabytes(bytes)}`;
  if (tier.storageClass === "GLACIER" || tier.storageClass === "DEEP_ARCHIVE") {
    return { usd, formula: `${head}, plus ${n(objects)} files x 32 KB index at ${unitPrice(price)} and x 8 KB at the S3 Standard ${unitPrice(p.s3.storage.STANDARD.usd)} per GB-month` };
  }
  if (tier.storageClass === "STANDARD_IA" || tier.storageClass === "GLACIER_IR") {
    return { usd, formula: `${head}, billed as at least 128 KB per file: ${gigabytes(billedBytes)} x ${unitPrice(price)} per GB-month` };
  }
  return { usd, formula: `${head} x ${unitPrice(price)} per GB-month` };
}

function archiveLines(plan: ResolvedPlan, v: Volumes, p: PriceTable): CostLine[] {
  const layout = archiveLayout(plan.archive, plan.retention.archiveDays.value, v.averageObjectBytes);
  const lines: CostLine[] = layout.tiers.map((tier, i) => {
    const cost = tierCost(tier, v, p);
    // First month: half a month's files on average, all still in the first class.
    const first = i === 0 ? ((v.compressedBytesPerMonth / 2) / GB) * p.s3.storage.STANDARD.usd : 0;
    return line(`S3 archive: ${CLASS_NAMES[tier.storageClass]}`, cost.usd, `${cost.formula}; ${layout.explanation}`, first);
  });
  const skipped = (plan.archive.lifecycle?.transitions ?? []).filter((t) => !layout.tiers.some((tier) => tier.storageClass === t.storageClass));
  for (const t of skipped) {
    lines.push(line(`S3 archive: ${CLASS_NAMES[t.storageClass]}`, 0, `nothing reaches it: ${layout.explanation}`));
  }

  const put = (v.objectsPerMonth * p.s3.putRequests.usd) / 1000;
  const fileCount = `${n(v.accounts)} account${v.accounts === 1 ? "" : "s"} x ${n(v.filesPerAccountPerDay)} files/day x ${DAYS} = ${n(v.objectsPerMonth)} log and digest files (average ${kilobytes(v.averageObjectBytes)})`;
  const transitions = layout.transitions ? layout.tiers.slice(1).map((t) => p.s3.transitionRequests[t.storageClass as Exclude<StorageClass, "STANDARD">].usd) : [];
  const transitionUsd = transitions.reduce((sum, price) => sum + (v.objectsPerMonth * price) / 1000, 0);
  const transitionText =
    transitions.length > 0 ? `, plus ${transitions.length} lifecycle transition${transitions.length > 1 ? "s" : ""} each at ${transitions.map(unitPrice).join(" and ")} per 1,000` : "";
  // First month: no file is old enough to transition yet.
  lines.push(line("S3 requests (log file PUTs, lifecycle transitions)", put + transitionUsd, `${fileCount} x ${unitPrice(p.s3.putRequests.usd)} per 1,000 PUTs${transitionText}`, put));
  return lines;
}

function cloudWatchLines(plan: ResolvedPlan, v: Volumes, p: PriceTable): CostLine[] {
  const cw = p.cloudWatch;
  const lines: CostLine[] = [];
  if (plan.trail.cloudWatchLogs) {
    const ingestGb = v.rawBytesPerMonth / GB;
    lines.push(line("CloudWatch Logs ingestion", ingestGb * cw.logsIngestion.usd, `${n(v.eventsPerMonth)} events x ${n(v.bytesPerEvent)} bytes = ${gigabytes(v.rawBytesPerMonth)} x ${unitPrice(cw.logsIngestion.usd)} per GB`));
    const storedPerMonth = (v.rawBytesPerMonth + v.eventsPerMonth * COST_MODEL.cloudWatchMetadataBytesPerEvent.value) / COST_MODEL.gzipRatio.value;
    const months = plan.logGroup.retentionDays / days;
    const stored = storedPerMonth * months;
    lines.push(
      line(
        "CloudWatch Logs storage",
        (stored / GB) * cw.logsStorage.usd,
        `(${gigabytes(v.rawBytesPerMonth)} + 26 bytes per event) / ${COST_MODEL.gzipRatio.value} compression = ${gigabytes(storedPerMonth)} a month x ${groupThousands(months, 1)} months retention (${plan.logGroup.retentionDays} days) = ${gigabytes(stored)} x ${unitPrice(cw.logsStorage.usd)} per GB-month`,
        (storedPerMonth / 2 / GB) * cw.logsStorage.usd,
      ),
    );
  } else {
    const why = `the alarms read Control Tower's log group ${plan.logGroup.name}, whose ingestion and storage Control Tower already bills`;
    lines.push(line("CloudWatch Logs ingestion", 0, why), line("CloudWatch Logs storage", 0, why));
  }
  lines.push(line("CloudWatch alarms", plan.alarms.length * cw.standardAlarm.usd, `${plan.alarms.length} standard alarms x ${unitPrice(cw.standardAlarm.usd)} per alarm-month`));
  if (plan.dashboard) lines.push(line("CloudWatch dashboard", cw.dashboard.usd, `1 dashboard x ${unitPrice(cw.dashboard.usd)} per month`));
  return lines;
}

function kmsLines(plan: ResolvedPlan, v: Volumes, p: PriceTable): CostLine[] {
  const k = p.kms;
  const versions = 1 + COST_MODEL.kmsRotatedVersionsCharged.value;
  const requests = v.objectsPerMonth * COST_MODEL.kmsRequestsPerLogFile.value;
  return [
    line(
      "KMS key",
      versions * k.keyMonth.usd,
      `1 key x ${unitPrice(k.keyMonth.usd)} a month, plus ${unitPrice(k.keyMonth.usd)} for each of its first two rotations (every ${plan.key.rotationPeriodDays} days; later rotations are free) = ${versions} x ${unitPrice(k.keyMonth.usd)} once rotated twice`,
      k.keyMonth.usd,
    ),
    line("KMS requests", (requests * k.requests.usd) / 10_000, `${n(requests)} GenerateDataKey calls (one per log file) x ${unitPrice(k.requests.usd)} per 10,000`),
  ];
}

function snsLine(plan: ResolvedPlan, p: PriceTable): CostLine {
  const s = p.sns;
  const notifications = COST_MODEL.alarmNotificationsPerMonth.value;
  const recipients = Math.max(0, ...plan.topics.map((t) => t.emails.length));
  const emails = notifications * recipients;
  const billedEmails = Math.max(0, emails - s.emailFreePerMonth);
  const billedPublishes = Math.max(0, notifications - s.publishFreePerMonth);
  const usdTotal = (billedEmails * s.emailDeliveries.usd) / 100_000 + (billedPublishes * s.publishes.usd) / 1_000_000;
  return line(
    "SNS email notifications",
    usdTotal,
    `${n(notifications)} alarm notifications x up to ${recipients} recipient${recipients === 1 ? "" : "s"} = ${n(emails)} emails; the first ${n(s.emailFreePerMonth)} emails and ${n(s.publishFreePerMonth)} publishes a month are free, then ${unitPrice(s.emailDeliveries.usd)} per 100,000 emails`,
  );
}

function assumptionLines(plan: ResolvedPlan): CostAssumptionLine[] {
  const c = plan.cost;
  return [
    { setting: "cost.accounts", label: "AWS accounts recorded", value: c.accounts.value, reason: c.accounts.reason },
    { setting: "cost.managementEventsPerDay", label: "Management events per account per day", value: c.managementEventsPerDay.value, reason: c.managementEventsPerDay.reason },
    { setting: "cost.dataEventsPerDay", label: "Data events per day, whole estate", value: c.dataEventsPerDay.value, reason: c.dataEventsPerDay.reason },
    { setting: "cost.averageEventBytes", label: "Average event size (bytes of JSON)", value: c.averageEventBytes.value, reason: c.averageEventBytes.reason },
  ];
}

function modelFacts(v: Volumes): CostEstimate["modelFacts"] {
  const m = COST_MODEL;
  return [
    { label: "Days in a month", value: groupThousands(m.daysPerMonth.value, 2), why: m.daysPerMonth.why },
    { label: "Compression", value: `${m.gzipRatio.value}:1`, why: m.gzipRatio.why },
    {
      label: "Log and digest files per account per day",
      value: n(v.filesPerAccountPerDay),
      why: `${m.activeRegionsPerAccount.value} active regions x one file every ${m.logFileIntervalMinutes.value} minutes + ${m.enabledRegions.value} regions x 24 hourly digests: ${m.activeRegionsPerAccount.why}; ${m.enabledRegions.why}`,
    },
    { label: "Insights: share of management events that are writes", value: `${m.insightsWriteShare.value * 100}%`, why: m.insightsWriteShare.why },
    { label: "S3 lifecycle transition minimum", value: "128 KB", why: m.lifecycleMinimumTransitionBytes.why },
    { label: "Alarm notifications per month", value: n(m.alarmNotificationsPerMonth.value), why: m.alarmNotificationsPerMonth.why },
  ];
}

export function estimateMonthlyCost(plan: ResolvedPlan): CostEstimate {
  const own = priceTableFor(plan.homeRegion);
  const prices = own ?? DEFAULT_PRICE_TABLE;
  const v = volumes(plan);
  const trail = trailLines(plan, v, prices);
  const workspaces = workspacesCostLines(plan, prices).map((l) => line(l.component, l.monthlyUsd, l.formula));
  const forensics = forensicsCost(plan, v.compressedBytesPerMonth / days, prices);
  const lines = [
    ...trail.lines,
    ...archiveLines(plan, v, prices),
    ...cloudWatchLines(plan, v, prices),
    ...kmsLines(plan, v, prices),
    snsLine(plan, prices),
    ...workspaces,
    ...forensics.lines.map((l) => line(l.component, l.monthlyUsd, l.formula)),
  ];
  const notes = [
    `List prices for ${prices.region} in USD as of ${prices.asOf}, before free tiers, discounts and tax; re-check them on the AWS pricing pages before relying on the figures.`,
    "Monthly figures are the steady state once the archive has filled to its retention period; the first month is lower because storage starts empty.",
  ];
  notes.push(...forensics.notes);
  if (!own) notes.unshift(`No price table is kept for ${plan.homeRegion}: the figures use ${prices.region} prices, which can differ by region.`);
  const hasData = plan.trail.s3DataEvents !== "off" || plan.trail.lambdaDataEvents;
  if (!hasData && plan.cost.dataEventsPerDay.value > 0) notes.push(`cost.dataEventsPerDay (${n(plan.cost.dataEventsPerDay.value)}) is ignored: the trail selects no data events.`);
  const notIncluded = [
    ...workspacesNotIncluded(plan, prices),
    ...(plan.config ? ["AWS Config: priced per configuration item recorded and per rule evaluation (https://aws.amazon.com/config/pricing/); depends on how many resources change."] : []),
    "The access-log bucket and the AWS Config bucket: small next to the archive.",
    `Reading the evidence: S3 GET and retrieval requests, ${plan.forensics ? "investigators' own Athena queries" : "Athena"} and CloudWatch Logs Insights queries.`,
    "Free tiers (10 alarms, 5 GB of logs, 20,000 KMS requests a month): shared with everything else in the account, so not deducted.",
  ];
  return {
    homeRegion: plan.homeRegion,
    prices,
    assumptions: assumptionLines(plan),
    modelFacts: modelFacts(v),
    lines,
    totalMonthlyUsd: lines.reduce((sum, l) => sum + l.monthlyUsd, 0),
    firstMonthUsd: lines.reduce((sum, l) => sum + l.firstMonthUsd, 0),
    secondManagementCopyUsd: trail.secondCopyUsd,
    notes,
    notIncluded,
    archive: {
      layout: archiveLayout(plan.archive, plan.retention.archiveDays.value, v.averageObjectBytes),
      averageObjectBytes: v.averageObjectBytes,
      smallFiles: plan.archive.lifecycle ? smallFileTransitionCost(plan.archive.lifecycle, v.averageObjectBytes, prices) : undefined,
    },
  };
}

