/**
 * Terraform text for a cdktf stack, in HCL or JSON.
 *
 * cdktf 0.21's own HCL renderer (stack.toHclTerraform().hcl) is wrong in
 * several silent ways (see /work/shared/reference/hcl-output.md). This one
 * prints the stack's JSON synthesis, which Terraform reads correctly, as HCL,
 * using only cdktf's public API, so it also works when the CLI is bundled.
 *
 * Both functions render the stack as it stands, like `stack.toTerraform()`:
 * call them after `app.synth()` or `Testing.synth(stack)`, which run Aspects
 * and (app.synth only) add the default local backend. Neither runs Aspects
 * itself, because cdktf's Aspects are not idempotent across invocations.
 */
import type { TerraformStack } from "cdktf";
import { collectBlockSchemas } from "./block-schema.js";
import type { Json } from "./json-shape.js";
import { printConfig } from "./print-config.js";
import { stableStringify } from "./stable-json.js";

/**
 * HCL with the same meaning as the stack's JSON synthesis. Deterministic; the
 * layout is what `terraform fmt` produces except inside expressions cdktf
 * wrote (for example `jsonencode({…})`), so pass the result through formatHcl.
 */
export function renderHcl(stack: TerraformStack, config: Json = stack.toTerraform()): string {
  // `config` lets a caller that already resolved the stack skip a second resolution (the costliest step).
  return printConfig(config, collectBlockSchemas(stack, config));
}

export interface RenderTfJsonOptions {
  /** Drop cdktf's "//" metadata (construct paths, cdktf version), as Testing.synth does. */
  readonly stripMetadata?: boolean;
}

/** The stack's JSON synthesis, byte-identical to the cdk.tf.json that app.synth() writes. */
export function renderTfJson(stack: TerraformStack, options: RenderTfJsonOptions = {}, config: Json = stack.toTerraform()): string {
  return stableStringify(options.stripMetadata ? withoutMetadata(config) : config);
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, v]) => [key, withoutMetadata(v)]),
  );
}
