// `trailwright generate`: answers -> plan -> files -> disk (or a drift check).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig, type ConfigSources } from "../../config/load-config.js";
import { UsageError } from "../../model/errors.js";
import { generateEstate } from "../../synth/generate-estate.js";
import { repoRelativeOutDir } from "../../pipelines/ci-folder.js";
import { resolvePlan } from "../../plan/resolve-plan.js";
import type { GenerateOptions } from "../args.js";
import type { Io } from "../io.js";
import { reportWrite, writeOrCheck } from "./write-step.js";

/** Where answers come from: flags, or the trailwright.json already in the output folder. */
export function sourcesFor(options: GenerateOptions, io: Io): ConfigSources {
  const outDir = resolve(io.cwd, options.out);
  if (options.preset || options.config) {
    return { preset: options.preset, configFile: options.config && resolve(io.cwd, options.config), sets: options.sets };
  }
  const saved = join(outDir, "trailwright.json");
  if (existsSync(saved)) return { configFile: saved, sets: options.sets };
  throw new UsageError(
    "generate needs answers: none of --preset, --config, or a trailwright.json in the output folder",
    `use --preset ID (see \`trailwright presets list\`), --config FILE, or --out DIR for a folder generated before`,
  );
}

export async function runGenerate(options: GenerateOptions, io: Io): Promise<number> {
  const config = loadConfig(sourcesFor(options, io));
  const plan = resolvePlan(options.format ? { ...config, output: { ...config.output, format: options.format } } : config);
  const estate = await generateEstate(plan, config, { ciOutDir: repoRelativeOutDir(io.cwd, options.out) });
  const outcome = await writeOrCheck(estate, resolve(io.cwd, options.out), options);
  return reportWrite(outcome, estate, options, io);
}
