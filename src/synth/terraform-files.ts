// The estate's Terraform as files by concern (file-layout.ts), in HCL or JSON.
// The same split serves both formats, so `keys.tf` and `keys.tf.json` hold the
// same blocks and the HCL of each file can be checked against its JSON.
import type { TerraformStack } from "cdktf";
import type { ResolvedPlan } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";
import { addCheckovSkips } from "./checkov-skips.js";
import { collectBlockSchemas } from "./hcl/block-schema.js";
import type { Json } from "./hcl/json-shape.js";
import { needsTerraformFmt } from "./hcl/needs-fmt.js";
import { printConfig } from "./hcl/print-config.js";
import { renderTfJson } from "./hcl/render-hcl.js";
import { splitConfig } from "./split-config.js";
import { formatHcl } from "./terraform-fmt.js";
import { withoutTokenStackTraces } from "./without-token-stack-traces.js";

/** Terraform core version the output needs (S3 native lock files arrived in 1.10; validate runs on 1.11 here). */
export const REQUIRED_TERRAFORM = ">= 1.10.0";

export interface TerraformFiles {
  readonly files: GeneratedFile[];
  /** Why formatting was skipped, once, when it was. */
  readonly notes: string[];
}

/** HCL as printed, through `terraform fmt` only where the printer copied an expression verbatim (needs-fmt.ts). */
async function canonicalHcl(text: string, config: unknown): Promise<{ text: string; note?: string }> {
  if (!needsTerraformFmt(config)) return { text };
  const formatted = await formatHcl(text);
  return formatted.note ? { text: formatted.text, note: formatted.note } : { text: formatted.text };
}

/**
 * `config` is the stack resolved once (`stack.toTerraform()`, metadata kept:
 * the construct paths decide each block's file). required_version goes into
 * versions.tf with required_providers: cdktf cannot render it (hcl-output.md B10).
 */
export async function terraformFiles(stack: TerraformStack, config: Json, plan: ResolvedPlan): Promise<TerraformFiles> {
  const parts = splitConfig(config, { required_version: REQUIRED_TERRAFORM });
  if (plan.output.format === "json") {
    return { files: parts.map((p) => ({ path: `${p.file}.tf.json`, content: `${renderTfJson(stack, { stripMetadata: true }, p.config)}\n` })), notes: [] };
  }
  const schemas = withoutTokenStackTraces(() => collectBlockSchemas(stack, config));
  // Files that need `terraform fmt` are formatted in parallel, each in its own process.
  const printed = await Promise.all(parts.map((p) => canonicalHcl(printConfig(p.config, schemas), p.config)));
  const files = addCheckovSkips(
    parts.map((p, i) => ({ path: `${p.file}.tf`, content: printed[i]!.text })),
    plan.suppressions,
  );
  return { files, notes: [...new Set(printed.flatMap((f) => (f.note ? [f.note] : [])))] };
}
