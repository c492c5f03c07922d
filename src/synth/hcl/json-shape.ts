/**
 * Reading the synthesized JSON defensively: it is cdktf's output plus any
 * user overrides, so a shape the printer does not expect is reported with its
 * path instead of being printed wrongly.
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, where: string): Json {
  if (!isObject(value)) throw new Error(`${where}: expected an object in the synthesized JSON, got ${JSON.stringify(value)}`);
  return value;
}

/** Terraform's JSON accepts one block as an object or several as an array. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** An object's entries without cdktf's "//" metadata. */
export function entriesOf(value: unknown, where: string): [string, unknown][] {
  if (value === undefined) return [];
  return Object.entries(asObject(value, where)).filter(([key]) => key !== "//");
}

/** Entries with `first` keys (when present) leading, the rest in JSON order: a stable, conventional layout. */
export function ordered(json: Json, first: string[]): [string, unknown][] {
  const lead = first.filter((key) => key in json).map((key): [string, unknown] => [key, json[key]]);
  return [...lead, ...Object.entries(json).filter(([key]) => !first.includes(key))];
}
