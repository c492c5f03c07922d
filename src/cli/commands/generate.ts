// `trailwright generate`: answers -> plan -> files -> disk (or a drift check).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig, type ConfigSources } from "../../config/load-config.js";
import { UsageError } from "../../model/errors.js";
import { generateEstate } from "../../synth/generate-estate.js";
import { repoRelativeOutDir } from "../../pipelines/ci-folder.js";
import { resolvePlan } from "../../plan/resolve-plan.js";
import { planWarnings } from "../../plan/retention-warnings.js";
import type { GenerateOptions } from "../args.js";
import type { Io } from "../io.js";
import { jsonText } from "../json-output.js";
import { style } from "../style.js";
import { jsonReport, reportWrite, writeOrCheck } from "./write-step.js";

/** Where answers come from: flags, or the trailwright.json already in the output folder. */
export function sourcesFor(options: GenerateOptions, io: Io): ConfigSources {
  const outDir = resolve(io.cwd, options.out);
  // --format and --as are answers like any other, so they are saved in trailwright.json and a later --check agrees.
  const sets = [...options.sets, ...(options.format ? [`output.format=${options.format}`] : []), ...(options.as ? [`output.mode=${options.as}`] : [])];
  if (options.preset || options.config) {
    return { preset: options.preset, configFile: options.config && resolve(io.cwd, options.config), sets };
  }
  const saved = join(outDir, "trailwright.json");
  if (existsSync(saved)) return { configFile: saved, sets };
  // Every answer given as --set (the line `init` prints to regenerate in CI) is enough on its own.
  if (options.sets.length > 0) return { sets };
  throw new UsageError(
    "generate needs answers: none of --preset, --config, --set, or a trailwright.json in the output folder",
    `use --preset ID (see \`trailwright presets list\`), --config FILE, or --out DIR for a folder generated before`,
  );
}

export async function runGenerate(options: GenerateOptions, io: Io): Promise<number> {
  const sources = sourcesFor(options, io);
  const config = loadConfig(sources);
  const plan = resolvePlan(config);
  const warnings = planWarnings(plan);
  if (!options.json) for (const warning of warnings) io.err(`${style(io.color?.err).yellow("warning:")} ${warning}`);
  const estate = await generateEstate(plan, config, { outDir: repoRelativeOutDir(io.cwd, options.out) });
  // Answers read from the output folder's own trailwright.json: its hand edits are in the new one.
  const inputs = sources.configFile === join(resolve(io.cwd, options.out), "trailwright.json") ? ["trailwright.json"] : [];
  const outcome = await writeOrCheck(estate, resolve(io.cwd, options.out), { ...options, inputs });
  if (options.json) {
    const { document, exitCode } = jsonReport(outcome, estate, { ...options, inputs }, warnings);
    io.out(jsonText(document));
    return exitCode;
  }
  return reportWrite(outcome, estate, options, io);
}
