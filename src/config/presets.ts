// Presets are data files in presets/: partial configs holding every answer that
// does not depend on the organisation (accounts, organization id and alert
// emails are always the user's). `_sources` in a preset explains its numbers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../model/errors.js";
import { packageRoot } from "./package-root.js";

export interface PresetFile {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Answers, in trailwright.json form. */
  readonly config: Record<string, unknown>;
}

function presetsDir(): string {
  return join(packageRoot(), "presets");
}

export function listPresetIds(): string[] {
  return readdirSync(presetsDir())
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

export function loadPreset(id: string): PresetFile {
  const ids = listPresetIds();
  if (!ids.includes(id)) {
    throw new ConfigError(`unknown preset "${id}"`, {
      field: "preset",
      hint: `choose one of: ${ids.join(", ")} (see \`trailwright presets list\`)`,
    });
  }
  const raw = JSON.parse(readFileSync(join(presetsDir(), `${id}.json`), "utf8")) as PresetFile;
  return { ...raw, config: { ...raw.config, preset: id } };
}
