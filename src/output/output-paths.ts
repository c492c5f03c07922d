// Generated paths are relative to the output folder and may never leave it.
// The same rule guards paths read back from a manifest on disk: a manifest is
// committed text that anyone can edit, and the writer deletes stale files it
// lists, so "../../somewhere" in it must be refused, not followed.

/** Why `path` cannot name a file inside the output folder, or undefined when it can. */
export function outputPathProblem(path: string): string | undefined {
  if (path.length === 0) return "it is empty";
  if (path.includes("\\")) return "it contains a backslash (use / between folders)";
  if (path.includes("\0")) return "it contains a NUL character";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "it is absolute";
  for (const segment of path.split("/")) {
    if (segment === "") return "it has an empty folder name (// or a trailing /)";
    if (segment === "." || segment === "..") return `it contains "${segment}"`;
  }
  return undefined;
}

/** The folders a path sits in, outermost first: "ci/x/y.yml" -> ["ci", "ci/x"]. */
export function parentFolders(path: string): string[] {
  const segments = path.split("/");
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join("/"));
}

/** Code-unit order: the same on every machine and locale. */
export function byPath<T extends { readonly path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
