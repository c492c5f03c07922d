// `trailwright config keys`: every key trailwright.json accepts, with its
// type, default and meaning, read from the zod schema itself (the meaning and
// default come from each field's .meta()), so a new key appears here, and in
// the JSON Schema, the moment it is added to the schema.
import * as z from "zod";
import { configSchema } from "./schema.js";

export interface ConfigKey {
  /** Dotted path, e.g. output.backend.bucket. */
  readonly path: string;
  /** In words: "string", "whole number 1-2560", "one of hcl, json", "list of email address", ... */
  readonly type: string;
  readonly required: boolean;
  /** The default in words, or undefined when the key has none (required, or nothing is done without it). */
  readonly default: string | undefined;
  readonly meaning: string;
}

interface FieldMeta {
  readonly description?: string;
  readonly default?: unknown;
  /** A default that is computed (from other answers), in words. */
  readonly "x-default"?: string;
}

function metaOf(node: z.ZodType): FieldMeta {
  return (node.meta() as FieldMeta | undefined) ?? {};
}

/** Strips optional/default/nullable wrappers, collecting the meta on each layer (outer layers win) and whether any was optional. */
function unwrap(node: z.ZodType): { inner: z.ZodType; optional: boolean; meta: FieldMeta } {
  let current = node;
  let optional = false;
  let meta: FieldMeta = {};
  for (;;) {
    meta = { ...metaOf(current), ...meta };
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else return { inner: current, optional, meta: { ...metaOf(current), ...meta } };
  }
}

function typeOf(node: z.ZodType): string {
  const { inner } = unwrap(node);
  if (inner instanceof z.ZodString) {
    const { format, patterns } = inner._zod.bag as { format?: string; patterns?: Set<RegExp> };
    return patterns && patterns.size > 0 ? `string matching ${[...patterns].map((p) => p.source).join(" and ")}` : format ? `string (${format})` : "string";
  }
  if (inner instanceof z.ZodNumber) {
    const bag = inner._zod.bag as { minimum?: number; maximum?: number; format?: string };
    const whole = bag.format?.includes("int") ? "whole number" : "number";
    const max = bag.maximum !== undefined && bag.maximum < Number.MAX_SAFE_INTEGER ? bag.maximum : undefined;
    if (bag.minimum !== undefined && max !== undefined) return `${whole} ${bag.minimum}-${max}`;
    if (bag.minimum !== undefined) return `${whole} >= ${bag.minimum}`;
    return whole;
  }
  if (inner instanceof z.ZodBoolean) return "true or false";
  if (inner instanceof z.ZodEnum) return `one of ${(inner.options as readonly unknown[]).map(String).join(", ")}`;
  if (inner instanceof z.ZodLiteral) return `exactly ${[...inner.values].map((v) => JSON.stringify(v)).join(" or ")}`;
  if (inner instanceof z.ZodArray) return `list of ${typeOf(inner.element as z.ZodType)}`;
  if (inner instanceof z.ZodRecord) return `object of ${typeOf(inner._zod.def.valueType as z.ZodType)} by name`;
  if (inner instanceof z.ZodObject) return "object";
  return inner._zod.def.type;
}

function describeDefault(meta: FieldMeta): string | undefined {
  if (meta["x-default"] !== undefined) return meta["x-default"];
  if (meta.default !== undefined) return JSON.stringify(meta.default);
  return undefined;
}

/** Every key, parents before their children, in the schema's own order. Objects are listed too (with their meaning). */
export function configKeys(schema: z.ZodType = configSchema): ConfigKey[] {
  const keys: ConfigKey[] = [];
  const walk = (object: z.ZodObject, prefix: string) => {
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const { inner, optional, meta } = unwrap(field);
      keys.push({ path, type: typeOf(field), required: !optional, default: describeDefault(meta), meaning: meta.description ?? "" });
      if (inner instanceof z.ZodObject) walk(inner, path);
    }
  };
  walk(unwrap(schema).inner as z.ZodObject, "");
  return keys;
}

/** The human listing: one key per block, its type and default on the first line, its meaning below. */
export function renderConfigKeys(keys: readonly ConfigKey[]): string {
  const lines = ["Keys of trailwright.json (set them in the file or with --set path=value):", ""];
  for (const key of keys) {
    const fallback = key.required ? "required" : key.default !== undefined ? `default ${key.default}` : "optional";
    lines.push(`${key.path}  (${key.type}; ${fallback})`);
    if (key.meaning) lines.push(`    ${key.meaning}`);
  }
  return lines.join("\n");
}
