// What the scheduled reviews scan in Athena. Athena bills the bytes it reads
// from S3, which for CloudTrail's gzip files is the compressed size; a review
// reads its window's days plus the run day's partition (late events land
// there), so each run is priced at its window plus one whole day: an upper bound.
// https://aws.amazon.com/athena/pricing/
import { COST_MODEL } from "../catalog/cost-assumptions.js";
import type { ResolvedPlan } from "../model/plan.js";
import { gigabytes, groupThousands, unitPrice } from "./format-numbers.js";
import type { PriceTable } from "./price-table.js";

const TB = 1024 ** 4;
const WEEKS_PER_MONTH = COST_MODEL.daysPerMonth.value / 7;

export interface ForensicsCost {
  readonly lines: { readonly component: string; readonly monthlyUsd: number; readonly formula: string }[];
  readonly notes: string[];
}

export function forensicsCost(plan: ResolvedPlan, compressedBytesPerDay: number, prices: PriceTable): ForensicsCost {
  const f = plan.forensics;
  if (!f) return { lines: [], notes: [] };
  const price = prices.athena.dataScanned.usd;
  const daily = compressedBytesPerDay * (1 + 1);
  const weekly = compressedBytesPerDay * (7 + 1);
  const days = COST_MODEL.daysPerMonth.value;
  const scannedPerMonth = daily * days + weekly * WEEKS_PER_MONTH;
  const lines = [
    {
      component: "Athena: daily and weekly reviews",
      monthlyUsd: (scannedPerMonth / TB) * price,
      formula: `daily: up to ${gigabytes(daily)} (1 day + the run day) x ${groupThousands(days, 2)} runs, weekly: up to ${gigabytes(weekly)} (7 days + the run day) x ${groupThousands(WEEKS_PER_MONTH, 2)} runs = ${gigabytes(scannedPerMonth)} scanned x ${unitPrice(price)} per TB; Step Functions and Scheduler runs are within their free tiers`,
    },
  ];
  const notes: string[] = [];
  if (weekly > f.bytesScannedCutoff) {
    notes.push(
      `The weekly review may scan ${gigabytes(weekly)}, more than the workgroup's per-query cutoff of ${gigabytes(f.bytesScannedCutoff)}: Athena would cancel it (and bill what it read). Raise forensics.scanLimitGb.`,
    );
  }
  notes.push(`Investigations are billed as they run: ${unitPrice(price)} per TB scanned, and no query may scan more than ${gigabytes(f.bytesScannedCutoff)} (forensics.scanLimitGb).`);
  return { lines, notes };
}
