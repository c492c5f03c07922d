// The notices file shipped beside the bundle: every npm package esbuild
// compiled into dist/, with its licence, where its source is, and its licence
// text. MIT/ISC/BSD/Apache need their notices carried with copies; MPL-2.0
// (cdktf, @cdktf/provider-aws) needs recipients told where the source is.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const LICENSE_FILE = /^(licen[cs]e|copying)([-._].*)?$/i;
const NOTICE_FILE = /^notice(\..*)?$/i;
/** Dedications and licences that ask for no notice to be kept. */
const NO_NOTICE_NEEDED = new Set(["Public Domain", "CC0-1.0", "Unlicense", "0BSD"]);

function filesMatching(dir, pattern) {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8").trim());
}

function tarballUrl(name, version) {
  const base = name.startsWith("@") ? name.split("/")[1] : name;
  return `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`;
}

/**
 * @param {{ name: string, version: string, license: string, repository?: string, dir: string }[]} packages from bundledPackages()
 * @returns {string} the notices text
 * Throws when a package ships no licence text and no other bundled package
 * carries the full text of its licence: shipping it without one is not allowed.
 */
export function thirdPartyNotices(packages) {
  const withTexts = packages.map((pkg) => ({ ...pkg, texts: filesMatching(pkg.dir, LICENSE_FILE), notices: filesMatching(pkg.dir, NOTICE_FILE) }));

  // A package without a licence file (cdktf ships none) is covered by the full
  // text of the same licence from another bundled package, printed once at the end.
  const fullTextById = new Map();
  for (const pkg of withTexts) if (pkg.texts.length > 0 && !fullTextById.has(pkg.license)) fullTextById.set(pkg.license, pkg);
  const borrowed = new Set();
  for (const pkg of withTexts) {
    if (pkg.texts.length > 0 || NO_NOTICE_NEEDED.has(pkg.license)) continue;
    if (!fullTextById.has(pkg.license)) throw new Error(`${pkg.name}@${pkg.version} (${pkg.license}) ships no licence file and no other bundled package has the ${pkg.license} text`);
    borrowed.add(pkg.license);
  }

  const out = [
    "Third-party software in trailwright's dist/ folder",
    "",
    "trailwright's own code is under the MIT licence (see LICENSE). The JavaScript files in dist/",
    "also contain the npm packages below, compiled and minified into them by esbuild. Each entry",
    "names the package's licence and where its source code form is available: the npm tarball",
    "and repository given with it. For the packages under the Mozilla Public License 2.0 (cdktf,",
    "@cdktf/provider-aws), that is the source of the code in dist/, which stays under the MPL-2.0.",
    "",
  ];
  for (const pkg of withTexts) {
    out.push("-".repeat(78), `${pkg.name} ${pkg.version}  (${pkg.license})`);
    out.push(`Source: ${tarballUrl(pkg.name, pkg.version)}${pkg.repository ? `\n        ${pkg.repository}` : ""}`, "");
    if (pkg.texts.length > 0) out.push(...pkg.texts.flatMap((t) => [t, ""]));
    else if (NO_NOTICE_NEEDED.has(pkg.license)) out.push(`This package ships no licence file; ${pkg.license} asks for none.`, "");
    else out.push(`This package ships no licence file; its licence is ${pkg.license}, whose full text is at the end of this file.`, "");
    for (const notice of pkg.notices) out.push("NOTICE:", notice, "");
  }
  for (const id of [...borrowed].sort()) {
    const from = fullTextById.get(id);
    out.push("=".repeat(78), `Full text of ${id} (as shipped with ${from.name} ${from.version})`, "", ...from.texts.flatMap((t) => [t, ""]));
  }
  return `${out.join("\n").trimEnd()}\n`;
}
