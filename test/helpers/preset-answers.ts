// The answers only an organisation can give, used to resolve each preset in tests.
import { loadConfig } from "../../src/config/load-config.js";
import type { TrailwrightConfig } from "../../src/config/schema.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";

export const PRESET_IDS = ["uk-smb", "uk-bank", "uk-healthcare"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const SINGLE = ["accounts.management=111111111111", "alerts.emails=secops@example.com"];
const ORG = [...SINGLE, "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-abc123defg"];

export const PRESET_SETS: Readonly<Record<PresetId, readonly string[]>> = {
  "uk-smb": SINGLE,
  "uk-bank": ORG,
  "uk-healthcare": [...ORG, "dataEvents.s3Buckets=phi-records-prod,imaging-prod"],
};

export function presetConfig(id: PresetId, extraSets: readonly string[] = []): TrailwrightConfig {
  return loadConfig({ preset: id, sets: [...PRESET_SETS[id], ...extraSets] });
}

export function presetPlan(id: PresetId, extraSets: readonly string[] = []): ResolvedPlan {
  return resolvePlan(presetConfig(id, extraSets));
}
