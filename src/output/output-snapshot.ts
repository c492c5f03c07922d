// Reads what is in the output folder now, for exactly the paths a write or a
// check is about: the ones to generate and the ones the manifest remembers.
// Nothing else in the folder is read, so a user's other files stay out of it.
import { join } from "node:path";
import { ConflictError } from "../model/errors.js";
import { MANIFEST_FILE, parseManifest, type Manifest } from "./manifest.js";
import { parentFolders } from "./output-paths.js";
import type { EntryKind, WriterFs } from "./writer-fs.js";

export type DiskEntry =
  | { readonly state: "missing" }
  | { readonly state: "file"; readonly content: Buffer }
  /** Something trailwright would never write through or replace: a folder, a symlink, a file where a folder should be. */
  | { readonly state: "in-the-way"; readonly what: string };

export interface OutputSnapshot {
  readonly folderExists: boolean;
  readonly manifest: Manifest | undefined;
  readonly manifestText: string | undefined;
  readonly entries: ReadonlyMap<string, DiskEntry>;
}

const DESCRIBE: Record<Exclude<EntryKind, "file">, string> = {
  directory: "a folder",
  symlink: "a symbolic link",
  other: "not a regular file",
};

/**
 * @param outDir absolute output folder
 * @param shownOut the folder as the user named it, for messages
 */
export function readOutputFolder(outDir: string, generatedPaths: Iterable<string>, fs: WriterFs, shownOut: string): OutputSnapshot {
  const folder = fs.resolvedKind(outDir);
  if (folder === undefined) return { folderExists: false, manifest: undefined, manifestText: undefined, entries: new Map() };
  if (folder !== "directory") {
    throw new ConflictError(`the output folder ${shownOut} is ${folder === "file" ? "an existing file" : DESCRIBE[folder]}, not a folder`, [shownOut], "choose another --out; trailwright does not replace files it did not generate");
  }

  const manifestPath = join(outDir, MANIFEST_FILE);
  const manifestKind = fs.kind(manifestPath);
  let manifest: Manifest | undefined;
  let manifestText: string | undefined;
  if (manifestKind === "file") {
    manifestText = fs.read(manifestPath).toString("utf8");
    manifest = parseManifest(manifestText, `${shownOut}/${MANIFEST_FILE}`);
  } else if (manifestKind !== undefined) {
    throw new ConflictError(`${shownOut}/${MANIFEST_FILE} is ${DESCRIBE[manifestKind]}, not trailwright's manifest`, [MANIFEST_FILE], "move it away; trailwright keeps its list of generated files there");
  }

  const folderKinds = new Map<string, EntryKind | undefined>();
  const folderKind = (folder: string) => {
    if (!folderKinds.has(folder)) folderKinds.set(folder, fs.kind(join(outDir, folder)));
    return folderKinds.get(folder);
  };
  const entries = new Map<string, DiskEntry>();
  for (const path of new Set([...generatedPaths, ...Object.keys(manifest?.files ?? {})])) {
    entries.set(path, readEntry(path));
  }
  return { folderExists: true, manifest, manifestText, entries };

  function readEntry(path: string): DiskEntry {
    for (const folder of parentFolders(path)) {
      const kind = folderKind(folder);
      if (kind === undefined) return { state: "missing" };
      // A symlinked folder could lead outside the output folder: never write through one.
      if (kind !== "directory") return { state: "in-the-way", what: `${folder} is ${kind === "file" ? "a file" : DESCRIBE[kind]}, not a folder` };
    }
    const kind = fs.kind(join(outDir, path));
    if (kind === undefined) return { state: "missing" };
    if (kind === "file") return { state: "file", content: fs.read(join(outDir, path)) };
    return { state: "in-the-way", what: `it is ${DESCRIBE[kind]}` };
  }
}
