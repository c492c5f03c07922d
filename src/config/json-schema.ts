// The JSON Schema of trailwright.json, generated from the zod schema (one
// source): shipped as dist/trailwright.schema.json (scripts/bundle.mjs writes
// it with `trailwright config schema`) and named by the `$schema` key of every
// trailwright.json trailwright writes, so editors complete and check the file.
import * as z from "zod";
import { packageVersion } from "./package-root.js";
import { configSchema } from "./schema.js";

/** Where the published package serves the schema; versioned, so an editor checks against the schema of the version that wrote the file. */
export function schemaUrl(version: string = packageVersion()): string {
  return `https://unpkg.com/trailwright@${version}/dist/trailwright.schema.json`;
}

/** The schema of the answers as a user writes them (zod's input side: optional keys stay optional). */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: schemaUrl(),
    title: "trailwright.json",
    description: "The answers trailwright generates an AWS audit-logging estate from (`trailwright config keys` lists every key).",
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== "$schema")),
  };
}
