// README.md and COMPLIANCE.md for an estate, from the resolved plan and the
// address list of the synthesized Terraform. Pure apart from reading the
// templates: same plan and addresses, byte-identical documents.
import { estimateMonthlyCost } from "../cost/estimate-monthly-cost.js";
import type { ResolvedPlan } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";
import { AddressIndex } from "./address-index.js";
import { complianceContext } from "./compliance-context.js";
import { readmeContext } from "./readme-context.js";
import { renderTemplate } from "../render/templates.js";

export interface SynthesizedTerraform {
  /** Every resource and data address in the stack, e.g. `aws_s3_bucket.log_archive_bucket`, `data.aws_iam_policy_document.key_policy_document`. */
  readonly addresses: readonly string[];
  /** The output folder relative to the repository root, POSIX; module mode's README names it. Default ".". */
  readonly outDir?: string;
}

export function renderEstateDocuments(plan: ResolvedPlan, terraform: SynthesizedTerraform): GeneratedFile[] {
  const index = new AddressIndex(terraform.addresses);
  const readme = renderTemplate("docs/README.md", readmeContext(plan, index, estimateMonthlyCost(plan), terraform.outDir ?? "."));
  const compliance = renderTemplate("docs/COMPLIANCE.md", complianceContext(plan, terraform.addresses));
  return [
    { path: "README.md", content: readme },
    { path: "COMPLIANCE.md", content: compliance },
  ];
}
