// Real estates for the document tests: each preset resolved with stand-in
// answers and synthesized by the real stack, so the address list is exactly
// what generation passes to renderEstateDocuments.
import { loadConfig } from "../../../src/config/load-config.js";
import type { ResolvedPlan } from "../../../src/model/plan.js";
import { resolvePlan } from "../../../src/plan/resolve-plan.js";
import { synthesizeEstate } from "../../../src/synth/generate-estate.js";
import { workspacesConfig, type WsVariant } from "../../helpers/workspaces-answers.js";

export const ORG_SETS: readonly string[] = [
  "accounts.management=111111111111",
  "accounts.logArchive=222222222222",
  "accounts.security=333333333333",
  "organizationId=o-abc123defg",
  "alerts.emails=secops@example.com",
];
export const SINGLE_SETS: readonly string[] = ["accounts.management=111111111111", "alerts.emails=secops@example.com"];

export const PRESET_SETS: Readonly<Record<string, readonly string[]>> = {
  "uk-smb": SINGLE_SETS,
  "uk-bank": ORG_SETS,
  "uk-healthcare": [...ORG_SETS, "dataEvents.s3Buckets=phi-records"],
};

export interface Estate {
  readonly plan: ResolvedPlan;
  readonly addresses: readonly string[];
}

const cache = new Map<string, Estate>();

/** A preset (plus extra `--set` answers), resolved and synthesized once per test file. */
export function presetEstate(preset: string, extra: readonly string[] = []): Estate {
  const key = [preset, ...extra].join(" ");
  let estate = cache.get(key);
  if (!estate) {
    const plan = resolvePlan(loadConfig({ preset, sets: [...(PRESET_SETS[preset] ?? []), ...extra] }));
    estate = { plan, addresses: synthesizeEstate(plan).addresses };
    cache.set(key, estate);
  }
  return estate;
}

/** Variants that exercise the branches the presets do not: Control Tower, and MFA delete without lifecycle. */
export const VARIANTS: Readonly<Record<string, { readonly preset: string; readonly extra: readonly string[] }>> = {
  "uk-bank under Control Tower": { preset: "uk-bank", extra: ["controlTower=true", "insights=false"] },
  "uk-smb with MFA delete": { preset: "uk-smb", extra: ["storage.mfaDelete=true", "storage.lifecycle=false"] },
};

/**
 * The optional parts on top of the presets: uk-bank already runs forensics, so
 * WorkSpaces is added to it, and uk-smb gets both (test/helpers/workspaces-answers.ts).
 */
export const OPTION_VARIANTS: Readonly<Record<string, { readonly variant: WsVariant; readonly sets: readonly string[] }>> = {
  "uk-smb with forensics and WorkSpaces": { variant: "single", sets: ["forensics.enabled=true"] },
  "uk-bank with WorkSpaces (forensics is on in the preset)": { variant: "organization", sets: [] },
};

/** An option variant, resolved and synthesized once per test file. */
export function optionEstate(name: string): Estate {
  const key = `option: ${name}`;
  let estate = cache.get(key);
  if (!estate) {
    const { variant, sets } = OPTION_VARIANTS[name]!;
    const plan = resolvePlan(workspacesConfig(variant, sets));
    estate = { plan, addresses: synthesizeEstate(plan).addresses };
    cache.set(key, estate);
  }
  return estate;
}
