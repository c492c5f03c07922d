// Bundles the CLI into dist/ so the published package carries only the modules
// it uses (the deep-imported provider classes, not all 392 MB of
// @cdktf/provider-aws) and installs with no dependencies. Runs on `npm install`
// (prepare), before `npm pack`, and from `npm run bench` when dist/ is stale.
//
// dist/cli.js is the entry; each command's modules are split into chunks that
// load when the command runs (src/cli/run.ts imports commands lazily), so
// `presets list` never parses cdktf and `generate` never parses inquirer.
// dist/THIRD-PARTY-NOTICES.txt lists every bundled package with its licence.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bundleProblems } from "./bundle/bundle-checks.mjs";
import { bundledPackages } from "./bundle/bundled-packages.mjs";
import { fastTokenResolution } from "./bundle/fast-token-resolution.mjs";
import { thirdPartyNotices } from "./bundle/third-party-notices.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, "dist");
// Built beside dist/ and swapped in at the end: a CLI run or a test reading
// dist/ while a build runs (npm pack runs one) sees the old bundle or the new
// one, never a half-written or missing one, and stale chunks never survive.
const staging = join(root, `.dist-build-${process.pid}`);
const retired = join(root, `.dist-old-${process.pid}`);

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
      /[\\/]node_modules[\\/]cdktf[\\/]/.test(args.importer) ? { path: "archiver", namespace: "trailwright-left-out" } : undefined,
    );
    b.onLoad({ filter: /^archiver$/, namespace: "trailwright-left-out" }, () => ({
      loader: "js",
      contents: `module.exports = function archiver() { throw new Error("trailwright's bundle leaves out archiver: cdktf TerraformAsset archives are not supported"); };`,
    }));
    b.onLoad({ filter: /^@inquirer\/editor$/, namespace: "trailwright-left-out" }, () => ({
      loader: "js",
      contents: `export default function editor() { throw new Error("trailwright's bundle leaves out the editor prompt: the wizard never asks in an editor"); }`,
    }));
  },
};

/**
 * inquirer's prompt module registers every prompt it has, the editor prompt
 * among them, which pulls in @inquirer/external-editor and with it iconv-lite
 * and chardet (about 540 KB, four fifths of the init chunk) to open $EDITOR.
 * The wizard never asks in an editor, so the bundle gets a stand-in that fails
 * loudly if a future question ever does, and `init` parses a fifth of the code.
 */
const leaveOutEditorPrompt = {
  name: "leave-out-editor-prompt",
  setup(b) {
    b.onResolve({ filter: /^@inquirer\/editor$/ }, (args) =>
      /[\\/]node_modules[\\/](inquirer|@inquirer[\\/]prompts)[\\/]/.test(args.importer) ? { path: "@inquirer/editor", namespace: "trailwright-left-out" } : undefined,
    );
  },
};

/**
 * Every template under templates/ precompiled into the bundle (src/render/
 * precompiled-templates.ts is empty from source), with the options the source
 * path compiles with: rendering then skips Handlebars' compiler on every run.
 */
const precompileTemplates = {
  name: "precompile-templates",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => {
      const { default: Handlebars } = await import("handlebars");
      const options = { strict: true, noEscape: true, knownHelpersOnly: true }; // = TEMPLATE_OPTIONS in src/render/templates.ts
      const templates = join(root, "templates");
      const names = readdirSync(templates, { recursive: true })
        .map((f) => String(f).replaceAll("\\", "/"))
        .filter((f) => f.endsWith(".hbs"))
        .sort();
      const entries = names.map((f) => `${JSON.stringify(f.slice(0, -".hbs".length))}: ${Handlebars.precompile(readFileSync(join(templates, f), "utf8"), options)}`);
      return { loader: "js", contents: `export const PRECOMPILED = {\n${entries.join(",\n")}\n};\n`, watchFiles: names.map((f) => join(templates, f)) };
    });
  },
};

async function bundleInto(outdir) {
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
    plugins: [leaveOutArchiver, leaveOutEditorPrompt, precompileTemplates, fastTokenResolution],
    // DuckDB (70 MB native) is imported by `trailwright query` only, from the
    // user's own install; it is never bundled nor a dependency (src/query/local/load-duckdb.ts).
    external: ["@duckdb/node-api"],
    // Templates arrive precompiled, so the bundle needs Handlebars' runtime, not its compiler.
    alias: { handlebars: "handlebars/runtime" },
    // cdktf and constructs are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __trailwrightCreateRequire } from 'node:module'; const require = __trailwrightCreateRequire(import.meta.url);" },
  });
  const packages = bundledPackages(result.metafile, root);
  const problems = bundleProblems(packages);
  if (problems.length > 0) throw new Error(`bundle refused:\n  ${problems.join("\n  ")}`);
  writeFileSync(join(outdir, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices(packages));
  // The JSON Schema of trailwright.json, shipped beside the CLI and named by every trailwright.json's
  // "$schema". Written by the bundle just built (`config schema`), so it comes from the same zod schema.
  const schema = spawnSync(process.execPath, [join(outdir, "cli.js"), "config", "schema"], { encoding: "utf8" });
  if (schema.status !== 0) throw new Error(`trailwright config schema failed:\n${schema.stderr}`);
  writeFileSync(join(outdir, "trailwright.schema.json"), schema.stdout);
}

try {
  await bundleInto(staging);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error.message);
  process.exit(1);
}
try {
  renameSync(dist, retired);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
renameSync(staging, dist);
rmSync(retired, { recursive: true, force: true });
