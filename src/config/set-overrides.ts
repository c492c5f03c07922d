// `--set path=value` overrides: the value is parsed as the type the schema
// declares for that path, so `--set retention.archiveDays=2557` is a number and
// `--set alerts.emails=a@x.com,b@x.com` a list; `--set name=` clears an answer.
import { ConfigError } from "../model/errors.js";
import { fieldKind, keysAt } from "./schema-paths.js";

export interface SetOverride {
  readonly path: string;
  readonly value: unknown;
}

function parseValue(path: string, raw: string): unknown {
  const kind = fieldKind(path);
  if (kind === undefined) {
    const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    const allowed = keysAt(parent);
    throw new ConfigError(`--set ${path}: unknown config key "${path}"`, {
      field: path,
      hint: allowed ? `keys allowed${parent ? ` under ${parent}` : ""}: ${allowed.filter((k) => k !== "$schema").join(", ")}` : "check the key against the README's config reference",
    });
  }
  // An empty value clears the answer (back to its default), except lists, which become empty.
  if (raw.trim() === "" && kind !== "array") return undefined;
  switch (kind) {
    case "number": {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : raw; // let the schema name the bad value
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "array":
      return raw.trim() === "" ? [] : raw.split(",").map((item) => item.trim());
    case "object":
    case "record":
      try {
        return JSON.parse(raw);
      } catch {
        throw new ConfigError(`--set ${path}: "${raw}" is not a JSON object`, {
          field: path,
          hint: `set one field at a time, e.g. --set ${path}.<key>=<value>`,
        });
      }
    default:
      return raw;
  }
}

export function parseSetFlag(flag: string): SetOverride {
  const eq = flag.indexOf("=");
  if (eq <= 0) {
    throw new ConfigError(`--set "${flag}" is not of the form path=value`, {
      hint: "for example --set retention.archiveDays=2557",
    });
  }
  const path = flag.slice(0, eq).trim();
  return { path, value: parseValue(path, flag.slice(eq + 1)) };
}

/** Returns a copy of `config` with each override applied in order. */
export function applyOverrides(config: Record<string, unknown>, overrides: readonly SetOverride[]): Record<string, unknown> {
  const result = structuredClone(config);
  for (const { path, value } of overrides) {
    const parts = path.split(".");
    let target: Record<string, unknown> = result;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (typeof next !== "object" || next === null || Array.isArray(next)) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1]!;
    if (value === undefined) delete target[leaf];
    else target[leaf] = value;
  }
  return result;
}
