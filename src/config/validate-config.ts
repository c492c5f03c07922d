// Turns each schema problem into one line that names the field, the value and
// what is allowed, plus a hint that says what to do. The first problem is the
// ConfigError thrown; the others ride along in its `also`, reported together.
import type { z } from "zod";
import { ConfigError } from "../model/errors.js";
import { configSchema, type TrailwrightConfig } from "./schema.js";
import { firstRequiredLeaf, keysAt } from "./schema-paths.js";

/** Example values used in "how to fix" hints. */
const EXAMPLES: Readonly<Record<string, string>> = {
  "accounts.management": "123456789012",
  "accounts.logArchive": "210987654321",
  "accounts.security": "345678901234",
  organizationId: "o-a1b2c3d4e5",
  "alerts.emails": "secops@example.com",
  homeRegion: "eu-west-2",
  "dataEvents.s3Buckets": "patient-records-prod",
};

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

function describeIssue(issue: z.core.$ZodIssue, source: string): ConfigError {
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
  const where = `${source}: ${path || "(top level)"}`;
  const setHint = (p: string) => `set it in trailwright.json or with --set ${p}=${EXAMPLES[p] ?? "<value>"}`;
  const input = (issue as { input?: unknown }).input;

  if (issue.code === "unrecognized_keys") {
    const parent = issue.path.map(String).join(".");
    const key = parent ? `${parent}.${issue.keys[0]}` : issue.keys[0]!;
    const allowed = (keysAt(parent) ?? []).filter((k) => k !== "$schema");
    return new ConfigError(`${source}: unknown config key "${key}"`, {
      field: key,
      hint: `remove it or use one of: ${allowed.join(", ")}`,
    });
  }
  // A missing enum reports invalid_value, a missing string invalid_type: both are "missing" to a person.
  if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
    const leaf = firstRequiredLeaf(path);
    return new ConfigError(`${source}: ${leaf} is missing`, { field: leaf, hint: setHint(leaf) });
  }
  // `alerts.emails[0]` is set as `alerts.emails`: hints name the path --set takes.
  const settable = path.replace(/\[\d+\]/g, "");
  if (issue.code === "invalid_value") {
    return new ConfigError(`${where}: ${show(input)} is not allowed; expected one of ${issue.values.map(show).join(", ")}`, {
      field: path,
      hint: `set it in trailwright.json or with --set ${settable}=${String(issue.values[0])}`,
    });
  }
  if (issue.code === "invalid_type") {
    return new ConfigError(`${where}: ${show(input)} should be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`, {
      field: path,
      hint: setHint(path),
    });
  }
  // Format, range and size problems carry the schema's own plain-words message.
  return new ConfigError(`${where}: ${show(input)} is not valid; expected ${issue.message}`, { field: path, hint: setHint(settable) });
}

/** Validates raw answers against the schema; `source` names where they came from. */
export function validateConfig(raw: unknown, source: string): TrailwrightConfig {
  // jitless: zod would otherwise generate and compile a parser per object schema (new Function) for a
  // parse that runs once; compiling it cost more than interpreting the schema (npm run bench).
  const result = configSchema.safeParse(raw, { reportInput: true, jitless: true });
  if (result.success) return result.data;
  // A typo'd key also shows up as the real key "missing"; name the typo first.
  const issues = [...result.error.issues].sort(
    (a, b) => Number(b.code === "unrecognized_keys") - Number(a.code === "unrecognized_keys"),
  );
  // Every problem at once, one line each: a file with three typos takes one run to fix, not three.
  const seen = new Set<string>();
  const problems = issues
    .map((issue) => describeIssue(issue, source))
    .filter((problem) => {
      const key = `${problem.field}|${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const [first, ...also] = problems;
  throw new ConfigError(first!.message, { field: first!.field, hint: first!.hint, also });
}
