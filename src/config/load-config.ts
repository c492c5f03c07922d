// Gathers answers from their sources, lowest precedence first:
// preset -> config file -> answers given in the wizard -> --set overrides,
// then validates the merged result against the schema.
import { readFileSync } from "node:fs";
import { ConfigError, UsageError } from "../model/errors.js";
import { deepMerge } from "./deep-merge.js";
import { normalizeAnswers } from "./normalize-answers.js";
import { loadPreset } from "./presets.js";
import type { TrailwrightConfig } from "./schema.js";
import { applyOverrides, parseSetFlag } from "./set-overrides.js";
import { validateConfig } from "./validate-config.js";

export interface ConfigSources {
  readonly preset?: string | undefined;
  readonly configFile?: string | undefined;
  /** Raw `--set path=value` flags. */
  readonly sets?: readonly string[] | undefined;
  /** Answers collected interactively, already in trailwright.json shape. */
  readonly answers?: Record<string, unknown> | undefined;
}

export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read config file ${path}${code === "ENOENT" ? ": no such file" : `: ${code}`}`, {
      hint: "pass an existing trailwright.json with --config, or use --preset ID",
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`, {
      hint: "fix the JSON syntax (a trailing comma or a missing quote is the usual cause)",
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`config file ${path} must hold a JSON object`, { hint: "see the README for the trailwright.json format" });
  }
  return parsed as Record<string, unknown>;
}

/** Merges the sources without validating (the wizard fills the gaps in this). */
export function mergeSources(sources: ConfigSources): Record<string, unknown> {
  const fromFile = sources.configFile ? readConfigFile(sources.configFile) : {};
  const filePreset = typeof fromFile.preset === "string" ? fromFile.preset : undefined;
  if (sources.preset && filePreset && sources.preset !== filePreset) {
    throw new UsageError(`--preset ${sources.preset} conflicts with "preset": "${filePreset}" in ${sources.configFile}`, "drop --preset or change the config file's preset");
  }
  const presetId = sources.preset ?? filePreset;
  let merged: Record<string, unknown> = presetId ? loadPreset(presetId).config : {};
  merged = deepMerge(merged, fromFile);
  if (sources.answers) merged = deepMerge(merged, sources.answers);
  const overrides = (sources.sets ?? []).map(parseSetFlag);
  return normalizeAnswers(applyOverrides(merged, overrides));
}

export function describeSources(sources: ConfigSources): string {
  if (sources.configFile) return sources.configFile;
  if (sources.preset) return `preset ${sources.preset}`;
  return sources.answers ? "answers" : "--set answers";
}

export function loadConfig(sources: ConfigSources): TrailwrightConfig {
  return validateConfig(mergeSources(sources), describeSources(sources));
}
