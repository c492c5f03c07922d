// Generates an estate into a folder (every file, `bootstrap/` and all) and
// plans it offline: the bridge between the generator and the apply rules.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TrailwrightConfig } from "../../src/config/schema.js";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { planOffline, type OfflinePlan } from "./terraform-plan.js";

/** Writes every generated file under a new temp folder (or `dir`) and returns the folder. */
export function writeEstate(estate: GeneratedEstate, dir = mkdtempSync(join(tmpdir(), "tw-estate-"))): string {
  for (const file of estate.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return dir;
}

/**
 * Generates `config` as Terraform JSON into a folder. `outDir` is where the estate sits relative
 * to the caller's root module (module mode: the README's module call is written from it).
 */
export async function generateJsonEstate(config: TrailwrightConfig, dir?: string, outDir?: string): Promise<{ dir: string; estate: GeneratedEstate }> {
  const json: TrailwrightConfig = { ...config, output: { ...config.output, format: "json" } };
  const estate = await generateEstate(resolvePlan(json), json, outDir === undefined ? {} : { outDir });
  return { dir: writeEstate(estate, dir), estate };
}

/** Generates and plans `config` (as JSON) offline. */
export async function planConfig(config: TrailwrightConfig): Promise<OfflinePlan & { dir: string; estate: GeneratedEstate }> {
  const generated = await generateJsonEstate(config);
  return { ...(await planOffline(generated.dir)), ...generated };
}
