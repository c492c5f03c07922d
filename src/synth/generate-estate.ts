// Resolved plan -> every file of the estate, in memory. Nothing here touches
// the output folder; the writer does that once everything is ready.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, type TerraformStack } from "cdktf";
// Not re-exported by cdktf's index; the same function app.synth() and Testing.synth() run first.
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer.js";
import type { TrailwrightConfig } from "../config/schema.js";
import type { ResolvedPlan } from "../model/plan.js";
import type { GeneratedEstate, GeneratedFile } from "../output/generated-file.js";
import { byPath } from "../output/output-paths.js";
import { BOOTSTRAP_DIR, buildBootstrapStack, needsBootstrap } from "./bootstrap-stack.js";
import { AWS_PROVIDER_CONSTRAINT, buildEstateStack } from "./estate-stack.js";
import type { Json } from "./hcl/json-shape.js";
import { schemaUrl } from "../config/schema-url.js";
import { stableStringify } from "./hcl/stable-json.js";
import { terraformFiles } from "./terraform-files.js";
import { withoutTokenStackTraces } from "./without-token-stack-traces.js";
import { renderEstateDocuments } from "../docs/render-estate-documents.js";
import { renderPipelineFiles } from "../pipelines/render-pipeline-files.js";


export interface SynthesizedEstate {
  readonly stack: TerraformStack;
  /**
   * The stack resolved to Terraform JSON (`stack.toTerraform()`, "//" metadata
   * included). Resolving is the costliest step of a generation, so it runs once
   * and every renderer reads this.
   */
  readonly config: Json;
  /** Every resource and data-source address, e.g. `aws_s3_bucket.log_archive_bucket`. */
  readonly addresses: readonly string[];
}

/**
 * Builds the stack, runs cdktf's aspects and validations (as Testing.synth and
 * app.synth do) and resolves it once. Leaves nothing on disk.
 */
export function synthesizeEstate(plan: ResolvedPlan): SynthesizedEstate {
  return synthesizeStack((app) => buildEstateStack(app, plan));
}

/** The bootstrap/ root module's stack (bootstrap-stack.ts), synthesized the same way. */
export function synthesizeBootstrap(plan: ResolvedPlan): SynthesizedEstate {
  return synthesizeStack((app) => buildBootstrapStack(app, plan, AWS_PROVIDER_CONSTRAINT));
}

function synthesizeStack(build: (app: App) => TerraformStack): SynthesizedEstate {
  return withScratchOutdir((outdir) =>
    withoutTokenStackTraces(() => {
      // stackTraces off: construct-creation stack traces cost time and memory and end up nowhere.
      const app = new App({ stackTraces: false, skipValidation: false, outdir });
      const stack = build(app);
      invokeAspects(stack);
      stack.runAllValidations();
      const config: Json = stack.toTerraform();
      return { stack, config, addresses: terraformAddresses(config) };
    }),
  );
}

/**
 * cdktf's App creates its output folder and `<outdir>/stacks` when constructed,
 * by default `cdktf.out/` in the working directory, which would leave an empty
 * folder wherever `trailwright generate` runs. Nothing is synthesized to disk
 * here, so the folder is a private temporary one, removed straight away.
 */
function withScratchOutdir<T>(work: (outdir: string) => T): T {
  const outdir = mkdtempSync(join(tmpdir(), "trailwright-cdktf-"));
  try {
    return work(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Sorted resource and data-source addresses of a resolved stack. */
export function terraformAddresses(resolved: Json): string[] {
  const config = resolved as { resource?: Record<string, object>; data?: Record<string, object> };
  const out: string[] = [];
  for (const [type, byName] of Object.entries(config.resource ?? {})) for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(config.data ?? {})) for (const name of Object.keys(byName)) out.push(`data.${type}.${name}`);
  return out.sort();
}

/** bootstrap/: its own root module and state, applied once before the estate, split into files the same way. */
async function bootstrapFiles(plan: ResolvedPlan): Promise<{ files: GeneratedFile[]; notes: string[] }> {
  if (!needsBootstrap(plan)) return { files: [], notes: [] };
  const { stack, config } = synthesizeBootstrap(plan);
  // The estate's scanner exceptions name estate resources; bootstrap has none of its own.
  const { files, notes } = await terraformFiles(stack, config, { ...plan, suppressions: [] });
  return { files: files.map((f) => ({ ...f, path: `${BOOTSTRAP_DIR}/${f.path}` })), notes };
}

export interface GenerateEstateOptions {
  /** The output folder inside the repository, POSIX (repoRelativeOutDir); pipeline files and module mode's README name it. Default ".". */
  readonly outDir?: string;
  /** This plan already synthesized (the wizard does it for its summary); synthesized here otherwise. */
  readonly synthesized?: SynthesizedEstate;
}

export async function generateEstate(plan: ResolvedPlan, config: TrailwrightConfig, options: GenerateEstateOptions = {}): Promise<GeneratedEstate> {
  const synthesized = options.synthesized ?? synthesizeEstate(plan);
  // Any `terraform fmt` runs in its own process; the files around the Terraform render meanwhile.
  const pending = terraformFiles(synthesized.stack, synthesized.config, plan);
  pending.catch(() => {}); // if rendering below throws first, a later fmt failure must not crash the process unhandled
  // `$schema` names the JSON Schema of this version, so editors complete and check the answers.
  const answers: GeneratedFile = { path: "trailwright.json", content: `${stableStringify({ ...config, $schema: schemaUrl() })}\n` };
  const aroundTerraform = [
    ...renderEstateDocuments(plan, { addresses: synthesized.addresses, outDir: options.outDir ?? "." }),
    ...renderPipelineFiles(plan, { outDir: options.outDir ?? "." }),
  ];
  const [terraform, bootstrap] = await Promise.all([pending, bootstrapFiles(plan)]);
  // The writer's order (code units, as the manifest): an "en" collation cost a fortieth of a run in ICU.
  const files = [...terraform.files, ...bootstrap.files, answers, ...aroundTerraform].sort(byPath);
  return { files, notes: [...new Set([...terraform.notes, ...bootstrap.notes])] };
}
