// The estate README's "Investigating" section: how to open the workgroup, run a
// saved query with its window, download a day of logs and run the same check
// locally with `trailwright query`. From the plan and the query catalog.
import type { ResolvedPlan } from "../model/plan.js";
import { checkParameters, QUERY_CHECKS } from "../query/catalog/index.js";

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
    noDataEvents: !f.s3DataEvents,
  };
}
