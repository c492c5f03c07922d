// The few file-system operations the writer needs, behind an interface so tests
// can make one of them fail mid-write and check that nothing was lost.
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";

export type EntryKind = "file" | "directory" | "symlink" | "other";

export interface WriterFs {
  /** What is at `path` without following a final symlink; undefined when nothing is. */
  kind(path: string): EntryKind | undefined;
  /** What `path` resolves to, following symlinks (used only for the output folder itself). */
  resolvedKind(path: string): EntryKind | undefined;
  read(path: string): Buffer;
  /** Creates a new file; fails if something already exists at `path`. */
  writeNew(path: string, content: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Creates one folder (its parent must exist). */
  makeFolder(path: string): void;
  /** Removes a folder only when it is empty; returns whether it did. */
  removeFolderIfEmpty(path: string): boolean;
}

function kindOf(stats: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (stats.isSymbolicLink()) return "symlink";
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "directory";
  return "other";
}

function missingIsUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

export const nodeWriterFs: WriterFs = {
  kind: (path) => missingIsUndefined(() => kindOf(lstatSync(path))),
  resolvedKind: (path) => missingIsUndefined(() => kindOf(statSync(path))),
  read: (path) => readFileSync(path),
  writeNew: (path, content) => writeFileSync(path, content, { flag: "wx" }),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => unlinkSync(path),
  makeFolder: (path) => mkdirSync(path),
  removeFolderIfEmpty: (path) => {
    if (missingIsUndefined(() => readdirSync(path))?.length !== 0) return false;
    rmdirSync(path);
    return true;
  },
};
