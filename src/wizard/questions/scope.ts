// What the estate must satisfy: jurisdiction, industry, the frameworks those
// imply (pre-selected, editable), and the account topology.
import { JURISDICTION_NAMES, JURISDICTIONS } from "../../catalog/regions.js";
import { defaultFrameworks, FRAMEWORK_IDS, FRAMEWORKS } from "../../catalog/regulations.js";
import { INDUSTRIES } from "../../config/schema.js";
import { valueAt, type Draft } from "../draft.js";
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
};
