// `--json`: one JSON document on stdout for scripts, in place of the human
// report. Errors keep their exit code and become objects with a stable code
// ("usage", "config", "conflict", "drift", "cancelled", "internal"), the field
// they concern and the hint a person would read.
import { CancelledError, ConfigError, ConflictError, DriftError, TrailwrightError, UsageError } from "../model/errors.js";

export interface JsonError {
  readonly code: "usage" | "config" | "conflict" | "drift" | "cancelled" | "internal";
  readonly message: string;
  readonly hint?: string;
  readonly field?: string;
  /** Files concerned (conflict). */
  readonly paths?: readonly string[];
}

function codeOf(error: TrailwrightError): JsonError["code"] {
  if (error instanceof UsageError) return "usage";
  if (error instanceof ConfigError) return "config";
  if (error instanceof ConflictError) return "conflict";
  if (error instanceof DriftError) return "drift";
  if (error instanceof CancelledError) return "cancelled";
  return "internal";
}

/** Every problem an error carries (a ConfigError lists all the config's problems), as JSON objects. */
export function jsonErrors(error: unknown): JsonError[] {
  if (!(error instanceof TrailwrightError)) {
    return [{ code: "internal", message: error instanceof Error ? error.message.split("\n")[0]! : String(error), hint: "this is a bug in trailwright; please report it" }];
  }
  const one = (e: TrailwrightError): JsonError => ({
    code: codeOf(e),
    message: e.message,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e instanceof ConfigError && e.field ? { field: e.field } : {}),
    ...(e instanceof ConflictError ? { paths: e.paths } : {}),
  });
  return [one(error), ...(error instanceof ConfigError ? error.also.map(one) : [])];
}

export function exitCodeOf(error: unknown): number {
  return error instanceof TrailwrightError ? error.exitCode : 1;
}

/** Pretty-printed with a trailing newline: one document, readable by `jq` and by eye. */
export function jsonText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
