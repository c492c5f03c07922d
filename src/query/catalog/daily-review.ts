// daily-review: one pass over the window that counts, for every check that can
// be counted in one scan, the events it would report. This is the summary the
// scheduled reviews send (PCI DSS 10.4.1 daily review, 10.4.1.1 by automated
// mechanisms): one scan of the day's partitions instead of one per check.
//
// The counts are unpivoted with a one-array UNNEST and a CASE, because DuckDB
// does not take Trino's multi-array UNNEST in FROM; the result is one row per
// check (check_id, events), which the state machine turns into text.
import { FRAMEWORKS } from "../../catalog/regulations.js";
import type { CatalogSettings, ControlRef, QueryCheck } from "./check.js";

/** Column alias for a check id (ids have hyphens, which an unquoted alias cannot). */
const alias = (id: string) => id.replaceAll("-", "_");

/** Every framework's review expectation, cited as the regulation catalog cites it. */
const REVIEW_DUTIES: readonly ControlRef[] = (["pci-dss-10", "hipaa", "ncsc-caf", "dora", "uk-gdpr", "sox", "nhs-dspt"] as const).map((id) => ({
  framework: id,
  ref: FRAMEWORKS[id].review.citation.text,
}));

export function dailyReview(counted: readonly QueryCheck[]): QueryCheck {
  const checks = counted.filter((c) => c.countWhere !== undefined);
  const notCounted = counted.filter((c) => c.countWhere === undefined).map((c) => c.id);
  return {
    id: "daily-review",
    title: "Daily review summary",
    looksFor: `How many events each check finds in the window, in one scan${notCounted.length ? ` (not ${notCounted.join(", ")}: it compares against a baseline, so it runs on its own)` : ""}.`,
    why: "PCI DSS 10.4.1 asks for a review of security events at least daily, by automated mechanisms since 10.4.1.1; the other frameworks ask for regular review. A person still reads the summary and follows up.",
    severity: "high",
    controls: REVIEW_DUTIES,
    shape: "groups",
    requires: undefined,
    baseline: false,
    countWhere: undefined,
    ctes: [],
    sql: (settings: CatalogSettings) => {
      // coalesce: DuckDB 1.5's count_if returns NULL over no rows, or when the
      // predicate folds to a NULL constant (a column NULL in every file); Trino returns 0.
      const counts = checks.map((c) => `    coalesce(count_if(${c.countWhere!(settings).replaceAll("\n", "\n    ")}), 0) AS ${alias(c.id)}`).join(",\n");
      const pick = checks.map((c) => `    WHEN '${c.id}' THEN totals.${alias(c.id)}`).join("\n");
      return `SELECT checks.check_id,
  CASE checks.check_id
${pick}
  END AS count
FROM (
  SELECT
${counts}
  FROM events
) totals
CROSS JOIN UNNEST(ARRAY[${checks.map((c) => `'${c.id}'`).join(", ")}]) AS checks (check_id)
ORDER BY checks.check_id`;
    },
  };
}
