// Pipelines run from the repository root, so they name the output folder by its
// path inside the repository. That path is written into generated files, so it
// must be the same wherever `trailwright generate` is run from: it is taken
// relative to the enclosing git repository, else to the working directory.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../model/errors.js";

/** Characters that need no quoting in YAML, shell commands or GitHub path filters. */
const SAFE_PATH = /^[A-Za-z0-9._][A-Za-z0-9._/-]*$/;

/**
 * The output folder as a POSIX path relative to the repository root ("." for
 * the root itself; it starts with ".." when the folder is outside). Never
 * throws: only pipeline files need it, and checkCiPath refuses what they cannot use.
 * @param isRepoRoot tells whether a folder is the top of a repository (default: it holds `.git`)
 */
export function repoRelativeOutDir(cwd: string, out: string, isRepoRoot: (dir: string) => boolean = hasGit): string {
  const absolute = resolve(cwd, out);
  let root = cwd;
  for (let dir = absolute; ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const inside = relative(root, absolute);
  return inside === "" ? "." : inside.split(sep).join("/");
}

/** Refuses folder paths pipelines cannot name: outside the repository, or needing quotes in YAML and shell. */
export function checkCiPath(path: string): string {
  if (path === ".") return path;
  const segments = path.split("/");
  if (segments[0] === ".." || path.startsWith("/")) {
    throw new UsageError(
      `the output folder (${path} from the repository root) is outside the repository, so CI pipeline files cannot refer to it`,
      "generate into a folder inside the repository (run trailwright from inside it), or remove output.pipelines",
    );
  }
  if (!SAFE_PATH.test(path) || segments.some((s) => s === "" || s === "." || s === "..")) {
    throw new UsageError(
      `the output folder "${path}" cannot be named in CI pipeline files: use only letters, digits, ".", "_", "-" and "/"`,
      "rename the folder (e.g. infra/audit-logging), or remove output.pipelines",
    );
  }
  return path;
}

function hasGit(dir: string): boolean {
  // A worktree or submodule has a .git file instead of a folder; both mark the root.
  return existsSync(join(dir, ".git"));
}
