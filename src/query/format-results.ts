// Query results as a person reads them (an aligned table), as one JSON array
// for scripts, or as CSV (RFC 4180) for a spreadsheet. Every format is a pure
// function of the rows, so output is the same on every run.
import type { QueryResult } from "./local/duckdb-session.js";

export type ResultFormat = "table" | "json" | "csv";

/** A cell as text: nested values (structs, arrays from --sql) as compact JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function formatTable(result: QueryResult): string {
  const { columns, rows } = result;
  if (rows.length === 0) return "";
  const cells = rows.map((row) => columns.map((c) => cellText(row[c]).replaceAll("\n", " ")));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

export function formatJson(result: QueryResult): string {
  return JSON.stringify(result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c] ?? null]))), null, 2);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvField).join(","), ...result.rows.map((row) => result.columns.map((c) => csvField(cellText(row[c]))).join(","))];
  return lines.join("\r\n");
}

export function formatResult(result: QueryResult, format: ResultFormat): string {
  return format === "json" ? formatJson(result) : format === "csv" ? formatCsv(result) : formatTable(result);
}
