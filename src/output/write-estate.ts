// The writer's entry points: write (or dry-run) a set of generated files into
// an output folder, or check the folder against them. Only this module family
// touches the output folder, and never outside it.
import { ConflictError, DriftError } from "../model/errors.js";
import { applyChanges } from "./apply-changes.js";
import { findDrift, type DriftReport } from "./check-drift.js";
import type { GeneratedFile } from "./generated-file.js";
import { readOutputFolder } from "./output-snapshot.js";
import { planChanges, type Conflict, type FileChange } from "./plan-changes.js";
import { nodeWriterFs, type WriterFs } from "./writer-fs.js";

export interface WriteOptions {
  /** Overwrite or remove generated files that were edited by hand. Never touches files trailwright did not generate. */
  readonly force: boolean;
  /** Decide everything, write nothing. */
  readonly dryRun: boolean;
  /** Generated paths read as input for this generation (see PlanOptions.inputs). */
  readonly inputs?: readonly string[];
  /** The output folder as the user named it, for messages (default: the absolute path). */
  readonly shownOut?: string;
  readonly fs?: WriterFs;
}

export interface WriteReport {
  readonly dryRun: boolean;
  readonly changes: readonly FileChange[];
  /** Non-empty only for a dry run; a real write throws ConflictError instead. */
  readonly conflicts: readonly Conflict[];
  /** What happens (or, in a dry run, would happen) to the manifest. */
  readonly manifestAction: "create" | "update" | "unchanged";
}

/**
 * Writes `files` into `outDir` (absolute) all-or-nothing. Throws ConflictError,
 * before touching anything, when a file would overwrite a user's file or a hand
 * edit (see plan-changes.ts); a dry run reports the conflicts instead.
 */
export function writeEstate(outDir: string, files: readonly GeneratedFile[], options: WriteOptions): WriteReport {
  const fs = options.fs ?? nodeWriterFs;
  const shownOut = options.shownOut ?? outDir;
  const snapshot = readOutputFolder(outDir, files.map((f) => f.path), fs, shownOut);
  const plan = planChanges(files, snapshot, { force: options.force, inputs: options.inputs });
  if (!options.dryRun) {
    if (plan.conflicts.length > 0) throw conflictError(plan.conflicts, shownOut);
    applyChanges(outDir, plan, { fs, shownOut });
  }
  return { dryRun: options.dryRun, changes: plan.changes, conflicts: plan.conflicts, manifestAction: plan.manifestAction };
}

export interface CheckOptions {
  readonly shownOut?: string;
  readonly fs?: WriterFs;
  readonly maxDiffLines?: number;
}

/** Compares `files` with the output folder without writing anything. */
export function checkEstate(outDir: string, files: readonly GeneratedFile[], options: CheckOptions = {}): DriftReport {
  const fs = options.fs ?? nodeWriterFs;
  const snapshot = readOutputFolder(outDir, files.map((f) => f.path), fs, options.shownOut ?? outDir);
  return findDrift(files, snapshot, { maxDiffLines: options.maxDiffLines });
}

const LISTED = 8;

function listed<T extends { readonly path: string }>(items: readonly T[], describe: (item: T) => string): string {
  const shown = items.slice(0, LISTED).map((item) => `${item.path} (${describe(item)})`);
  return items.length > LISTED ? `${shown.join(", ")} and ${items.length - LISTED} more` : shown.join(", ");
}

export function conflictError(conflicts: readonly Conflict[], shownOut: string): ConflictError {
  const edited = conflicts.filter((c) => c.reason === "edited" || c.reason === "edited-stale");
  const foreign = conflicts.filter((c) => c.reason === "not-generated" || c.reason === "in-the-way");
  const advice = [
    ...(edited.length > 0 ? ["--force overwrites the hand-edited files (copy your changes elsewhere first)"] : []),
    ...(foreign.length > 0 ? ["trailwright never replaces what it did not generate: move those files, or choose another --out"] : []),
  ];
  const noun = conflicts.length === 1 ? "file" : "files";
  return new ConflictError(
    `${conflicts.length} ${noun} in ${shownOut} would be overwritten or removed: ${listed(conflicts, (c) => c.detail)}`,
    conflicts.map((c) => c.path),
    `nothing was written; ${advice.join("; ")}`,
  );
}

export function driftError(report: DriftReport, shownOut: string): DriftError {
  const noun = report.items.length === 1 ? "file differs" : "files differ";
  return new DriftError(
    `${report.items.length} ${noun} between ${shownOut} and a fresh generation: ${listed(report.items, (i) => i.kind)}`,
    report.items.map((i) => i.path),
    report.items.some((i) => i.kind === "edited" || i.kind === "not-generated")
      ? `regenerate (trailwright generate --out ${shownOut}) and commit the result; it refuses to overwrite hand edits without --force, so make lasting changes in trailwright.json instead`
      : `regenerate (trailwright generate --out ${shownOut}) and commit the result`,
  );
}
