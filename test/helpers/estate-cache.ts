// Generating an estate costs about a second; tests in one file share results.
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { presetConfig, type PresetId } from "./preset-answers.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";

const cache = new Map<string, Promise<GeneratedEstate>>();

export function presetEstate(id: PresetId, format: "hcl" | "json" = "hcl"): Promise<GeneratedEstate> {
  const key = `${id}:${format}`;
  let pending = cache.get(key);
  if (!pending) {
    const config = presetConfig(id, [`output.format=${format}`]);
    pending = generateEstate(resolvePlan(config), config);
    cache.set(key, pending);
  }
  return pending;
}

export function fileText(estate: GeneratedEstate, path: string): string {
  const file = estate.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the estate (have ${estate.files.map((f) => f.path).join(", ")})`);
  return file.content;
}

/** The synthesized Terraform JSON of a preset, parsed. */
export async function presetTfJson(id: PresetId): Promise<TfJson> {
  return JSON.parse(fileText(await presetEstate(id, "json"), "main.tf.json")) as TfJson;
}

export interface TfJson {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
}

/** All resources of one type, by name. */
export function resourcesOf(tf: TfJson, type: string): [string, Record<string, unknown>][] {
  return Object.entries(tf.resource[type] ?? {});
}
