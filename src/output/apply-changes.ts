// Carries out a conflict-free change plan so that a failure at any step leaves
// the previous output as it was, not a mix of old and new files:
// 1. stage every new content in a temp file beside its target (nothing visible changes);
// 2. rename each temp over its target (atomic per file), then delete stale files;
// 3. write the manifest last (atomic), so it only ever describes files in place.
// If a step fails, the files already replaced get their previous content back,
// created files and folders are removed, and temps are deleted. A crash (no
// chance to roll back) leaves every file whole, either old or new, and the old
// manifest; the next run sees the new files equal to what it would write, so it
// carries on instead of calling them hand-edited.
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { ConflictError } from "../model/errors.js";
import { MANIFEST_FILE } from "./manifest.js";
import type { ChangePlan, FileChange } from "./plan-changes.js";
import type { WriterFs } from "./writer-fs.js";

type Write = Extract<FileChange, { action: "create" | "update" }>;
type Removal = Extract<FileChange, { action: "remove" }>;

/** File-system errors the user can fix (permissions, space, a read-only disk), as opposed to bugs. */
const ENVIRONMENT_ERRORS = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EBUSY", "ENOTDIR", "EISDIR", "EEXIST", "EXDEV", "ENAMETOOLONG", "ETXTBSY"]);

export interface ApplyOptions {
  readonly fs: WriterFs;
  /** The output folder as the user named it, for messages. */
  readonly shownOut: string;
}

export function applyChanges(outDir: string, plan: ChangePlan, options: ApplyOptions): void {
  if (plan.conflicts.length > 0) throw new Error("applyChanges called with unresolved conflicts");
  const { fs } = options;
  const writes = plan.changes.filter((c): c is Write => c.action === "create" || c.action === "update");
  const removals = plan.changes.filter((c): c is Removal => c.action === "remove");

  const createdFolders: string[] = [];
  const temps = new Set<string>();
  const done: Array<Write | Removal> = [];
  let current = ".";

  try {
    ensureFolder(outDir);
    const staged = writes.map((change) => {
      current = change.path;
      const target = join(outDir, change.path);
      ensureFolder(dirname(target));
      return { change, target, temp: stage(target, change.content) };
    });
    for (const { change, target, temp } of staged) {
      current = change.path;
      fs.rename(temp, target);
      temps.delete(temp);
      done.push(change);
    }
    for (const change of removals) {
      current = change.path;
      fs.remove(join(outDir, change.path));
      done.push(change);
    }
    if (plan.manifestAction !== "unchanged") {
      current = MANIFEST_FILE;
      const target = join(outDir, MANIFEST_FILE);
      fs.rename(stage(target, plan.manifestText), target);
    }
  } catch (error) {
    const unrestored = rollBack();
    throw describeFailure(error, current, unrestored, options.shownOut);
  }
  for (const change of removals) pruneEmptyFolders(change.path);

  function stage(target: string, content: string | Uint8Array): string {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.trailwright-tmp`);
    temps.add(temp);
    fs.writeNew(temp, content);
    return temp;
  }

  function ensureFolder(folder: string): void {
    const missing: string[] = [];
    for (let dir = folder; fs.kind(dir) === undefined; dir = dirname(dir)) {
      missing.push(dir);
      if (dirname(dir) === dir) break;
    }
    for (const dir of missing.reverse()) {
      fs.makeFolder(dir);
      createdFolders.push(dir);
    }
  }

  /** Puts back what was there before; returns the paths it could not restore. */
  function rollBack(): string[] {
    const unrestored: string[] = [];
    removeTemps();
    for (const change of [...done].reverse()) {
      const target = join(outDir, change.path);
      const ok = attempt(() => {
        if (change.action === "create") fs.remove(target);
        else fs.rename(stage(target, change.previous), target);
      });
      if (!ok) unrestored.push(change.path);
    }
    removeTemps();
    for (const folder of [...createdFolders].reverse()) attempt(() => fs.removeFolderIfEmpty(folder));
    return unrestored;
  }

  function removeTemps(): void {
    for (const temp of [...temps]) if (attempt(() => fs.remove(temp))) temps.delete(temp);
  }

  /** After removing a stale file, drop the folders it leaves empty (never the output folder itself). */
  function pruneEmptyFolders(path: string): void {
    const segments = path.split("/").slice(0, -1);
    while (segments.length > 0) {
      let removed = false;
      attempt(() => (removed = fs.removeFolderIfEmpty(join(outDir, ...segments))));
      if (!removed) return;
      segments.pop();
    }
  }
}

function attempt(step: () => unknown): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

function describeFailure(error: unknown, path: string, unrestored: readonly string[], shownOut: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const restored =
    unrestored.length === 0
      ? "the previous output was left as it was"
      : `could not restore ${unrestored.join(", ")}: check them against version control`;
  if (code && ENVIRONMENT_ERRORS.has(code)) {
    const reason = (error as Error).message.replace(/^[A-Z]+: /, "").split(",")[0];
    return new ConflictError(`could not write ${shownOut}/${path}: ${reason}; ${restored}`, [path], "fix the cause (permissions, disk space, a read-only folder) and run again");
  }
  if (unrestored.length > 0 && error instanceof Error) error.message += ` (${restored})`;
  return error;
}
