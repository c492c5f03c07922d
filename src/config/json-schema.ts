// The JSON Schema of trailwright.json, generated from the zod schema (one
// source): shipped as dist/trailwright.schema.json (scripts/bundle.mjs writes
// it with `trailwright config schema`) and named by the `$schema` key of every
// trailwright.json trailwright writes, so editors complete and check the file.
import * as z from "zod";
import { KEY_DOCS } from "./key-docs.js";
import { configSchema } from "./schema.js";
import { schemaUrl } from "./schema-url.js";

type JsonObject = Record<string, unknown>;

/** Adds each key's meaning (and default, in words) as the description editors show on hover. */
function describe(node: JsonObject, prefix: string): void {
  const properties = node.properties as Record<string, JsonObject> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const doc = KEY_DOCS[path];
    if (doc) property.description = doc.default ? `${doc.meaning} Default: ${doc.default}.` : doc.meaning;
    describe(property, path);
  }
}

/** The schema of the answers as a user writes them (zod's input side: optional keys stay optional). */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "throw" }) as JsonObject;
  describe(generated, "");
  return {
    $schema: generated.$schema,
    $id: schemaUrl(),
    title: "trailwright.json",
    description: "The answers trailwright generates an AWS audit-logging estate from (`trailwright config keys` lists every key).",
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== "$schema")),
  };
}
