// The cost model against figures worked out by hand (the arithmetic is written
// out beside each expectation), plus the branches the two scenarios do not
// reach. GB below means 2^30 bytes, as AWS bills; D = 365/12 days a month.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { estimateMonthlyCost, type CostEstimate } from "../../src/cost/estimate-monthly-cost.js";
import { formatCostEstimate } from "../../src/cost/format-cost.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { workspacesConfig } from "../helpers/workspaces-answers.js";

const ORG = ["accounts.management=111111111111", "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-abc123defg", "alerts.emails=secops@example.com"];
const plan = (preset: string, sets: readonly string[]): ResolvedPlan => resolvePlan(loadConfig({ preset, sets: [...sets] }));

function amount(e: CostEstimate, component: string): number {
  const found = e.lines.filter((l) => l.component.startsWith(component));
  if (found.length !== 1) throw new Error(`expected one line "${component}", found ${found.length}`);
  return found[0]!.monthlyUsd;
}

describe("scenario A: uk-smb preset defaults (1 account, 20,000 management events/day, no data events, 1,500-byte events)", () => {
  // Hand-worked:
  //   events/month        = 20,000 x 30.41667 = 608,333.3
  //   raw bytes/month     = 608,333.3 x 1,500 = 912,500,000 B = 0.849832 GB
  //   compressed (10:1)   = 91,250,000 B = 0.0849832 GB
  //   files/month         = (3 regions x 288 + 17 regions x 24) x 30.41667 = 1,272 x 30.41667 = 38,690
  //   average file        = 91,250,000 / 38,690 = 2,358 B < 128 KB, so no lifecycle transition happens
  //   S3 Standard         = 0.0849832 GB x (365 + 30 noncurrent days) / 30.41667 x $0.024 = $0.026487
  //   S3 PUTs             = 38,690 x $0.0053 / 1,000 = $0.205057
  //   CW Logs ingestion   = 0.849832 GB x $0.5985 = $0.508624
  //   CW Logs storage     = (912,500,000 + 26 x 608,333.3) / 10 B = 0.0864589 GB x 365 / 30.41667 x $0.0315 = $0.032680
  //   alarms              = 14 x $0.10 = $1.40
  //   KMS key             = 3 key-months (key + 2 charged rotations) x $1 = $3.00; first month $1.00
  //   KMS requests        = 38,690 x $0.03 / 10,000 = $0.116070
  //   SNS                 = 200 emails, under the 1,000 free = $0
  //   total               = $5.288919; first month = $3.232133
  const e = estimateMonthlyCost(plan("uk-smb", ["accounts.management=111111111111", "alerts.emails=secops@example.com"]));

  it("prices each component as worked out by hand", () => {
    expect(amount(e, "CloudTrail management events")).toBe(0);
    expect(amount(e, "CloudTrail data events")).toBe(0);
    expect(amount(e, "CloudTrail Insights")).toBe(0);
    expect(amount(e, "S3 archive: S3 Standard")).toBeCloseTo(0.026487, 5);
    expect(amount(e, "S3 archive: S3 Glacier Instant Retrieval")).toBe(0);
    expect(amount(e, "S3 requests")).toBeCloseTo(0.205057, 5);
    expect(amount(e, "CloudWatch Logs ingestion")).toBeCloseTo(0.508624, 5);
    expect(amount(e, "CloudWatch Logs storage")).toBeCloseTo(0.03268, 5);
    expect(amount(e, "CloudWatch alarms")).toBeCloseTo(1.4, 10);
    expect(amount(e, "KMS key")).toBe(3);
    expect(amount(e, "KMS requests")).toBeCloseTo(0.11607, 5);
    expect(amount(e, "SNS email notifications")).toBe(0);
    expect(e.lines.some((l) => l.component === "CloudWatch dashboard")).toBe(false);
  });

  it("totals $5.29 a month, $3.23 in the first month", () => {
    expect(e.totalMonthlyUsd).toBeCloseTo(5.288919, 5);
    expect(e.firstMonthUsd).toBeCloseTo(3.232133, 5);
  });

  it("says why the colder tier is empty", () => {
    expect(e.lines.find((l) => l.component === "S3 archive: S3 Glacier Instant Retrieval")!.formula).toContain("below the 128 KB S3 lifecycle transition minimum");
  });
});

describe("scenario B: uk-bank with 3 busy accounts (2,000,000 management events/day each, 1,000,000 data events/day, 2,000-byte events)", () => {
  // Hand-worked:
  //   management/month    = 3 x 2,000,000 x 30.41667 = 182,500,000
  //   data/month          = 1,000,000 x 30.41667 = 30,416,667
  //   events/month        = 212,916,667; raw = x 2,000 B = 396.588 GB; compressed = 39.6588 GB
  //   files/month         = 3 x 1,272 x 30.41667 = 116,070; average file 366,876 B (358 KB) >= 128 KB: tiers apply
  //   data events         = 30,416,667 x $0.10 / 100,000 = $30.416667
  //   Insights            = 182,500,000 x (1 + 10% writes) = 200,750,000 x $0.35 / 100,000 = $702.625
  //   S3 Standard         = 39.6588 GB x 90 / 30.41667 x $0.024 = $2.816319
  //   Glacier IR          = 39.6588 GB x 275 / 30.41667 x $0.005 = $1.792796
  //   Deep Archive        = 2,222 days (365 to 2,557 + 30) = 73.05205 months:
  //                         (39.6588 x 73.05205 GB + 8,479,151 files x 32 KB) x $0.0018 = $5.680659
  //                         + 8,479,151 files x 8 KB x $0.024 = $1.552579   -> $7.233238
  //   S3 requests         = 116,070 x ($0.0053 + $0.02 + $0.05) / 1,000 = $8.740071; first month PUTs only $0.615171
  //   CW Logs ingestion   = 396.588 GB x $0.5985 = $237.358036
  //   CW Logs storage     = (425,833,333,333 + 26 x 212,916,667) / 10 B = 40.1745 GB x 400 / 30.41667 x $0.0315 = $16.642101
  //   alarms 16 x $0.10 = $1.60; dashboard $3.00; KMS key $3.00; KMS requests 116,070 x $0.03 / 10,000 = $0.34821
  //   Athena reviews      = 39.6588 GB / 30.41667 = 1.303851 GB a day; daily runs read up to 2 days, weekly up to 8:
  //                         (2 x 30.41667 + 8 x 4.345238) x 1.303851 GB = 124.6415 GB = 0.121720 TB x $5 = $0.608604
  //   total               = $1,016.181041; first month = $30.416667 + $702.625 + $0.475906 (half a month in Standard) + $0.615171 + $237.358036 + $0.632747 (half a month stored) + $1.60 + $3.00 + $1.00 + $0.34821 + $0.608604 = $978.680341
  const e = estimateMonthlyCost(
    plan("uk-bank", [...ORG, "cost.accounts=3", "cost.managementEventsPerDay=2000000", "cost.dataEventsPerDay=1000000", "cost.averageEventBytes=2000"]),
  );

  it("prices each component as worked out by hand", () => {
    expect(amount(e, "CloudTrail management events")).toBe(0);
    expect(amount(e, "CloudTrail data events")).toBeCloseTo(30.416667, 5);
    expect(amount(e, "CloudTrail Insights")).toBeCloseTo(702.625, 5);
    expect(amount(e, "S3 archive: S3 Standard")).toBeCloseTo(2.816319, 5);
    expect(amount(e, "S3 archive: S3 Glacier Instant Retrieval")).toBeCloseTo(1.792796, 5);
    expect(amount(e, "S3 archive: S3 Glacier Deep Archive")).toBeCloseTo(7.233238, 5);
    expect(amount(e, "S3 requests")).toBeCloseTo(8.740071, 5);
    expect(amount(e, "CloudWatch Logs ingestion")).toBeCloseTo(237.358036, 5);
    expect(amount(e, "CloudWatch Logs storage")).toBeCloseTo(16.642101, 5);
    expect(amount(e, "CloudWatch alarms")).toBeCloseTo(1.6, 10);
    expect(amount(e, "CloudWatch dashboard")).toBe(3);
    expect(amount(e, "KMS key")).toBe(3);
    expect(amount(e, "KMS requests")).toBeCloseTo(0.34821, 5);
  });

  it("prices the scheduled reviews' Athena scans, and states the per-query cutoff", () => {
    expect(amount(e, "Athena: daily and weekly reviews")).toBeCloseTo(0.608604, 5);
    expect(e.notes).toContain("Investigations are billed as they run: $5.00 per TB scanned, and no query may scan more than 100 GB (forensics.scanLimitGb).");
  });

  it("totals $1,016.18 a month, $978.68 in the first month", () => {
    expect(e.totalMonthlyUsd).toBeCloseTo(1016.181041, 5);
    expect(e.firstMonthUsd).toBeCloseTo(978.680341, 4);
    expect(e.lines.find((l) => l.component.startsWith("S3 requests"))!.firstMonthUsd).toBeCloseTo(0.615171, 5);
  });

  it("works out the paid second copy a trail beside Control Tower would cost: 182,500,000 x $2 / 100,000 = $3,650", () => {
    expect(e.secondManagementCopyUsd).toBeCloseTo(3650, 6);
  });
});

describe("branches the scenarios do not reach", () => {
  it("charges no management events, Insights or log group under Control Tower", () => {
    const e = estimateMonthlyCost(plan("uk-bank", [...ORG, "controlTower=true", "insights=false"]));
    expect(amount(e, "CloudTrail management events")).toBe(0);
    expect(e.lines.find((l) => l.component === "CloudTrail management events")!.formula).toContain("Control Tower");
    expect(amount(e, "CloudWatch Logs ingestion")).toBe(0);
    expect(amount(e, "CloudWatch Logs storage")).toBe(0);
    // Data events still cost: 2,500,000 x 30.41667 x $0.10 / 100,000 = $76.041667.
    expect(amount(e, "CloudTrail data events")).toBeCloseTo(76.041667, 5);
    // The second copy it avoids: 30 x 60,000 x 30.41667 x $2 / 100,000 = $1,095.
    expect(e.secondManagementCopyUsd).toBeCloseTo(1095, 6);
  });

  it("keeps everything in S3 Standard for the whole archive period when MFA delete rules out lifecycle", () => {
    const e = estimateMonthlyCost(plan("uk-smb", ["accounts.management=111111111111", "alerts.emails=a@example.com", "storage.mfaDelete=true", "storage.lifecycle=false"]));
    const standard = e.lines.find((l) => l.component === "S3 archive: S3 Standard")!;
    // 0.0849832 GB x 365 / 30.41667 x $0.024 = $0.024474
    expect(standard.monthlyUsd).toBeCloseTo(0.024474, 5);
    expect(standard.formula).toContain("keeps growing");
    expect(e.lines.filter((l) => l.component.startsWith("S3 archive:"))).toHaveLength(1);
  });

  it("bills emails beyond the free 1,000: 200 notifications x 6 recipients = 1,200, so 200 x $2 / 100,000 = $0.004", () => {
    const emails = ["a", "b", "c", "d", "e", "f"].map((x) => `${x}@example.com`).join(",");
    const e = estimateMonthlyCost(plan("uk-smb", ["accounts.management=111111111111", `alerts.emails=${emails}`]));
    expect(amount(e, "SNS email notifications")).toBeCloseTo(0.004, 10);
  });

  it("ignores data-event assumptions when the trail selects none, and says so", () => {
    const e = estimateMonthlyCost(plan("uk-smb", ["accounts.management=111111111111", "alerts.emails=a@example.com", "cost.dataEventsPerDay=5000000"]));
    expect(amount(e, "CloudTrail data events")).toBe(0);
    expect(e.notes.join(" ")).toContain("cost.dataEventsPerDay (5,000,000) is ignored");
  });

  it("falls back to the London price table, and says so, for a region without one", () => {
    const london = plan("uk-smb", ["accounts.management=111111111111", "alerts.emails=a@example.com"]);
    const e = estimateMonthlyCost({ ...london, homeRegion: "eu-west-1" });
    expect(e.prices.region).toBe("eu-west-2");
    expect(e.notes[0]).toContain("No price table is kept for eu-west-1");
    expect(e.totalMonthlyUsd).toBeCloseTo(estimateMonthlyCost(london).totalMonthlyUsd, 10);
  });

  it("is a pure function of the plan", () => {
    const p = plan("uk-healthcare", [...ORG, "dataEvents.s3Buckets=phi-records"]);
    expect(estimateMonthlyCost(p)).toEqual(estimateMonthlyCost(p));
  });
});

describe("formatCostEstimate", () => {
  it("prints every line, the total and how to change each assumption", () => {
    const e = estimateMonthlyCost(plan("uk-smb", ["accounts.management=111111111111", "alerts.emails=a@example.com"]));
    const text = formatCostEstimate(e);
    for (const l of e.lines) expect(text).toMatch(new RegExp(`^  ${l.component.replace(/[()]/g, "\\$&")} +\\$`, "m"));
    expect(text).toMatch(/^ {2}Total +\$5\.29$/m);
    expect(text).toContain("eu-west-2 list prices as of 2026-11-21");
    expect(text).toContain("--set cost.managementEventsPerDay=N");
  });
});

describe("WorkSpaces monitoring in the estimate", () => {
  it("prices the alarms, dashboards and keys it creates, and says what it cannot size", () => {
    const plan = resolvePlan(workspacesConfig("organization"));
    const estimate = estimateMonthlyCost(plan);
    const ws = plan.workspaces!;
    const byName = Object.fromEntries(estimate.lines.map((l) => [l.component, l]));
    const alarms = ws.trailAlarms.length + ws.sites.length * (ws.accessAlarms.length + ws.nativeAlarms.length + 2);
    expect(byName["WorkSpaces alarms"]!.monthlyUsd).toBeCloseTo(alarms * 0.1, 6);
    expect(byName["WorkSpaces dashboards"]!.monthlyUsd).toBeCloseTo(2 * 3, 6);
    expect(byName["WorkSpaces KMS keys"]!.monthlyUsd).toBeCloseTo(2 * 1, 6);
    expect(estimate.notIncluded.join("\n")).toContain("AWS Managed Microsoft AD log forwarding");
    const without = estimateMonthlyCost(resolvePlan(workspacesConfig("organization", ["workspaces.enabled=false"])));
    expect(estimate.totalMonthlyUsd - without.totalMonthlyUsd).toBeCloseTo(alarms * 0.1 + 6 + 2, 6);
  });
});
