// The wizard's working copy of the answers: a partial trailwright.json, as
// mergeSources returns it (unvalidated), plus the output folder, which is a
// flag (--out) rather than a config key. Never mutated: each answer makes a new draft.

/** Question id of the output folder; every other id is a dotted config path or a wizard-only answer. */
export const OUT_ID = "out";
/** Prefix of answers that steer the wizard but are not config keys (e.g. whether alert tiers go to different people). */
export const WIZARD_PREFIX = "wizard.";

export interface Draft {
  readonly config: Readonly<Record<string, unknown>>;
  /** Output folder as the user gave it (relative paths stay relative, so printed commands are portable). */
  readonly out: string | undefined;
  /** Wizard-only answers by id ("wizard.alertRouting"); never written to trailwright.json. */
  readonly wizard?: Readonly<Record<string, unknown>>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function valueAt(draft: Draft, id: string): unknown {
  if (id === OUT_ID) return draft.out;
  if (id.startsWith(WIZARD_PREFIX)) return draft.wizard?.[id];
  let node: unknown = draft.config;
  for (const part of id.split(".")) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** A copy of the draft with the answer at `id` set, or removed when `value` is undefined. */
export function withValue(draft: Draft, id: string, value: unknown): Draft {
  if (id === OUT_ID) return { ...draft, out: value as string | undefined };
  if (id.startsWith(WIZARD_PREFIX)) {
    const wizard = { ...draft.wizard };
    if (value === undefined) delete wizard[id];
    else wizard[id] = value;
    return { ...draft, wizard };
  }
  const config = structuredClone(draft.config) as Record<string, unknown>;
  const parts = id.split(".");
  let target = config;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (!isPlainObject(next)) {
      if (value === undefined) return draft;
      target[part] = {};
    }
    target = target[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) {
    delete target[last];
    return { ...draft, config: withoutEmptyParents(config, parts.slice(0, -1)) };
  }
  target[last] = structuredClone(value);
  return { ...draft, config };
}

/** Removing the last answer under a key removes the key: trailwright.json never carries an empty section (`"reasons": {}`). */
function withoutEmptyParents(config: Record<string, unknown>, parents: readonly string[]): Record<string, unknown> {
  for (let depth = parents.length; depth > 0; depth--) {
    const holder = parents.slice(0, depth - 1).reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, config);
    const key = parents[depth - 1]!;
    if (Object.keys(holder[key] as Record<string, unknown>).length > 0) break;
    delete holder[key];
  }
  return config;
}

export interface Patch {
  readonly id: string;
  readonly value: unknown;
}

export function withPatches(draft: Draft, patches: readonly Patch[]): Draft {
  return patches.reduce((d, p) => withValue(d, p.id, p.value), draft);
}

/** True when the draft holds an answer at `id`; an empty list counts as no answer (presets leave emails empty). */
export function hasAnswer(draft: Draft, id: string): boolean {
  const value = valueAt(draft, id);
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}
