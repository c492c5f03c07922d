// Walks the zod schema by dotted path, so `--set` can parse a value as the
// field's type and reject an unknown key before anything else runs.
import type { z } from "zod";
import { configSchema } from "./schema.js";

export type FieldKind = "string" | "number" | "boolean" | "array" | "object" | "record" | "enum" | "literal";

interface SchemaNode {
  def: { type: string; innerType?: SchemaNode };
  shape?: Record<string, SchemaNode>;
  unwrap?: () => SchemaNode;
}

function unwrapOptional(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.def.type === "optional" || current.def.type === "nullable" || current.def.type === "default") {
    current = current.def.innerType as SchemaNode;
  }
  return current;
}

/** Keys allowed on the object at `path` ("" = top level), or undefined when path is not an object. */
export function keysAt(path: string, schema: z.ZodType = configSchema): string[] | undefined {
  const node = nodeAt(path, schema);
  return node?.shape ? Object.keys(node.shape) : undefined;
}

function nodeAt(path: string, schema: z.ZodType): SchemaNode | undefined {
  let node = unwrapOptional(schema as unknown as SchemaNode);
  if (path === "") return node;
  for (const part of path.split(".")) {
    if (node.def.type === "record") return undefined;
    const next = node.shape?.[part];
    if (!next) return undefined;
    node = unwrapOptional(next);
  }
  return node;
}

/** The kind of value at a dotted path, or undefined when the schema has no such field. */
export function fieldKind(path: string, schema: z.ZodType = configSchema): FieldKind | undefined {
  const parts = path.split(".");
  // A record (tags) accepts any key below it.
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = nodeAt(parts.slice(0, i).join("."), schema);
    if (parent?.def.type === "record") return i === parts.length - 1 ? "string" : undefined;
  }
  const node = nodeAt(path, schema);
  return node ? (node.def.type as FieldKind) : undefined;
}

/**
 * The first required leaf under `path`: when a whole object such as `accounts`
 * is missing, the user needs to hear "accounts.management", not "accounts".
 */
export function firstRequiredLeaf(path: string, schema: z.ZodType = configSchema): string {
  const node = nodeAt(path, schema);
  if (!node?.shape) return path;
  const required = Object.entries(node.shape).find(([, child]) => child.def.type !== "optional");
  return required ? firstRequiredLeaf(path ? `${path}.${required[0]}` : required[0], schema) : path;
}
