// The cost estimate as terminal text, for `presets show` and the wizard's
// summary. The README renders the same estimate as a Markdown table.
import type { CostEstimate } from "./estimate-monthly-cost.js";
import { groupThousands, usd } from "./format-numbers.js";

export function formatCostEstimate(estimate: CostEstimate): string {
  const width = Math.max(...estimate.lines.map((l) => l.component.length), "Total".length);
  const amountWidth = Math.max(...estimate.lines.map((l) => usd(l.monthlyUsd).length), usd(estimate.totalMonthlyUsd).length);
  const row = (label: string, amount: number) => `  ${label.padEnd(width)}  ${usd(amount).padStart(amountWidth)}`;
  const out = [
    `Estimated monthly cost (USD, ${estimate.prices.region} list prices as of ${estimate.prices.asOf}; re-check before relying on them):`,
    ...estimate.lines.map((l) => row(l.component, l.monthlyUsd)),
    row("Total", estimate.totalMonthlyUsd),
    `  (first month: ${usd(estimate.firstMonthUsd)}; the monthly figure is the steady state once the archive is full)`,
    "Assuming:",
    ...estimate.assumptions.map((a) => `  - ${a.label}: ${groupThousands(a.value)} (change with --set ${a.setting}=N)`),
  ];
  return out.join("\n");
}
