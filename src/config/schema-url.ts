// Where the JSON Schema of trailwright.json is published: the file
// dist/trailwright.schema.json of this package version, served by unpkg from
// the npm registry. Every trailwright.json trailwright writes names it in
// `$schema`, so an editor completes and checks the file against the schema of
// the version that wrote it. A module of its own so `generate` does not load
// the schema generator.
import { packageVersion } from "./package-root.js";

export const SCHEMA_FILE = "dist/trailwright.schema.json";

export function schemaUrl(version: string = packageVersion()): string {
  return `https://unpkg.com/trailwright@${version}/${SCHEMA_FILE}`;
}
