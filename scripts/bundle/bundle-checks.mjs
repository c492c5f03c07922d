// What must never be in the published bundle. Run on every build (scripts/bundle.mjs),
// so `npm pack` / `npm publish` fail instead of shipping it.

/** Packages that are devDependencies for a reason: AGPL-3.0 policy simulators used only by tests. */
const FORBIDDEN_PACKAGES = [/^@cloud-copilot\//];

/** Copyleft licences whose terms would extend to trailwright itself (LGPL, MPL are file-level and allowed). */
const FORBIDDEN_LICENSE = /(^|[^L])GPL|SSPL/i;

/**
 * The provider's root index loads all 2,212 bindings (4.5 s, 556 MB); classes
 * must be imported by deep path, and this catches a stray root import.
 */
const FORBIDDEN_INPUTS = [/node_modules\/@cdktf\/provider-aws\/lib\/index\.js$/];

/**
 * @param {{ name: string, version: string, license: string, inputs: string[] }[]} packages from bundledPackages()
 * @returns {string[]} one line per problem; empty when the bundle may ship
 */
export function bundleProblems(packages) {
  const problems = [];
  for (const pkg of packages) {
    if (FORBIDDEN_PACKAGES.some((re) => re.test(pkg.name))) {
      problems.push(`${pkg.name}@${pkg.version} is bundled, but it is a test-only devDependency (${pkg.license}) that must never ship`);
    } else if (FORBIDDEN_LICENSE.test(pkg.license)) {
      problems.push(`${pkg.name}@${pkg.version} is bundled under ${pkg.license}, which would put trailwright under its terms`);
    }
    for (const input of pkg.inputs) {
      if (FORBIDDEN_INPUTS.some((re) => re.test(input))) problems.push(`${input} is bundled: import provider classes by deep path, never the package root`);
    }
  }
  return problems;
}

/**
 * src/cli/load-engine.ts reads dist/engine.cjs as latin1, which is its text only
 * while every byte is ASCII (esbuild escapes the rest by default).
 * @param {string} name the file's name, for the message
 * @param {string} text the file read as latin1
 * @returns {string[]} one line when a byte is not ASCII; empty otherwise
 */
export function asciiProblems(name, text) {
  const at = text.search(/[^\x00-\x7f]/);
  return at === -1 ? [] : [`${name} has a byte that is not ASCII at offset ${at}, but load-engine.ts reads it as latin1`];
}
