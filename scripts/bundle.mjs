// Bundles the CLI into dist/ so the published package carries only the modules
// it uses (the deep-imported provider classes, not all 392 MB of
// @cdktf/provider-aws) and installs with no dependencies. Runs on `npm install`
// (prepare), before `npm pack`, and from `npm run bench` when dist/ is stale.
//
// dist/cli.cjs is the entry (src/cli/main.ts). The commands that build the
// estate with cdktf (generate, init) run from dist/engine.cjs, one CommonJS file
// loaded with a V8 code cache made here (src/cli/load-engine.ts). The others run
// from dist/light.js, whose commands are split into chunks that load when the
// command runs (src/cli/run.ts imports commands lazily), so `presets list`
// never parses cdktf.
// dist/THIRD-PARTY-NOTICES.txt lists every bundled package with its licence.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { asciiProblems, bundleProblems } from "./bundle/bundle-checks.mjs";
import { bundledPackages } from "./bundle/bundled-packages.mjs";
import { PRESET_SETS } from "./bench/preset-answers.mjs";
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

/**
 * generate and init run from dist/engine.cjs (main.ts hands them over), so the
 * ES-module build gets a stand-in for their command modules instead of a
 * second copy of cdktf and inquirer.
 */
const commandsInEngine = {
  name: "commands-in-engine",
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/(generate|init)\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]run\.ts$/.test(args.importer) ? { path: args.path, namespace: "trailwright-in-engine" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "trailwright-in-engine" }, (args) => ({
      loader: "js",
      contents: `const inEngine = () => { throw new Error("${args.path} runs from dist/engine.cjs: src/cli/main.ts hands it over"); };
export { inEngine as runGenerate, inEngine as runInit };`,
    }));
  },
};

/**
 * cdktf requires child_process (to zip assets and run Terraform in its test
 * matchers) and assert at load time; together with net and dgram, which come
 * with child_process, that is a hundredth of a generation spent on modules a
 * generation never uses. cdktf gets stand-ins that load the real module the
 * moment it is used: child_process on first access, assert only when an
 * assertion fails, so its error is Node's own.
 */
const lazyCdktfBuiltins = {
  name: "lazy-cdktf-builtins",
  setup(b) {
    b.onResolve({ filter: /^(child_process|assert)$/ }, (args) =>
      /[\\/]node_modules[\\/]cdktf[\\/]/.test(args.importer) ? { path: args.path, namespace: "trailwright-lazy" } : undefined,
    );
    b.onLoad({ filter: /^child_process$/, namespace: "trailwright-lazy" }, () => ({
      loader: "js",
      contents: `module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });`,
    }));
    b.onLoad({ filter: /^assert$/, namespace: "trailwright-lazy" }, () => ({
      loader: "js",
      contents: `function assert(value, message) { if (!value) require("node:assert")(value, message); }
assert.ok = assert;
module.exports = assert;`,
    }));
  },
};

/** What both builds share: one Node 20 target, the same stand-ins and patches. */
const COMMON = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
  // DuckDB (70 MB native) is imported by `trailwright query` only, from the
  // user's own install; it is never bundled nor a dependency (src/query/local/load-duckdb.ts).
  external: ["@duckdb/node-api"],
  // Templates arrive precompiled, so the bundle needs Handlebars' runtime, not its compiler.
  alias: { handlebars: "handlebars/runtime" },
};

/** Stand-ins and patches every build applies (each is a no-op where its package is absent). */
const PLUGINS = [leaveOutArchiver, leaveOutEditorPrompt, precompileTemplates, fastTokenResolution];

/**
 * The CommonJS builds: their sources ask for import.meta.url (main.ts,
 * package-root.ts), which becomes a variable the preamble derives from
 * __filename. The preamble goes first, after 'use strict', in each banner.
 */
const COMMONJS = { format: "cjs", define: { "import.meta.url": "__trailwrightModuleUrl" } };
const COMMONJS_PREAMBLE = "'use strict';var __trailwrightModuleUrl = require('node:url').pathToFileURL(__filename).href;";

async function bundleInto(outdir) {
  // The entry: a few lines that pick the engine or light.js, bundled alone.
  const entry = await build({
    ...COMMON,
    ...COMMONJS,
    entryPoints: ["src/cli/main.ts"],
    outfile: join(outdir, "cli.cjs"),
    external: [...COMMON.external, "./light.js"],
    banner: { js: COMMONJS_PREAMBLE },
  });
  const result = await build({
    ...COMMON,
    entryPoints: { light: "src/cli/light.ts" },
    outdir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    plugins: [commandsInEngine, ...PLUGINS],
    // cdktf and constructs are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __trailwrightCreateRequire } from 'node:module'; const require = __trailwrightCreateRequire(import.meta.url);" },
  });
  // One file, so one V8 code cache covers it; CommonJS, because Node 20 can cache
  // a vm.Script's compilation but not an ES module's.
  const engine = await build({
    ...COMMON,
    ...COMMONJS,
    entryPoints: ["src/cli/engine.ts"],
    outfile: join(outdir, "engine.cjs"),
    plugins: [lazyCdktfBuiltins, ...PLUGINS],
    // The file is the function Node would wrap a CommonJS module in, written out
    // so load-engine.ts compiles the text as read instead of a 1.6 MB copy.
    banner: { js: `(function (exports, require, module, __filename, __dirname) {${COMMONJS_PREAMBLE}` },
    footer: { js: "})" },
  });
  const packages = bundledPackages({ inputs: { ...entry.metafile.inputs, ...result.metafile.inputs, ...engine.metafile.inputs } }, root);
  const problems = [...bundleProblems(packages), ...asciiProblems("dist/engine.cjs", readFileSync(join(outdir, "engine.cjs"), "latin1"))];
  if (problems.length > 0) throw new Error(`bundle refused:\n  ${problems.join("\n  ")}`);
  writeFileSync(join(outdir, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices(packages));
  // The JSON Schema of trailwright.json, shipped beside the CLI and named by every trailwright.json's
  // "$schema". Written by the bundle just built (`config schema`), so it comes from the same zod schema.
  const schema = spawnSync(process.execPath, [join(outdir, "cli.cjs"), "config", "schema"], { encoding: "utf8" });
  if (schema.status !== 0) throw new Error(`trailwright config schema failed:\n${schema.stderr}`);
  writeFileSync(join(outdir, "trailwright.schema.json"), schema.stdout);
  writeEngineCache(outdir);
}

/**
 * dist/engine.cjs.v8cache: the bytecode V8 compiled while the engine just built
 * ran one uk-bank generation (the organisation preset, whose code covers the
 * others'), in a scratch folder. load-engine.ts writes it when
 * TRAILWRIGHT_ENGINE_CACHE_OUT names the file.
 */
function writeEngineCache(outdir) {
  const scratch = mkdtempSync(join(tmpdir(), "trailwright-engine-cache-"));
  try {
    const sets = PRESET_SETS["uk-bank"].flatMap((s) => ["--set", s]);
    const run = spawnSync(process.execPath, [join(outdir, "cli.cjs"), "generate", "--preset", "uk-bank", "--out", "estate", ...sets], {
      cwd: scratch,
      encoding: "utf8",
      env: { ...process.env, TRAILWRIGHT_ENGINE_CACHE_OUT: join(outdir, "engine.cjs.v8cache") },
    });
    if (run.status !== 0) throw new Error(`making the engine's code cache failed: generate exited ${run.status}\n${run.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
