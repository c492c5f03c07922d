// The decision to keep S3's 128 KB transition minimum (src/cost/small-file-transitions.ts),
// re-checked with the cost model on every preset: forcing the estimated small files through
// the tiers costs more than leaving them in S3 Standard.
import { describe, expect, it } from "vitest";
import { estimateMonthlyCost } from "../../src/cost/estimate-monthly-cost.js";
import { DEFAULT_PRICE_TABLE } from "../../src/cost/price-table.js";
import { smallFileTransitionCost } from "../../src/cost/small-file-transitions.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";

describe.each(PRESET_IDS)("small files in %s", (id) => {
  const plan = presetPlan(id);
  const cost = estimateMonthlyCost(plan);

  it("average under 128 KB, and would cost more forced through the tiers than left in S3 Standard", () => {
    const s = cost.archive.smallFiles!;
    expect(s.averageObjectBytes).toBeLessThan(128 * 1024);
    expect(s.transitionedUsd).toBeGreaterThan(s.standardUsd);
  });
});

describe("smallFileTransitionCost", () => {
  const lifecycle = { transitions: [{ days: 90, storageClass: "GLACIER_IR" as const }, { days: 365, storageClass: "DEEP_ARCHIVE" as const }], expirationDays: 2557, noncurrentExpirationDays: 30, abortIncompleteMultipartDays: 7 };
  const p = DEFAULT_PRICE_TABLE;
  const GB = 1024 ** 3;

  it("prices a million files by hand: Standard for life against Standard, Glacier IR at 128 KB minimum, Deep Archive with 40 KB overhead, and two transitions", () => {
    const bytes = 16 * 1024;
    const months = (d: number) => d / (365 / 12);
    const s = smallFileTransitionCost(lifecycle, bytes, p)!;
    const perGb = (b: number) => (1e6 * b) / GB;
    expect(s.lifeDays).toBe(2587);
    expect(s.standardUsd).toBeCloseTo(perGb(bytes) * p.s3.storage.STANDARD.usd * months(2587), 6);
    const forced =
      perGb(bytes) * p.s3.storage.STANDARD.usd * months(90) +
      perGb(128 * 1024) * p.s3.storage.GLACIER_IR.usd * months(275) +
      (perGb(bytes + 32 * 1024) * p.s3.storage.DEEP_ARCHIVE.usd + perGb(8 * 1024) * p.s3.storage.STANDARD.usd) * months(2222) +
      1000 * (p.s3.transitionRequests.GLACIER_IR.usd + p.s3.transitionRequests.DEEP_ARCHIVE.usd);
    expect(s.transitionedUsd).toBeCloseTo(forced, 6);
  });

  it("turns in favour of forcing for files just under the minimum, so the verdict depends on the size", () => {
    const s = smallFileTransitionCost(lifecycle, 127 * 1024, p)!;
    expect(s.transitionedUsd).toBeLessThan(s.standardUsd);
  });

  it("has nothing to compare when the rule has no transitions", () => {
    expect(smallFileTransitionCost({ ...lifecycle, transitions: [] }, 2048, p)).toBeUndefined();
  });
});
