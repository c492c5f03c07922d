// What an edit changes, shown in the summary before anything is written:
// each answer before and after, and the Terraform resources added and removed
// (a removed log bucket is evidence at risk, so it must never come as a surprise).

export interface AnswerChange {
  /** Dotted config path, e.g. retention.archiveDays. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface EstateChanges {
  readonly answers: readonly AnswerChange[];
  /** Terraform addresses the new estate has and the old one did not (resources only, sorted). */
  readonly added: readonly string[];
  /** Terraform addresses the old estate had and the new one does not. */
  readonly removed: readonly string[];
}

/** Keys that say nothing about the estate: editor help and the file's format version. */
const NOT_ANSWERS = new Set(["$schema", "version"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function leaves(config: Record<string, unknown>, prefix = "", into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(config)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!prefix && NOT_ANSWERS.has(key)) continue;
    // tags is a record of user keys: compared whole, like a list.
    if (isPlainObject(value) && path !== "tags") leaves(value, path, into);
    else if (value !== undefined) into.set(path, value);
  }
  return into;
}

/** Every answer that differs, in the order of the new answers, then answers that were dropped. */
export function answerChanges(before: Record<string, unknown>, after: Record<string, unknown>): AnswerChange[] {
  const old = leaves(before);
  const now = leaves(after);
  const changes: AnswerChange[] = [];
  for (const [path, value] of now) {
    if (JSON.stringify(value) !== JSON.stringify(old.get(path))) changes.push({ path, before: old.get(path), after: value });
  }
  for (const [path, value] of old) if (!now.has(path)) changes.push({ path, before: value, after: undefined });
  return changes;
}

const resources = (addresses: readonly string[]) => new Set(addresses.filter((a) => !a.startsWith("data.")));

export function estateChanges(before: { config: Record<string, unknown>; addresses: readonly string[] }, after: { config: Record<string, unknown>; addresses: readonly string[] }): EstateChanges {
  const old = resources(before.addresses);
  const now = resources(after.addresses);
  return {
    answers: answerChanges(before.config, after.config),
    added: [...now].filter((a) => !old.has(a)).sort(),
    removed: [...old].filter((a) => !now.has(a)).sort(),
  };
}

function shown(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Resources listed one by one up to this many per side; beyond it, a count (the full list is `terraform plan`'s job). */
const LISTED = 15;

/** The summary's "Changes" block, or a single line when nothing changes. */
export function renderChanges(changes: EstateChanges, folder: string): string[] {
  const { answers, added, removed } = changes;
  if (answers.length === 0 && added.length === 0 && removed.length === 0) {
    return [`  Changes to the estate in ${folder}/: none (the same answers as its trailwright.json)`];
  }
  const lines = [`  Changes to the estate in ${folder}/ (before -> after):`];
  for (const change of answers) lines.push(`    ${change.path}: ${shown(change.before)} -> ${shown(change.after)}`);
  const list = (sign: string, what: string, addresses: readonly string[]) => {
    if (addresses.length === 0) return;
    lines.push(`  Resources ${what} (${addresses.length}):`);
    for (const address of addresses.slice(0, LISTED)) lines.push(`    ${sign} ${address}`);
    if (addresses.length > LISTED) lines.push(`    … and ${addresses.length - LISTED} more`);
  };
  list("+", "added", added);
  list("-", "removed", removed);
  if (added.length === 0 && removed.length === 0) lines.push("  Resources: none added or removed (settings change in place)");
  return lines;
}
