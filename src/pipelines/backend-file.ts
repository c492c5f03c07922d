// backend.tf: where the root module keeps its state. It is Terraform, so it is
// printed by the project's HCL printer from data, never by a template: the
// printer quotes and escapes each value (a "${" in a key stays literal).
import type { ResolvedPlan } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";
import { printConfig } from "../synth/hcl/print-config.js";
import { stableStringify } from "../synth/hcl/stable-json.js";

/**
 * The S3 backend, with state locking through S3 lock files (`use_lockfile`,
 * Terraform >= 1.10, which versions.tf already requires), or undefined when
 * no backend was asked for or the output is a child module.
 */
export function renderBackendFile(plan: ResolvedPlan): GeneratedFile | undefined {
  const { backend, mode, format } = plan.output;
  if (!backend || mode !== "root") return undefined;
  const s3 = { bucket: backend.bucket, key: backend.key, region: backend.region, encrypt: true, use_lockfile: true };
  if (format === "hcl") return { path: "backend.tf", content: printConfig({ terraform: { backend: { s3 } } }, new Map()) };
  // Terraform reads JSON strings as templates too, so "${" and "%{" are escaped there as well.
  const literal = (value: string) => value.replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
  const json = { ...s3, bucket: literal(s3.bucket), key: literal(s3.key), region: literal(s3.region) };
  return { path: "backend.tf.json", content: `${stableStringify({ terraform: { backend: { s3: json } } })}\n` };
}
