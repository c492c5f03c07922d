// The bundle-time gate (scripts/bundle.mjs runs it on every build, so `npm pack`
// fails): test-only AGPL packages and the provider's root index must never ship.
// Fed with real package folders from node_modules, as the build feeds it.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asciiProblems, bundleProblems } from "../../scripts/bundle/bundle-checks.mjs";
import { bundledPackages } from "../../scripts/bundle/bundled-packages.mjs";
import { thirdPartyNotices } from "../../scripts/bundle/third-party-notices.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const metafile = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((i) => [i, {}])) });

const ALLOWED = [
  "src/cli/main.ts",
  "node_modules/cdktf/lib/index.js",
  "node_modules/@cdktf/provider-aws/lib/s3-bucket/index.js",
  "node_modules/zod/v4/classic/schemas.js",
];

describe("bundle checks", () => {
  it("pass what the CLI bundles, and name each package once with its licence", () => {
    const packages = bundledPackages(metafile(...ALLOWED), root);
    expect(packages.map((p) => `${p.name} ${p.license}`)).toEqual(["@cdktf/provider-aws MPL-2.0", "cdktf MPL-2.0", "zod MIT"]);
    expect(bundleProblems(packages)).toEqual([]);
  });

  it("refuse the AGPL policy simulators, which are test-only devDependencies", () => {
    const packages = bundledPackages(metafile(...ALLOWED, "node_modules/@cloud-copilot/iam-simulate/dist/esm/index.js"), root);
    const problems = bundleProblems(packages);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^@cloud-copilot\/iam-simulate@[\d.]+ is bundled, but it is a test-only devDependency \(AGPL-3\.0/);
  });

  it("refuse any GPL-family licence, whatever the package", () => {
    const problems = bundleProblems([{ name: "some-lib", version: "1.0.0", license: "GPL-3.0-or-later", inputs: [] }]);
    expect(problems).toEqual(["some-lib@1.0.0 is bundled under GPL-3.0-or-later, which would put trailwright under its terms"]);
    expect(bundleProblems([{ name: "some-lib", version: "1.0.0", license: "LGPL-3.0", inputs: [] }])).toEqual([]);
  });

  it("refuse the provider's root index (all 2,212 bindings)", () => {
    const packages = bundledPackages(metafile("node_modules/@cdktf/provider-aws/lib/index.js"), root);
    expect(bundleProblems(packages)).toEqual([
      "node_modules/@cdktf/provider-aws/lib/index.js is bundled: import provider classes by deep path, never the package root",
    ]);
  });

  it("refuse an engine with a byte that is not ASCII, which load-engine.ts would misread as latin1", () => {
    expect(asciiProblems("dist/engine.cjs", 'var a = "plain";')).toEqual([]);
    expect(asciiProblems("dist/engine.cjs", 'var a = "caf\u00e9";')).toEqual(["dist/engine.cjs has a byte that is not ASCII at offset 12, but load-engine.ts reads it as latin1"]);
  });

  it("notices carry the MPL-2.0 text for cdktf, which ships no licence file, and say where each source is", () => {
    const notices = thirdPartyNotices(bundledPackages(metafile(...ALLOWED), root));
    expect(notices).toContain("cdktf 0.21.0  (MPL-2.0)\nSource: https://registry.npmjs.org/cdktf/-/cdktf-0.21.0.tgz");
    expect(notices).toContain("its licence is MPL-2.0, whose full text is at the end of this file");
    expect(notices).toMatch(/Full text of MPL-2\.0 \(as shipped with @cdktf\/provider-aws [\d.]+\)\n\n[^\n]*\n\nMozilla Public License, version 2\.0/);
    expect(notices).toContain("zod 4.6.7  (MIT)");
    expect(notices).toMatch(/Copyright \(c\) \d{4}.*Colin McDonnell/);
  });
});
