// The non-interactive command lines that regenerate the same estate in CI:
// one from the saved trailwright.json, one from flags alone (--preset plus a
// --set for every answer that differs from the preset). Both deterministic.
import { posix } from "node:path";
import { loadPreset } from "../config/presets.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { fieldKind } from "../config/schema-paths.js";
import { shellLine } from "./shell-quote.js";

const COMMAND = ["npx", "trailwright"];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value in the text form `--set` parses back to the same value (see src/config/set-overrides.ts). */
function setText(path: string, value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (fieldKind(path) === "record" || isPlainObject(value)) return JSON.stringify(value);
  return String(value);
}

/** `path=value` for every leaf of `config` that differs from `base`, in the config's own order. */
export function setsFromBase(config: Record<string, unknown>, base: Record<string, unknown>, prefix = ""): string[] {
  const sets: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const path = prefix ? `${prefix}.${key}` : key;
    // The preset is given by --preset; $schema only helps editors.
    if (path === "preset" || path === "$schema" || value === undefined) continue;
    const baseValue = base[key];
    // A record (tags) is set whole as JSON: its keys may contain dots.
    if (isPlainObject(value) && fieldKind(path) === "object") {
      sets.push(...setsFromBase(value, isPlainObject(baseValue) ? baseValue : {}, path));
    } else if (!sameValue(value, baseValue)) {
      sets.push(`${path}=${setText(path, value)}`);
    }
  }
  return sets;
}

export interface EquivalentCommands {
  /** `generate --config <out>/trailwright.json --out <out>` */
  readonly fromConfigFile: readonly string[];
  /** `generate [--preset X] --set ... --out <out>` */
  readonly fromFlags: readonly string[];
}

export function equivalentCommands(config: TrailwrightConfig, out: string): EquivalentCommands {
  const presetId = config.preset;
  const base = presetId ? loadPreset(presetId).config : {};
  const sets = setsFromBase(config as Record<string, unknown>, base);
  return {
    fromConfigFile: [...COMMAND, "generate", "--config", posix.join(out.replace(/\\/g, "/"), "trailwright.json"), "--out", out],
    fromFlags: [...COMMAND, "generate", ...(presetId ? ["--preset", presetId] : []), ...sets.flatMap((s) => ["--set", s]), "--out", out],
  };
}

export function renderCommand(args: readonly string[]): string {
  return shellLine(args);
}
