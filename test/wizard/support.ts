// Drafts as `trailwright init` starts them: the merged sources, no folder yet.
import { mergeSources, type ConfigSources } from "../../src/config/load-config.js";
import type { Draft } from "../../src/wizard/draft.js";

export function draftFrom(sources: ConfigSources, out?: string): Draft {
  return { config: mergeSources(sources), out };
}

/** Collects what the flow prints (explanations, notes). */
export function transcript(): { say: (text: string) => void; lines: string[]; text: () => string } {
  const lines: string[] = [];
  return { say: (text) => lines.push(text), lines, text: () => lines.join("\n") };
}

export const ORG_ACCOUNTS = {
  "accounts.management": "111111111111",
  "accounts.logArchive": "222222222222",
  "accounts.security": "333333333333",
  organizationId: "o-a1b2c3d4e5",
} as const;

/** The organisation's own answers for the organization presets, as --set flags. */
export const ORG_SETS: readonly string[] = [
  ...Object.entries(ORG_ACCOUNTS).map(([path, value]) => `${path}=${value}`),
  "alerts.emails=secops@example.com",
  "workspaces.enabled=false",
  "configRecorders=create",
  "output.format=hcl",
];
