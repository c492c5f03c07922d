// The time window every check reads, as `?` parameters rather than literals, so
// one SQL text serves any day: Athena binds them from StartQueryExecution's
// ExecutionParameters (and the console asks for them), DuckDB from a prepared
// statement. https://docs.aws.amazon.com/athena/latest/ug/querying-with-prepared-statements.html
//
// Two predicates per window: the partition day ("timestamp", yyyy/MM/dd) lets
// Athena's projection read only those days' objects, and eventtime (ISO-8601
// UTC, which sorts as text) cuts the exact instants. The last partition day is
// the day `to` falls on: a file lands in the folder of the day it is delivered,
// so events from late in the evening are in the next day's folder.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html

export type WindowParameterName =
  | "firstDay"
  | "lastDay"
  | "from"
  | "to"
  | "baselineFirstDay"
  | "baselineLastDay"
  | "baselineFrom"
  | "baselineTo";

const WINDOW: readonly WindowParameterName[] = ["firstDay", "lastDay", "from", "to"];
const BASELINE: readonly WindowParameterName[] = ["baselineFirstDay", "baselineLastDay", "baselineFrom", "baselineTo"];

/** An instant range: `from` inclusive, `to` exclusive, both ISO-8601 UTC ending in Z. */
export interface QueryWindow {
  readonly from: string;
  readonly to: string;
}

/** No --since / --until: every event. Text bounds keep the SQL identical (no optional predicates). */
export const WHOLE_ARCHIVE: QueryWindow = Object.freeze({ from: "0000-01-01T00:00:00Z", to: "9999-12-31T23:59:59Z" });

/** The window CTE that starts every check's SQL: rows of cloudtrail_logs inside the window. */
export function windowCte(name: string, prefix: "" | "baseline" = ""): string {
  const p = prefix ? "baseline " : "";
  return `${name} AS (
  SELECT *
  FROM cloudtrail_logs
  WHERE "timestamp" BETWEEN ? AND ? -- ${p}first and last partition day, yyyy/MM/dd
    AND eventtime >= ? AND eventtime < ? -- ${p}window start (inclusive) and end (exclusive), ISO-8601 UTC
)`;
}

export function windowParameterNames(baseline: boolean): WindowParameterName[] {
  return baseline ? [...WINDOW, ...BASELINE] : [...WINDOW];
}

const day = (iso: string) => iso.slice(0, 10).replaceAll("-", "/");

function shiftDays(iso: string, days: number): string {
  if (iso === WHOLE_ARCHIVE.from) return iso; // nothing is older than the whole archive
  const t = Date.parse(iso);
  return new Date(t + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The baseline: the `days` days before the window. */
export function baselineOf(window: QueryWindow, days: number): QueryWindow {
  return { from: shiftDays(window.from, -days), to: window.from };
}

/** Values for each parameter name. */
export function windowParameterValues(window: QueryWindow, baselineDays: number): Record<WindowParameterName, string> {
  const base = baselineOf(window, baselineDays);
  return {
    firstDay: day(window.from),
    lastDay: day(window.to),
    from: window.from,
    to: window.to,
    baselineFirstDay: day(base.from),
    baselineLastDay: day(base.to),
    baselineFrom: base.from,
    baselineTo: base.to,
  };
}

const toInstant = (text: string) => new Date(Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The window --since / --until describe: a day (YYYY-MM-DD, UTC) as --since
 * starts at its midnight; as --until it is included whole. An instant is used
 * as given (--until exclusive). Absent bounds leave that side open.
 */
export function windowFromFlags(since: string | undefined, until: string | undefined): QueryWindow {
  const from = since === undefined ? WHOLE_ARCHIVE.from : toInstant(since);
  const to = until === undefined ? WHOLE_ARCHIVE.to : until.length === 10 ? shiftDays(toInstant(until), 1) : toInstant(until);
  return { from, to };
}
