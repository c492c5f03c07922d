// WorkSpaces answers the tests share: one single-account and one organization
// configuration with the part switched on.
import { loadConfig } from "../../src/config/load-config.js";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { PRESET_SETS, type PresetId } from "./preset-answers.js";

/** Single account, Identity Center users, two allowed networks. */
export const WS_SINGLE_ANSWERS = Object.freeze({
  enabled: true,
  identitySource: "identity-center",
  allowedNetworks: ["203.0.113.0/24", "198.51.100.7/32"],
});

/** Organization: two member accounts run WorkSpaces; one has a Managed AD directory whose logs are forwarded. */
export const WS_ORG_ANSWERS = Object.freeze({
  enabled: true,
  identitySource: "managed-ad",
  accounts: ["444444444444", "555555555555"],
  allowedNetworks: ["203.0.113.0/24"],
  directories: [{ id: "d-1234567890", account: "444444444444" }],
});


export const WS_VARIANTS = {
  single: { preset: "uk-smb", answers: WS_SINGLE_ANSWERS },
  organization: { preset: "uk-bank", answers: WS_ORG_ANSWERS },
} as const satisfies Record<string, { preset: PresetId; answers: Record<string, unknown> }>;
export type WsVariant = keyof typeof WS_VARIANTS;

export function workspacesConfig(variant: WsVariant, sets: readonly string[] = []) {
  const { preset, answers } = WS_VARIANTS[variant];
  return loadConfig({ preset, answers: { workspaces: answers }, sets: [...PRESET_SETS[preset], ...sets] });
}

const cache = new Map<string, Promise<GeneratedEstate>>();

/** A generated estate with WorkSpaces on, shared by the tests of one file. */
export function workspacesEstate(variant: WsVariant, format: "hcl" | "json" = "hcl"): Promise<GeneratedEstate> {
  const key = `${variant}:${format}`;
  let pending = cache.get(key);
  if (!pending) {
    const config = workspacesConfig(variant, [`output.format=${format}`]);
    pending = generateEstate(resolvePlan(config), config);
    cache.set(key, pending);
  }
  return pending;
}
