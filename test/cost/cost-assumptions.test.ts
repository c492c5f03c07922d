// Cost assumptions in the resolved plan: the user's numbers kept, gaps filled
// per topology, industry and data-event selection, each with its reason; and
// the price table kept as data with its date and sources.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { listPrices, priceTableFor } from "../../src/cost/price-table.js";
import { ConfigError } from "../../src/model/errors.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";

const ORG = ["accounts.management=111111111111", "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-abc123defg", "alerts.emails=a@example.com"];
const SINGLE = ["accounts.management=111111111111", "alerts.emails=a@example.com"];
const costOf = (preset: string, sets: readonly string[]) => resolvePlan(loadConfig({ preset, sets: [...sets] })).cost;
const values = (c: ReturnType<typeof costOf>) => [c.accounts.value, c.managementEventsPerDay.value, c.dataEventsPerDay.value, c.averageEventBytes.value];

describe("cost assumptions in the plan", () => {
  it.each([
    ["uk-smb", SINGLE, [1, 20_000, 0, 1_500]],
    ["uk-bank", ORG, [30, 60_000, 2_500_000, 1_500]],
    ["uk-healthcare", [...ORG, "dataEvents.s3Buckets=phi"], [12, 30_000, 200_000, 1_500]],
  ] as const)("defaults for %s follow its topology, industry and data events", (preset, sets, expected) => {
    const cost = costOf(preset, sets);
    expect(values(cost)).toEqual(expected);
    for (const a of Object.values(cost)) expect(a.reason.length).toBeGreaterThan(20);
  });

  it("keeps the user's numbers and says they were set", () => {
    const cost = costOf("uk-bank", [...ORG, "cost.accounts=80", "cost.averageEventBytes=900"]);
    expect(cost.accounts).toEqual({ value: 80, reason: "set in the configuration" });
    expect(cost.averageEventBytes).toEqual({ value: 900, reason: "set in the configuration" });
    expect(cost.managementEventsPerDay.reason).toMatch(/^default: /);
  });

  it("refuses more than one account in single-account topology", () => {
    expect(() => costOf("uk-smb", [...SINGLE, "cost.accounts=4"])).toThrow(ConfigError);
    expect(() => costOf("uk-smb", [...SINGLE, "cost.accounts=4"])).toThrow(/cost\.accounts: 4 accounts, but single-account topology records exactly one/);
  });

  it("refuses fewer accounts than the organization estate itself uses", () => {
    expect(() => costOf("uk-bank", [...ORG, "cost.accounts=2"])).toThrow(/fewer than the 3 accounts the estate itself uses/);
  });
});

describe("the eu-west-2 price table", () => {
  const table = priceTableFor("eu-west-2")!;

  it("is dated and lists every price with a positive amount, a unit, an AWS pricing page and how it was checked", () => {
    expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(table.currency).toBe("USD");
    const prices = listPrices(table);
    expect(prices.length).toBe(21);
    for (const { path, price } of prices) {
      expect(price.usd, path).toBeGreaterThan(0);
      expect(price.unit, path).not.toBe("");
      expect(price.source, path).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9]+\/pricing\/$/);
      expect(["confirmed", "recalled"]).toContain(price.checked);
      expect(price.note.length, path).toBeGreaterThan(10);
    }
  });

  it("has the CloudTrail prices the brief fixes: $2.00 per 100k paid copies, $0.10 per 100k data events", () => {
    expect(table.cloudTrail.paidManagementEvents.usd).toBe(2);
    expect(table.cloudTrail.dataEvents.usd).toBe(0.1);
    expect(table.sns.emailFreePerMonth).toBe(1_000);
  });

  it("keeps no table for regions it has not priced", () => {
    expect(priceTableFor("ap-southeast-2")).toBeUndefined();
  });
});
