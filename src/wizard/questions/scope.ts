// What the estate must satisfy: jurisdiction, industry, the frameworks those
// imply (pre-selected, editable), and the account topology.
import { JURISDICTION_NAMES, JURISDICTIONS } from "../../catalog/regions.js";
import { defaultFrameworks, FRAMEWORK_IDS, FRAMEWORKS } from "../../catalog/regulations.js";
import { listPresetIds, loadPreset, type PresetFile } from "../../config/presets.js";
import { INDUSTRIES } from "../../config/schema.js";
import { valueAt, type Draft, type Patch } from "../draft.js";
import type { CheckboxQuestion, SelectQuestion } from "../question.js";

const INDUSTRY_NAMES: Readonly<Record<(typeof INDUSTRIES)[number], string>> = {
  general: "General business",
  banking: "Banking, investment or insurance",
  healthcare: "Healthcare",
  payments: "Card payments (PCI DSS)",
};

export const jurisdiction: SelectQuestion = {
  id: "jurisdiction",
  kind: "select",
  example: "uk",
  message: () => "Which jurisdiction's rules apply to these logs?",
  choices: () => JURISDICTIONS.map((j) => ({ value: j, name: JURISDICTION_NAMES[j] })),
  defaultValue: () => "uk",
};

export const industry: SelectQuestion = {
  id: "industry",
  kind: "select",
  example: "general",
  message: () => "Which industry are you in?",
  choices: () => INDUSTRIES.map((i) => ({ value: i, name: INDUSTRY_NAMES[i] })),
  defaultValue: () => "general",
};

function suggested(draft: Draft): string[] {
  return defaultFrameworks(String(valueAt(draft, "jurisdiction") ?? "uk"), String(valueAt(draft, "industry") ?? "general"));
}

export const frameworks: CheckboxQuestion = {
  id: "frameworks",
  kind: "checkbox",
  example: "uk-gdpr,ncsc-caf,cis-aws",
  message: () => "Which frameworks must the logs satisfy? (pre-selected for your answers; space toggles)",
  choices: (draft) => {
    const where = String(valueAt(draft, "jurisdiction") ?? "uk");
    const picked = suggested(draft);
    return FRAMEWORK_IDS.filter((id) => FRAMEWORKS[id].jurisdictions.includes(where) || picked.includes(id)).map((id) => ({
      value: id,
      name: FRAMEWORKS[id].name,
      description: `${FRAMEWORKS[id].retention.summary} [${FRAMEWORKS[id].retention.citation.text}]`,
    }));
  },
  defaultValue: suggested,
  validate: (ids) => (ids.length > 0 ? true : "choose at least one framework (cis-aws is the baseline every estate meets)"),
};

export const topology: SelectQuestion = {
  id: "topology",
  kind: "select",
  example: "single-account",
  message: () => "How are your AWS accounts organised?",
  choices: () => [
    { value: "single-account", name: "One AWS account", description: "trail, key, evidence and alarms in the same account" },
    {
      value: "organization",
      name: "An AWS organization",
      description: "an organization trail in the management account, evidence in a separate log-archive account, read from the security account; SCPs guard it",
    },
  ],
  defaultValue: () => "single-account",
  // SCPs exist only in an organization: a single account drops the guardrail settings with it.
  apply: (value) => ({
    patches: [{ id: "topology", value }, ...(value === "single-account" ? [{ id: "guardrails", value: undefined }] : [])],
  }),
};

/** The preset made for this jurisdiction and industry (uk + banking -> uk-bank), if there is one. */
export function presetForIndustry(draft: Draft): PresetFile | undefined {
  const jurisdictionAnswer = valueAt(draft, "jurisdiction");
  const industryAnswer = valueAt(draft, "industry");
  if (industryAnswer === undefined || industryAnswer === "general") return undefined;
  return listPresetIds()
    .map(loadPreset)
    .find((p) => p.config.jurisdiction === jurisdictionAnswer && p.config.industry === industryAnswer);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The preset's answers the draft does not hold yet, as patches (what the user already said stands). */
function unansweredFromPreset(preset: PresetFile, draft: Draft): Patch[] {
  const patches: Patch[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isPlainObject(value)) walk(value, path);
      else if (valueAt(draft, path) === undefined) patches.push({ id: path, value });
    }
  };
  walk(preset.config, "");
  return patches;
}

/**
 * A bank or a healthcare body in the UK starts from the preset built for it
 * (an organization, years of locked evidence, data events), not from a
 * one-account default, and is told so; every answer stays changeable at the
 * summary. Never asked: implied by the industry.
 */
export const industryPreset: SelectQuestion = {
  id: "preset",
  kind: "select",
  example: "uk-bank",
  label: "Preset the answers start from",
  // Only while the shape of the estate is still open: an edit of an existing estate, or a topology
  // already given, is never filled in behind the user's back.
  applies: (draft) => valueAt(draft, "preset") === undefined && valueAt(draft, "topology") === undefined && presetForIndustry(draft) !== undefined,
  message: () => "Start from a preset?",
  choices: (draft) => {
    const preset = presetForIndustry(draft);
    return preset ? [{ value: preset.id, name: `${preset.id}: ${preset.title}` }] : [];
  },
  defaultValue: (draft) => presetForIndustry(draft)?.id,
  implied: (draft) => {
    const preset = presetForIndustry(draft)!;
    return {
      value: preset.id,
      note: `Starting from the ${preset.id} preset (${preset.title}): ${preset.description} Its answers are not asked again; change any of them at the summary.`,
    };
  },
  apply: (id, draft) => {
    const preset = presetForIndustry(draft);
    return { patches: preset && preset.id === id ? unansweredFromPreset(preset, draft) : [{ id: "preset", value: id }] };
  },
};
