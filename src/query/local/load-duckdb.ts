// DuckDB is 70 MB of native library: it is never bundled nor a dependency of
// the published package (the npx package stays small and `generate` never
// loads it). `trailwright query` imports it when it runs; where it is missing,
// the error names the one command that installs it next to this trailwright.
import { readFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { packageRoot, packageVersion } from "../../config/package-root.js";
import { UsageError } from "../../model/errors.js";

export type DuckDbModule = typeof import("@duckdb/node-api");

export const DUCKDB_PACKAGE = "@duckdb/node-api";

/** The version trailwright is tested with: the devDependency pin in its package.json. */
export function duckdbVersion(root = packageRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  return pkg.devDependencies?.[DUCKDB_PACKAGE] ?? "latest";
}

/**
 * The command that makes DuckDB importable from where trailwright is installed.
 * An npx run installs into a cache folder, so the answer there is to ask npx
 * for both packages; an installed trailwright resolves packages from the
 * node_modules folder it sits in; a source checkout has it as a devDependency.
 */
export function installCommand(root: string, version: string, trailwrightVersion: string): string {
  const spec = `${DUCKDB_PACKAGE}@${version}`;
  const modules = dirname(root);
  if (basename(modules) !== "node_modules") return "npm install";
  if (root.split(sep).includes("_npx")) return `npx -p trailwright@${trailwrightVersion} -p ${spec} trailwright query ...`;
  return `npm install --prefix "${dirname(modules)}" ${spec}`;
}

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}

export async function loadDuckDb(importer: () => Promise<DuckDbModule> = () => import("@duckdb/node-api")): Promise<DuckDbModule> {
  try {
    return await importer();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    const root = packageRoot();
    throw new UsageError(
      `trailwright query runs on DuckDB (${DUCKDB_PACKAGE}), which is not installed: it is a 70 MB native library, so trailwright does not ship it`,
      `install it with: ${installCommand(root, duckdbVersion(root), packageVersion())}`,
    );
  }
}
