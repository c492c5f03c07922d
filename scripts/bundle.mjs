// Bundles the CLI into dist/ so the published package carries only the modules
// it uses (the deep-imported provider classes, not all 392 MB of
// @cdktf/provider-aws) and installs with no dependencies. Runs on `npm install`
// (prepare), before `npm pack`, and from `npm run bench` when dist/ is missing.
//
// dist/cli.js is the entry; each command's modules are split into chunks that
// load when the command runs (src/cli/run.ts imports commands lazily), so
// `presets list` never parses cdktf and `generate` never parses inquirer.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bundleProblems } from "./bundle/bundle-checks.mjs";
import { bundledPackages } from "./bundle/bundled-packages.mjs";
import { thirdPartyNotices } from "./bundle/third-party-notices.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, "dist");

/**
 * cdktf requires `archiver` (and through it glob, readable-stream, lazystream,
 * ... about 350 KB) at load time, only to zip TerraformAsset folders. The
 * estate has no assets, so the bundle gets a stand-in that fails loudly if a
 * future construct ever zips one, instead of parsing that code on every run.
 */
const leaveOutArchiver = {
  name: "leave-out-archiver",
  setup(b) {
    b.onResolve({ filter: /^archiver$/ }, (args) =>
      args.importer.includes(`${"/"}node_modules${"/"}cdktf${"/"}`) ? { path: "archiver", namespace: "trailwright-left-out" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "trailwright-left-out" }, () => ({
      loader: "js",
      contents: `module.exports = function archiver() { throw new Error("trailwright's bundle leaves out archiver: cdktf TerraformAsset archives are not supported"); };`,
    }));
  },
};

rmSync(outdir, { recursive: true, force: true }); // stale chunks from an older build must not ship

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
  plugins: [leaveOutArchiver],
  // cdktf and constructs are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __trailwrightCreateRequire } from 'node:module'; const require = __trailwrightCreateRequire(import.meta.url);" },
});

const packages = bundledPackages(result.metafile, root);
const problems = bundleProblems(packages);
if (problems.length > 0) {
  rmSync(outdir, { recursive: true, force: true });
  console.error(`bundle refused:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
writeFileSync(join(outdir, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices(packages));
