// Every protection the documents claim must be delivered by a statement (by Sid) or a resource
// the synthesized Terraform really contains; the limits must be stated wherever claims are.
import { describe, expect, it } from "vitest";
import { protectionClaims, protectionLimits, type PolicyName } from "../../src/docs/protection-claims.js";
import { explainPlan } from "../../src/explain/explain-plan.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { loadConfig } from "../../src/config/load-config.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { PRESET_SETS, VARIANTS } from "./support/preset-estates.js";

/** Each preset and variant: its plan, synthesized Terraform JSON and rendered documents. */
function estates() {
  const cases = [
    ...Object.keys(PRESET_SETS).map((preset) => ({ id: preset, preset, extra: [] as readonly string[] })),
    ...Object.entries(VARIANTS).map(([id, v]) => ({ id, preset: v.preset, extra: v.extra })),
  ];
  return cases.map(({ id, preset, extra }) => {
    const plan = resolvePlan(loadConfig({ preset, sets: [...(PRESET_SETS[preset] ?? []), ...extra] }));
    const synth = synthesizeEstate(plan);
    const files = Object.fromEntries(renderEstateDocuments(plan, { addresses: synth.addresses }).map((f) => [f.path, f.content]));
    return { id, plan, config: synth.config, files };
  });
}

const POLICY_DOCUMENTS: Readonly<Record<PolicyName, string>> = {
  "archive-bucket": "log_archive_policy_document",
  "estate-key": "estate_policy_document",
  "monitoring-key": "monitoring_policy_document",
  "log-protection-scp": "guardrails_log_protection_document",
};

function sids(config: any, policy: PolicyName): string[] {
  const doc = config.data?.aws_iam_policy_document?.[POLICY_DOCUMENTS[policy]];
  return (doc?.statement ?? []).map((s: any) => s.sid);
}

function has(config: any, address: string): boolean {
  const [type, name] = address.split(".") as [string, string];
  return config.resource?.[type]?.[name] !== undefined;
}

describe.each(estates())("protection claims ($id)", ({ plan, config, files }) => {
  const claims = protectionClaims(plan as ResolvedPlan);

  it.each(claims.map((c) => [c.id, c] as const))("%s is delivered by what the Terraform contains", (_id, claim) => {
    expect(claim.deliveredBy.length).toBeGreaterThan(0);
    for (const d of claim.deliveredBy) {
      if ("sid" in d) expect(sids(config, d.policy), `${d.policy} ${d.sid}`).toContain(d.sid);
      else expect(has(config, d.resource), d.resource).toBe(true);
    }
  });

  it("prints every claim and every limit in presets show and the estate README", () => {
    const shown = explainPlan(plan as ResolvedPlan);
    const readme = files["README.md"]!;
    for (const text of [...claims.map((c) => c.text), ...protectionLimits(plan as ResolvedPlan)]) {
      expect(shown).toContain(text);
      expect(readme).toContain(text);
    }
  });

  it("never claims SCP protection for what lives in the management account", () => {
    const all = [explainPlan(plan as ResolvedPlan), files["README.md"]!, files["COMPLIANCE.md"]!].join("\n");
    expect(all).not.toMatch(/stops anyone but the \w+ role from stopping or changing the trail/);
    expect(all).not.toMatch(/may stop or change the trail/);
    if (plan.topology === "organization") expect(all).toContain("SCPs never apply to the management account");
  });
});
