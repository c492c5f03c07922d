// Sample plans with the output section under test.
import type { OutputPlan, ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";

export function withOutput(output: Partial<OutputPlan>, base: ResolvedPlan = organizationPlan): ResolvedPlan {
  return { ...base, output: { ...base.output, ...output } };
}

export const BACKEND = { bucket: "acme-tf-state", key: "audit/terraform.tfstate", region: "eu-west-2" } as const;

export { organizationPlan, singleAccountPlan };
