// `trailwright config keys`: every key trailwright.json accepts, with its
// type, default and meaning. Keys, types and whether they are required come
// from the JSON Schema zod generates from the config schema (json-schema.ts),
// so a new key appears here the moment it is added there; the words come from
// key-docs.ts.
import { configJsonSchema } from "./json-schema.js";
import { KEY_DOCS } from "./key-docs.js";

export interface ConfigKey {
  /** Dotted path, e.g. output.backend.bucket. */
  readonly path: string;
  /** In words: "string", "whole number 90-2560", "one of hcl, json", "list of ...", ... */
  readonly type: string;
  readonly required: boolean;
  /** The default in words, or undefined for a required key. */
  readonly default: string | undefined;
  readonly meaning: string;
}

type JsonSchema = {
  readonly type?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly required?: readonly string[];
};

/** Integers as zod bounds them by default, which say nothing to a person. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export function typeOf(node: JsonSchema): string {
  if (node.enum) return `one of ${node.enum.map(String).join(", ")}`;
  if (node.const !== undefined) return `exactly ${JSON.stringify(node.const)}`;
  switch (node.type) {
    case "string": {
      if (node.pattern) return `string matching ${node.pattern}`;
      if (node.maxLength !== undefined) return `string of ${node.minLength ?? 0}-${node.maxLength} characters`;
      return "string";
    }
    case "integer":
    case "number": {
      const what = node.type === "integer" ? "whole number" : "number";
      const min = node.minimum !== undefined && node.minimum > -UNBOUNDED ? node.minimum : undefined;
      const max = node.maximum !== undefined && node.maximum < UNBOUNDED ? node.maximum : undefined;
      if (min !== undefined && max !== undefined) return `${what} ${min}-${max}`;
      if (min !== undefined) return `${what} >= ${min}`;
      return what;
    }
    case "boolean":
      return "true or false";
    case "array": {
      const element = node.items ? typeOf(node.items) : "anything";
      return `list${node.minItems ? ` (at least ${node.minItems})` : ""} of ${element}`;
    }
    case "object":
      if (!node.properties && typeof node.additionalProperties === "object") return `object of name to ${typeOf(node.additionalProperties)}`;
      return "object";
    default:
      return node.type ?? "any";
  }
}

/** Every key, parents before their children, in the schema's own order. Objects are listed too, with their meaning. */
export function configKeys(schema: JsonSchema = configJsonSchema() as JsonSchema): ConfigKey[] {
  const keys: ConfigKey[] = [];
  const walk = (node: JsonSchema, prefix: string) => {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const required = (node.required ?? []).includes(name);
      const doc = KEY_DOCS[path];
      keys.push({ path, type: typeOf(property), required, default: required ? undefined : doc?.default, meaning: doc?.meaning ?? "" });
      if (property.properties) walk(property, path);
    }
  };
  walk(schema, "");
  return keys;
}

/** The human listing: one key per block, its type and default on the first line, its meaning below. */
export function renderConfigKeys(keys: readonly ConfigKey[]): string {
  const lines = ["Keys of trailwright.json (set them in the file, or with --set path=value):", ""];
  for (const key of keys) {
    const fallback = key.required ? "required" : key.default !== undefined ? `default: ${key.default}` : "optional";
    lines.push(`${key.path}  (${key.type}; ${fallback})`);
    if (key.meaning) lines.push(`    ${key.meaning}`);
  }
  return lines.join("\n");
}
