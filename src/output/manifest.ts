// The record of what trailwright generated in an output folder: every path with
// the sha256 of the content it wrote. It is what tells "ours, untouched" apart
// from "ours, edited by hand" and from "the user's own file", so it is written
// last and only after every file it lists is in place.
import { createHash } from "node:crypto";
import { ConflictError } from "../model/errors.js";
import { byPath, outputPathProblem } from "./output-paths.js";

export const MANIFEST_FILE = ".trailwright-manifest.json";

export interface Manifest {
  /** Output path (POSIX, relative to the output folder) -> sha256 hex of its content. */
  readonly files: Readonly<Record<string, string>>;
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Deterministic text: fixed key order, paths sorted by code unit (not locale),
 * no timestamps and no tool version, so regenerating the same answers with the
 * same output yields the same bytes.
 */
export function renderManifest(files: ReadonlyArray<{ readonly path: string; readonly content: string }>): string {
  const sorted = [...files].sort(byPath);
  const entries = Object.fromEntries(sorted.map((file) => [file.path, sha256(file.content)]));
  const document = {
    generator: "trailwright",
    about:
      "Files trailwright generated in this folder, with the sha256 of what it wrote. trailwright never modifies or deletes a file missing from this list, and does not overwrite a listed file that was edited by hand unless run with --force.",
    version: 1,
    files: entries,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Parses a manifest read from disk; anything malformed is a conflict the user must resolve. */
export function parseManifest(text: string, where: string): Manifest {
  const invalid = (why: string) =>
    new ConflictError(
      `${where} is not a trailwright manifest (${why})`,
      [where],
      `restore it from version control; if it is lost, delete it: trailwright then treats every existing file in the folder as the user's own and leaves it alone`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid("not valid JSON");
  }
  if (!isRecord(parsed) || parsed.generator !== "trailwright" || parsed.version !== 1 || !isRecord(parsed.files)) {
    throw invalid('expected {"generator": "trailwright", "version": 1, "files": {...}}');
  }
  const files: Record<string, string> = {};
  for (const [path, hash] of Object.entries(parsed.files)) {
    const problem = path === MANIFEST_FILE ? "it lists itself" : outputPathProblem(path);
    if (problem) throw invalid(`the entry "${path}" cannot be a file in the output folder: ${problem}`);
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) throw invalid(`the hash for "${path}" is not a sha256`);
    files[path] = hash;
  }
  return { files };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
