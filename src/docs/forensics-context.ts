// The estate README's "Investigating" section: how to open the workgroup, run a
// saved query with its window, download a day of logs and run the same check
// locally with `trailwright query`. From the plan and the query catalog.
import type { ResolvedPlan } from "../model/plan.js";
import { checkParameters, QUERY_CHECKS } from "../query/catalog/index.js";
import { reviewTiers } from "../query/estate/forensic-grants.js";
import { alertingChecks } from "../query/estate/review-state-machine.js";

/**
 * Where the scheduled review sends its summary, as the state machine decides it (the checks
 * that escalate, the tiers the estate has): one wording for the README, COMPLIANCE.md and
 * `presets show`. Markdown (`code` marks); the terminal strips them.
 */
export function reviewRouting(plan: ResolvedPlan): string {
  const tiers = reviewTiers(plan);
  if (!tiers) return "sends no summary: the estate has no alert topic";
  const checks = alertingChecks().map((id) => `\`${id}\``).join(", ");
  return `emails the summary to the ${tiers.warning} tier when any of ${checks} finds an event, to the ${tiers.info} tier otherwise, and to the ${tiers.warning} tier if the review itself fails`;
}

export function forensicsReadme(plan: ResolvedPlan) {
  const f = plan.forensics;
  if (!f) return false as const;
  const sample = QUERY_CHECKS.find((c) => c.id === "root-usage")!;
  const bucket = plan.archive.name;
  const prefix = plan.topology === "organization" ? `AWSLogs/${plan.organizationId}/` : "AWSLogs/";
  return {
    account: plan.accounts.security.id,
    region: plan.homeRegion,
    role: f.investigatorRoleName,
    workgroup: f.workgroupName,
    database: f.databaseName,
    table: f.tableName,
    sampleQuery: `${plan.name}-${sample.id}`,
    parameters: checkParameters(sample).join(", "),
    checks: QUERY_CHECKS.map((c) => ({ id: c.id, name: `${plan.name}-${c.id}`, severity: c.severity, title: c.title, needs: c.requires === "s3-data-events" ? " (needs S3 data events)" : "" })),
    syncCommand: `aws s3 sync s3://${bucket}/${prefix} logs/${prefix} --exclude "*" --include "*/CloudTrail/*/2026/12/01/*" --include "*/CloudTrail/*/2026/12/02/*"`,
    localCommand: "npx -p trailwright -p @duckdb/node-api trailwright query root-usage --logs logs --since 2026-12-01 --until 2026-12-01",
    reviews: `daily at ${f.dailyCron.replace(/^cron\(0 (\d+) .*$/, "$1:00")} and weekly (${f.weeklyCron}) in ${f.timeZone}`,
    routing: reviewRouting(plan),
    noDataEvents: !f.s3DataEvents,
  };
}
