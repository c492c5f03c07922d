// The last stage of generate and init: write, dry-run or check, and tell the user.
import type { DriftReport } from "../../output/check-drift.js";
import type { GeneratedEstate } from "../../output/generated-file.js";
import { MANIFEST_FILE } from "../../output/manifest.js";
import type { FileChange } from "../../output/plan-changes.js";
import { unifiedDiff } from "../../output/line-diff.js";
import { plural } from "../../text/plural.js";
import { checkEstate, conflictError, driftError, writeEstate, type WriteReport } from "../../output/write-estate.js";
import type { WriterFs } from "../../output/writer-fs.js";
import type { Io } from "../io.js";
import { jsonErrors } from "../json-output.js";
import { diffLine, style, type Style } from "../style.js";

export interface WriteStepOptions {
  /** The output folder as the user typed it (shown in messages). */
  readonly out: string;
  readonly check: boolean;
  readonly force: boolean;
  readonly dryRun: boolean;
  /** Generated paths whose current content the answers were read from (e.g. trailwright.json). */
  readonly inputs?: readonly string[];
}

export type WriteOutcome =
  | { readonly kind: "written" | "dry-run"; readonly report: WriteReport }
  | { readonly kind: "check"; readonly drift: DriftReport };

/**
 * Writes the estate into `outDir` (absolute), or with `check` compares it with
 * what is there. Throws ConflictError before writing anything when a file
 * would overwrite a user's file or a hand edit.
 */
export async function writeOrCheck(estate: GeneratedEstate, outDir: string, options: WriteStepOptions, fs?: WriterFs): Promise<WriteOutcome> {
  if (options.check) return { kind: "check", drift: checkEstate(outDir, estate.files, { shownOut: options.out, fs }) };
  const report = writeEstate(outDir, estate.files, { force: options.force, dryRun: options.dryRun, inputs: options.inputs, shownOut: options.out, fs });
  return { kind: options.dryRun ? "dry-run" : "written", report };
}

const ACTION_WIDTH = 10;
/** Diff lines a dry run shows per updated file: enough to see what changes, not the whole file. */
const DRY_RUN_DIFF_LINES = 20;
/** A drift report names at most this many files (each with a short diff): a summary, not a wall. */
const MAX_DRIFT_ITEMS = 25;

const ACTION_COLOUR: Readonly<Record<FileChange["action"], keyof Style | undefined>> = {
  create: "green",
  update: "yellow",
  remove: "red",
  conflict: "red",
  unchanged: undefined,
};

function changeLine(change: FileChange, s: Style = style(false)): string {
  const note =
    change.action === "conflict"
      ? `  (${change.detail})`
      : change.action === "update" && change.fromInput
        ? "  (your edits were read as the answers; rewritten in trailwright's layout)"
        : (change.action === "update" || change.action === "remove") && change.forced
          ? "  (edited by hand; --force)"
          : "";
  const colour = ACTION_COLOUR[change.action];
  const action = change.action.padEnd(ACTION_WIDTH);
  return `  ${colour ? s[colour](action) : action}${change.path}${note}`;
}

/**
 * What a dry run would change inside a file: a unified diff from the file on
 * disk to the new content for an update, the same excerpt `--check` shows.
 * Creations and removals are whole files: the action line says it all.
 */
export function dryRunDiff(change: FileChange): string[] {
  if (change.action !== "update") return [];
  return unifiedDiff(change.previous.toString("utf8"), change.content, {
    fromLabel: `${change.path} (on disk)`,
    toLabel: `${change.path} (would be written)`,
    maxLines: DRY_RUN_DIFF_LINES,
  });
}

function manifestLine(report: WriteReport): string {
  return `  ${report.manifestAction.padEnd(ACTION_WIDTH)}${MANIFEST_FILE}  (trailwright's list of the files it generated)`;
}

function counts(changes: readonly FileChange[]): string {
  const order = ["create", "update", "remove", "unchanged", "conflict"] as const;
  const tally = order
    .map((action) => [action, changes.filter((c) => c.action === action).length] as const)
    .filter(([, n]) => n > 0)
    .map(([action, n]) => `${n} ${action === "create" ? "to create" : action === "update" ? "to update" : action === "remove" ? "to remove" : action}`);
  return tally.join(", ");
}

/**
 * Prints the outcome and returns the exit code. A dry run with conflicts and a
 * check that found drift print their details first, then throw ConflictError
 * (exit 3) and DriftError (exit 4): the dry run predicts the real run's exit.
 */
export function reportWrite(outcome: WriteOutcome, estate: GeneratedEstate, options: WriteStepOptions, io: Io): number {
  const so = style(io.color?.out);
  const se = style(io.color?.err);
  for (const note of estate.notes) io.err(`note: ${note}`);
  const out = options.out;

  if (outcome.kind === "check") {
    const { drift } = outcome;
    if (drift.items.length === 0) {
      io.out(`${out} is up to date: ${plural(drift.compared, "generated file")} ${drift.compared === 1 ? "matches" : "match"} a fresh generation.`);
      return 0;
    }
    io.err(`Drift in ${out} (- on disk, + fresh generation):`);
    for (const item of drift.items.slice(0, MAX_DRIFT_ITEMS)) {
      io.err(`${item.diff.length > 0 ? "\n" : ""}  ${item.path}: ${item.detail}`);
      for (const line of item.diff) io.err(`    ${diffLine(line, se)}`);
    }
    if (drift.items.length > MAX_DRIFT_ITEMS) io.err(`  … and ${plural(drift.items.length - MAX_DRIFT_ITEMS, "more file")}`);
    io.err("");
    throw driftError(drift, out);
  }

  const { report } = outcome;
  const changed = report.changes.filter((c) => c.action !== "unchanged");
  if (outcome.kind === "dry-run") {
    io.out(`Dry run: nothing was written. In ${out}, trailwright would do this (${counts(report.changes)}):`);
    for (const change of report.changes) {
      io.out(changeLine(change, so));
      for (const line of dryRunDiff(change)) io.out(`    ${diffLine(line, so)}`);
    }
    if (report.manifestAction !== "unchanged") io.out(manifestLine(report));
    if (report.conflicts.length > 0) throw conflictError(report.conflicts, out);
    return 0;
  }

  if (changed.length === 0 && report.manifestAction === "unchanged") {
    io.out(`${out} is up to date: ${plural(report.changes.length, "generated file")} unchanged, nothing written.`);
    return 0;
  }
  const unchanged = report.changes.length - changed.length;
  io.out(`Wrote ${out}${unchanged > 0 ? ` (${plural(unchanged, "file")} unchanged)` : ""}:`);
  for (const change of changed) io.out(changeLine(change, so));
  if (report.manifestAction !== "unchanged") io.out(manifestLine(report));
  return 0;
}

/** One file in the --json document: what happens to it, why, and for an update or drift the diff. */
interface JsonFile {
  readonly path: string;
  readonly action: string;
  readonly detail?: string;
  readonly diff?: readonly string[];
}

function jsonFile(change: FileChange): JsonFile {
  const diff = dryRunDiff(change);
  const detail =
    change.action === "conflict"
      ? change.detail
      : change.action === "update" && change.fromInput
        ? "edits read as the answers"
        : (change.action === "update" || change.action === "remove") && change.forced
          ? "edited by hand; --force"
          : undefined;
  return { path: change.path, action: change.action, ...(detail ? { detail } : {}), ...(diff.length > 0 ? { diff } : {}) };
}

/**
 * The --json document of a write, dry run or check, and the exit code the
 * human report would give (a conflict 3, drift 4), without printing or throwing.
 */
export function jsonReport(outcome: WriteOutcome, estate: GeneratedEstate, options: WriteStepOptions, warnings: readonly string[]): { document: Record<string, unknown>; exitCode: number } {
  const base = { command: "generate", out: options.out, warnings, notes: estate.notes };
  if (outcome.kind === "check") {
    const { drift } = outcome;
    const error = drift.items.length > 0 ? driftError(drift, options.out) : undefined;
    return {
      exitCode: error ? error.exitCode : 0,
      document: {
        ...base,
        mode: "check",
        ok: !error,
        compared: drift.compared,
        drift: drift.items.map((item) => ({ path: item.path, kind: item.kind, detail: item.detail, ...(item.diff.length > 0 ? { diff: item.diff } : {}) })),
        errors: error ? jsonErrors(error) : [],
      },
    };
  }
  const { report } = outcome;
  const error = report.conflicts.length > 0 ? conflictError(report.conflicts, options.out) : undefined;
  return {
    exitCode: error ? error.exitCode : 0,
    document: {
      ...base,
      mode: outcome.kind,
      ok: !error,
      files: report.changes.map(jsonFile),
      manifest: { path: MANIFEST_FILE, action: report.manifestAction },
      errors: error ? jsonErrors(error) : [],
    },
  };
}
