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

/** The synthesized Terraform JSON of a preset, parsed: every .tf.json file merged into one config. */
export async function presetTfJson(id: PresetId): Promise<TfJson> {
  return mergedTfJson(await presetEstate(id, "json"));
}

/** The .tf.json files of a JSON-format estate as one config (sections and block types merged; a block in two files throws). */
export function mergedTfJson(estate: GeneratedEstate): TfJson {
  const merged: Record<string, unknown> = {};
  for (const file of estate.files.filter((f) => f.path.endsWith(".tf.json") && !f.path.includes("/"))) {
    mergeInto(merged, JSON.parse(file.content) as Record<string, unknown>, file.path);
  }
  return merged as unknown as TfJson;
}

function mergeInto(into: Record<string, unknown>, from: Record<string, unknown>, where: string, depth = 0): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    // Sections (resource, data, terraform...) and block types merge; a block name seen twice is a layout bug.
    if (depth < 2 && isRecord(existing) && isRecord(value)) mergeInto(existing, value, `${where}: ${key}`, depth + 1);
    else if (existing !== undefined) throw new Error(`${where}: ${key} is defined in two files`);
    else into[key] = value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every .tf file of an HCL estate's folder, in path order, as one text (for searching, not for Terraform). */
export function allHcl(estate: GeneratedEstate): string {
  return estate.files
    .filter((f) => f.path.endsWith(".tf") && !f.path.includes("/"))
    .map((f) => f.content)
    .join("\n");
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
