// Which npm packages an esbuild metafile put into the output: the package
// folder, name, version and licence of every node_modules input.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

/**
 * @param {{ inputs: Record<string, unknown> }} metafile esbuild's metafile (only `inputs` is read)
 * @param {string} root the folder esbuild resolved input paths against (the repo root)
 * @returns {{ name: string, version: string, license: string, dir: string, inputs: string[] }[]} sorted by name
 */
export function bundledPackages(metafile, root) {
  const byDir = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    if (!input.includes("node_modules/")) continue;
    const dir = packageDirOf(resolve(root, input));
    if (!dir) throw new Error(`bundle input ${input} has no package.json above it`);
    if (!byDir.has(dir)) {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      byDir.set(dir, { name: pkg.name, version: pkg.version, license: licenseOf(pkg), repository: repositoryOf(pkg), dir, inputs: [] });
    }
    byDir.get(dir).inputs.push(input);
  }
  return [...byDir.values()].sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

/** The nearest folder above `file` whose package.json has a name (nested package.json files without one only set "type"). */
function packageDirOf(file) {
  for (let dir = dirname(file); dir.includes(`${sep}node_modules${sep}`); dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, "utf8")).name) return dir;
  }
  return undefined;
}

function licenseOf(pkg) {
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(" OR ");
  return "UNKNOWN";
}

function repositoryOf(pkg) {
  const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (!url) return undefined;
  return url.replace(/^git\+/, "").replace(/^git:\/\//, "https://").replace(/\.git$/, "");
}
