// The small Trino subset every catalog check is written in. Athena (engine v3,
// Trino) runs it as is; DuckDB runs it after the macro shim below defines the
// few Trino names it spells differently. A lint test parses each check and
// refuses any function outside ALLOWED_FUNCTIONS, so a check that would run in
// one engine only never lands. Dialect facts: shared/reference/forensic-query.md
// section F, checked against DuckDB 1.5 by running every check in the tests.

/**
 * Functions with the same meaning in Trino and (after the shim) DuckDB. Names
 * are lowercase; CAST, CASE, LIKE, IN, BETWEEN, IS NULL, `||` and UNNEST are
 * syntax, not functions, and are allowed everywhere.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // aggregates
  "count",
  "count_if",
  "sum",
  "min",
  "max",
  // scalars identical in both engines
  "coalesce",
  "substr",
  "split_part",
  "lower",
  "hour",
  // defined for DuckDB by the shim
  "json_extract_scalar",
  "from_iso8601_timestamp",
  "at_timezone",
  "day_of_week",
  "regexp_like",
]);

/**
 * Functions that parse in both engines but mean different things, so a check
 * must not use them (the reason is the lint's message).
 */
export const BANNED_FUNCTIONS: Readonly<Record<string, string>> = Object.freeze({
  date_add: "argument order and units differ between Trino and DuckDB",
  replace: "Trino's two-argument form does not exist in DuckDB",
  try: "DuckDB has no try(); write the check so it cannot fail",
  json_extract: "returns JSON in Trino but a different JSON type in DuckDB; use json_extract_scalar",
  date_format: "format letters differ (Trino %i minutes vs DuckDB %M); compare substr(eventtime, ...) instead",
  date_trunc: "returns TIMESTAMP WITH TIME ZONE in Trino and a different type in DuckDB; truncate the ISO text with substr",
  approx_distinct: "estimates differ between engines, so counts would not match",
  to_iso8601: "not in DuckDB",
  now: "makes a check depend on when it runs; pass the window as parameters",
  current_timestamp: "makes a check depend on when it runs; pass the window as parameters",
});

/**
 * CREATE MACRO statements that give DuckDB the Trino names above with Trino's
 * meaning. json_extract_string throws on invalid JSON where Trino returns NULL;
 * the columns it reads are serialised by DuckDB itself from parsed JSON, so
 * they are always valid.
 */
export const DUCKDB_SHIM: readonly string[] = Object.freeze([
  "CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p)",
  // CloudTrail writes UTC with a trailing Z; TIMESTAMPTZ keeps it an instant.
  "CREATE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)",
  // Trino returns the instant in the zone; DuckDB's timezone() returns the local wall time, which hour() and isodow() read the same way.
  "CREATE MACRO at_timezone(ts, zone) AS timezone(zone, ts)",
  // Trino: 1 = Monday ... 7 = Sunday (ISO), which is DuckDB's isodow.
  "CREATE MACRO day_of_week(ts) AS isodow(ts)",
  "CREATE MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern)",
]);
