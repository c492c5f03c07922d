// The query catalog: every check, in the order `trailwright query --list`
// shows them, and the one function that turns a check into its SQL text.
// That text is what DuckDB runs locally and what the estate writes into
// Athena named queries and the review state machine.
import type { CatalogSettings, QueryCheck } from "./check.js";
import { DEFAULT_CATALOG_SETTINGS } from "./check.js";
import { accessKeyCreated, bucketPolicyChanges, iamChanges, networkChanges, trailTampering } from "./change-checks.js";
import { dailyReview } from "./daily-review.js";
import { accessDeniedBursts, consoleLoginWithoutMfa, failedConsoleLogins, rootUsage } from "./identity-checks.js";
import { newSourceIps, offHoursActivity, roleChains, s3Exfiltration } from "./activity-checks.js";
import { windowCte, windowParameterNames, type WindowParameterName } from "./window.js";

export type { CatalogSettings, QueryCheck } from "./check.js";
export { DEFAULT_CATALOG_SETTINGS } from "./check.js";

const CHECKS: readonly QueryCheck[] = [
  rootUsage,
  consoleLoginWithoutMfa,
  failedConsoleLogins,
  accessDeniedBursts,
  iamChanges,
  accessKeyCreated,
  trailTampering,
  networkChanges,
  bucketPolicyChanges,
  s3Exfiltration,
  newSourceIps,
  offHoursActivity,
  roleChains,
];

export const QUERY_CHECKS: readonly QueryCheck[] = Object.freeze([...CHECKS, dailyReview(CHECKS)]);

export function findCheck(id: string): QueryCheck | undefined {
  return QUERY_CHECKS.find((c) => c.id === id);
}

/** The full SQL text of a check: the window CTE, the check's own CTEs, its SELECT. */
export function checkSql(check: QueryCheck, settings: CatalogSettings = DEFAULT_CATALOG_SETTINGS): string {
  return `WITH ${[windowCte("events"), ...check.ctes].join(",\n")}\n${check.sql(settings)}`;
}

/** The `?` parameters of checkSql(check), in order. */
export function checkParameters(check: QueryCheck): WindowParameterName[] {
  return windowParameterNames(check.baseline);
}
