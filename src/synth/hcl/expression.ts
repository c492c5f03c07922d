/**
 * JSON values from the synthesized config as HCL expressions.
 *
 * Values come from the JSON, never from cdktf's guesses, so a string stays a
 * string (B4: no unquoted `{…}`, no "123" turned into a number) and falsy
 * values survive (B5, B6). What a string means depends on where Terraform
 * reads it: most JSON strings are templates, but a few places (variable
 * defaults, descriptions, the terraform block) take them literally.
 */
import { attribute, INDENT, serializeBody, type Attribute } from "./body.js";
import { quoteLiteral, quoteTemplate, soleInterpolation } from "./template.js";

export type StringMode = "template" | "literal";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `for` first in an object parses as a for-expression (B12); the others would read as values. */
const RESERVED_KEYS = new Set(["for", "true", "false", "null"]);
/** Tuples of scalars longer than this are written one element per line. */
const MAX_INLINE_TUPLE = 80;

export function renderValue(value: unknown, mode: StringMode, indent: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return renderString(value, mode);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value} in HCL`);
      return String(value);
    case "boolean":
      return String(value);
    case "object":
      return Array.isArray(value)
        ? renderTuple(value, mode, indent)
        : renderObject(value as Record<string, unknown>, mode, indent);
    default:
      throw new Error(`Cannot write a ${typeof value} value in HCL`);
  }
}

function renderString(value: string, mode: StringMode): string {
  if (mode === "literal") return quoteLiteral(value);
  // A multi-line sole interpolation stays quoted: newlines are free inside
  // `${…}` but would end a bare attribute expression.
  const bare = soleInterpolation(value);
  return bare !== undefined && !bare.includes("\n") ? bare : quoteTemplate(value);
}

function renderTuple(items: unknown[], mode: StringMode, indent: string): string {
  if (items.length === 0) return "[]";
  const inner = indent + INDENT;
  // An undefined element is written as null, as JSON.stringify and cdk.tf.json write it.
  const rendered = items.map((item) => renderValue(item ?? null, mode, inner));
  const scalarsOnly = items.every((item) => item === null || typeof item !== "object");
  const inline = `[${rendered.join(", ")}]`;
  if (scalarsOnly && inline.length <= MAX_INLINE_TUPLE && !inline.includes("\n")) return inline;
  return ["[", ...rendered.map((r) => `${inner}${r},`), `${indent}]`].join("\n");
}

function renderObject(object: Record<string, unknown>, mode: StringMode, indent: string): string {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const items: Attribute[] = entries.map(([key, v]) => attribute(objectKey(key, mode), (i) => renderValue(v, mode, i)));
  return ["{", ...serializeBody(items, indent + INDENT), `${indent}}`].join("\n");
}

/** An attribute whose value is rendered from JSON when the body is serialized. */
export function valueAttribute(name: string, value: unknown, mode: StringMode): Attribute {
  return attribute(name, (indent) => renderValue(value, mode, indent));
}

/** Object keys are quoted unless they are plain identifiers; quoted keys follow the string mode. */
export function objectKey(key: string, mode: StringMode): string {
  if (IDENTIFIER.test(key) && !RESERVED_KEYS.has(key)) return key;
  return mode === "literal" ? quoteLiteral(key) : quoteTemplate(key);
}

/** An attribute or block name, which HCL only allows as an identifier. */
export function identifier(name: string, where: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${where}: "${name}" is not a valid HCL identifier`);
  return name;
}

/** A block label (resource type, name, provider name): a quoted literal. */
export function label(name: string): string {
  return quoteLiteral(name);
}

const TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]+\]|\["[^"\\]*"\])*$/;

/**
 * A reference where Terraform wants one bare (provider, depends_on,
 * ignore_changes, import.to …). cdktf writes them as plain strings and
 * sometimes as `${…}` (C5); both become the bare traversal (B7).
 */
export function reference(value: unknown, where: string): string {
  const text = typeof value === "string" ? (soleInterpolation(value) ?? value) : undefined;
  if (text === undefined || !TRAVERSAL.test(text)) {
    throw new Error(`${where}: expected a reference such as aws_s3_bucket.logs, got ${JSON.stringify(value)}`);
  }
  return text;
}

export function referenceList(value: unknown, where: string): string {
  const items = Array.isArray(value) ? value : [value];
  return `[${items.map((item) => reference(item, where)).join(", ")}]`;
}
