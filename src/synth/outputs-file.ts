// The estate's outputs live in their own file, outputs.tf (or .tf.json), where
// people who call or read a module look for them; main.tf keeps the resources.
// Terraform reads every .tf file of a folder as one configuration, so the split
// changes nothing it sees.
import type { OutputFormat } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";
import type { Json } from "./hcl/json-shape.js";
import { printConfig } from "./hcl/print-config.js";
import { stableStringify } from "./hcl/stable-json.js";

export interface SplitConfig {
  /** The resolved config without its `output` section ("//" metadata kept). */
  readonly main: Json;
  /** Only the `output` section, or undefined when the stack declares none. */
  readonly outputs: Json | undefined;
}

export function splitOutputs(config: Json): SplitConfig {
  const { output, ...main } = config as Json & { output?: Json };
  return { main, outputs: output === undefined ? undefined : { output } };
}

/**
 * outputs.tf as printed (pass HCL through formatHcl), or outputs.tf.json.
 * Outputs are language blocks (name, description, value): no provider schema is
 * needed to print them, and no "//" metadata is in the section to strip.
 */
export function outputsFile(outputs: Json, format: OutputFormat): GeneratedFile {
  return format === "hcl"
    ? { path: "outputs.tf", content: printConfig(outputs, new Map()) }
    : { path: "outputs.tf.json", content: `${stableStringify(outputs)}\n` };
}
