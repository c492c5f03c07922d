// Where the logs live: residency, the home region (eu-west-2 for the UK) and
// the regions the organization may use. With one possible answer (UK
// residency: London only) the answer is implied and not asked.
import { AWS_REGIONS, JURISDICTION_NAMES, RESIDENCY_REGIONS, type Jurisdiction } from "../../catalog/regions.js";
import { valueAt, type Draft } from "../draft.js";
import type { CheckboxQuestion, ConfirmQuestion, SelectQuestion } from "../question.js";

function jurisdictionOf(draft: Draft): Jurisdiction {
  const j = valueAt(draft, "jurisdiction");
  return j === "eu" || j === "us" ? j : "uk";
}

/** Regions the answers allow: the jurisdiction's with residency on, else all (the jurisdiction's first). */
function candidateRegions(draft: Draft): readonly string[] {
  const inside = RESIDENCY_REGIONS[jurisdictionOf(draft)];
  return valueAt(draft, "residency") === false ? [...inside, ...AWS_REGIONS.filter((r) => !inside.includes(r))] : inside;
}

export const residency: ConfirmQuestion = {
  id: "residency",
  kind: "confirm",
  example: "true",
  message: (draft) => `Keep every log inside the ${JURISDICTION_NAMES[jurisdictionOf(draft)]} (data residency)?`,
  explain: (draft) =>
    `Residency keeps buckets, key and log group in ${RESIDENCY_REGIONS[jurisdictionOf(draft)].join(", ")}, adds no cross-region replication, and in an organization denies other regions with an SCP (global services exempt).`,
  defaultValue: () => true,
};

export const homeRegion: SelectQuestion = {
  id: "homeRegion",
  kind: "select",
  example: "eu-west-2",
  message: () => "Home region for the buckets, key and log group",
  choices: (draft) => candidateRegions(draft).map((r) => ({ value: r, name: r })),
  defaultValue: (draft) => RESIDENCY_REGIONS[jurisdictionOf(draft)][0],
  implied: (draft) => {
    const candidates = candidateRegions(draft);
    return candidates.length === 1
      ? { value: candidates[0]!, note: `Home region: ${candidates[0]} (the only ${JURISDICTION_NAMES[jurisdictionOf(draft)]} region).` }
      : undefined;
  },
};

/**
 * The allowed regions feed one thing: the organization's region-deny SCP,
 * which exists with residency on (src/plan/resolve-plan.ts). A single account
 * (no SCPs), residency off, or region deny turned off would ask a question
 * whose answer changes nothing, so it is asked only where it matters.
 */
export const allowedRegions: CheckboxQuestion = {
  id: "allowedRegions",
  kind: "checkbox",
  example: "eu-west-2",
  applies: (draft) =>
    valueAt(draft, "topology") === "organization" && valueAt(draft, "residency") !== false && valueAt(draft, "guardrails.regionDeny") !== false,
  message: () => "Regions the organization may use (an SCP denies the others; the home region is required)",
  choices: (draft) => candidateRegions(draft).map((r) => ({ value: r, name: r })),
  defaultValue: (draft) => {
    const home = valueAt(draft, "homeRegion");
    return typeof home === "string" ? [home] : undefined;
  },
  implied: (draft) => {
    const candidates = candidateRegions(draft);
    return candidates.length === 1 ? { value: [candidates[0]!], note: `Allowed regions: ${candidates[0]} only.` } : undefined;
  },
  validate: (regions, draft) => {
    const home = String(valueAt(draft, "homeRegion"));
    return regions.includes(home) ? true : `include the home region ${home}`;
  },
};
