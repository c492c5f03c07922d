// Answer checks that reuse the rules the config already has, so the wizard
// rejects inline exactly what validation would reject later, in the same words:
// field syntax from the zod schema, retention minimums from src/plan/retention.ts.
import * as z from "zod";
import { defaultFrameworks, FRAMEWORKS, type Framework, type FrameworkId } from "../catalog/regulations.js";
import { configSchema } from "../config/schema.js";
import { ConfigError } from "../model/errors.js";
import { requireAtLeast, strictest } from "../plan/retention.js";
import { valueAt, type Draft } from "./draft.js";

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The schema of the field at a dotted path; list fields give their element's schema. */
export function fieldSchema(path: string): z.ZodType {
  let node: z.ZodType = configSchema;
  for (const part of path.split(".")) {
    const object = unwrap(node);
    if (!(object instanceof z.ZodObject)) throw new Error(`no object schema above ${path}`);
    const next = (object.shape as Record<string, z.ZodType>)[part];
    if (!next) throw new Error(`no schema field ${path}`);
    node = next;
  }
  const leaf = unwrap(node);
  return leaf instanceof z.ZodArray ? (leaf.element as z.ZodType) : leaf;
}

/** true, or the schema's own plain-words message for the value (e.g. "an AWS account id of exactly 12 digits"). */
export function checkField(path: string, value: unknown): true | string {
  const result = fieldSchema(path).safeParse(value);
  if (result.success) return true;
  return `${JSON.stringify(value)} is not valid: expected ${result.error.issues[0]?.message ?? "a valid value"}`;
}

/** Checks each item of a list answer; the message names the first bad item. */
export function checkEach(path: string, values: readonly string[], what: string): true | string {
  if (values.length === 0) return `give at least one ${what}`;
  for (const value of values) {
    const verdict = checkField(path, value);
    if (verdict !== true) return verdict;
  }
  return true;
}

/** The frameworks selected so far: the answer, or the defaults for jurisdiction and industry. */
export function selectedFrameworks(draft: Draft): Framework[] {
  const given = valueAt(draft, "frameworks");
  const jurisdiction = String(valueAt(draft, "jurisdiction") ?? "");
  const industry = String(valueAt(draft, "industry") ?? "");
  const ids = Array.isArray(given) ? (given as string[]) : defaultFrameworks(jurisdiction, industry);
  return ids.filter((id): id is FrameworkId => id in FRAMEWORKS).map((id) => FRAMEWORKS[id]);
}

type MinimumField = "minArchiveDays" | "minHotDays" | "minImmediateDays";

/**
 * Rejects a retention below the strictest selected framework's minimum with
 * resolvePlan's own sentence, e.g. "1000 days is below the 1827-day minimum of
 * FCA SYSC 9 record keeping (MiFID business) (FCA Handbook SYSC 9.1.2; ...)".
 */
export function checkMinimum(days: number, draft: Draft, field: MinimumField, path: string): true | string {
  const syntax = checkField(path, days);
  if (syntax !== true) return syntax;
  const frameworks = selectedFrameworks(draft);
  try {
    requireAtLeast(days, frameworks, field, path);
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const strict = strictest(frameworks, field)!;
    return `${error.message.replace(`${path}: `, "")}; enter at least ${strict[field]}`;
  }
}
