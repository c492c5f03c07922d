// What a catalog check is. One check is one SQL text in the Trino subset of
// src/query/dialect.ts; the same string runs locally (DuckDB, through the shim),
// in Athena as a named query, and (counted) in the scheduled reviews.
import { CIS_METRIC_FILTERS } from "../../catalog/cis-metric-filters.js";
import type { FrameworkId } from "../../catalog/regulations.js";

export type Severity = "critical" | "high" | "medium" | "low";

/** A requirement a check helps meet: the framework (ids of src/catalog/regulations.ts) and its clause. */
export interface ControlRef {
  readonly framework: FrameworkId;
  readonly ref: string;
}

/** Answers the checks read; defaults in DEFAULT_CATALOG_SETTINGS. */
export interface CatalogSettings {
  /** IANA time zone the business hours are in, e.g. Europe/London. */
  readonly timeZone: string;
  /** First business hour (0-23), local time. */
  readonly businessStartHour: number;
  /** Hour business ends (1-24, exclusive), local time. Weekdays are Monday to Friday. */
  readonly businessEndHour: number;
  /** Days before the window that new-source-ips treats as known. */
  readonly baselineDays: number;
}

export const DEFAULT_CATALOG_SETTINGS: CatalogSettings = Object.freeze({
  timeZone: "Europe/London",
  businessStartHour: 7,
  businessEndHour: 19,
  baselineDays: 30,
});

export interface QueryCheck {
  readonly id: string;
  readonly title: string;
  /** What the query finds, in one sentence. */
  readonly looksFor: string;
  /** Why it matters to an investigator or an auditor. */
  readonly why: string;
  readonly severity: Severity;
  readonly controls: readonly ControlRef[];
  /** "events": one row per matching event; "groups": one row per group, with its `count`. */
  readonly shape: "events" | "groups";
  /** Logs the check cannot work without; the trail does not record S3 data events by default. */
  readonly requires: "s3-data-events" | undefined;
  /** True when the SQL also reads the baseline days before the window (four more parameters). */
  readonly baseline: boolean;
  /** The event-level condition daily-review counts, or undefined when one scan cannot count it. */
  readonly countWhere: ((settings: CatalogSettings) => string) | undefined;
  /** Common table expressions after the window's `events` (the baseline of new-source-ips). */
  readonly ctes: readonly string[];
  /** The final SELECT over `events`, with `?` for the window parameters in the order windowParameterNames() gives. */
  readonly sql: (settings: CatalogSettings) => string;
}

/** The CIS and Security Hub ids of one of the alarm catalog's metric filters, so both catalogs cite alike. */
export function cisControl(filterId: string): ControlRef {
  const filter = CIS_METRIC_FILTERS.find((f) => f.id === filterId);
  if (!filter) throw new Error(`no CIS metric filter "${filterId}"`);
  const ids = [filter.cis && `CIS AWS Foundations ${filter.cis}`, filter.securityHub && `Security Hub ${filter.securityHub}`].filter(Boolean);
  return { framework: "cis-aws", ref: ids.join(", ") };
}

export const pci = (ref: string): ControlRef => ({ framework: "pci-dss-10", ref: `PCI DSS v4.0 ${ref}` });

/** SQL string literal list for IN (...): the names are constants here, never user input. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
