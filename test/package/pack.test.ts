// What an npx user gets: `npm pack` the package (which bundles it through the
// prepare script), install the tarball into a clean folder with the registry
// switched off, and run the installed bin. The tarball must carry everything it
// needs: no dependency is fetched, above all not the 392 MB @cdktf/provider-aws.
import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATION_V8_FLAGS } from "../../src/cli/v8-flags.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { PRESET_SETS, presetConfig } from "../helpers/preset-answers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAX_INSTALLED_BYTES = 5_000_000;

let work: string;
let tarball: string;
let packInfo: { unpackedSize: number; files: { path: string }[] };
let app: string;

/** npm with this machine's user config ignored where it only adds warnings, and no registry. */
function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--no-update-notifier"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function dirSize(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + dirSize(join(path, entry)), 0) : stat.size;
}

function sets(id: keyof typeof PRESET_SETS): string[] {
  return PRESET_SETS[id].flatMap((s) => ["--set", s]);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "trailwright-pack-"));
  // `npm pack` runs `prepare`, so the tarball holds a bundle of the sources as they are now.
  [packInfo] = JSON.parse(npm(["pack", "--json", "--pack-destination", work], root));
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);

  app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-test-app", private: true }));
  // --offline: installing must need nothing but the tarball.
  npm(["install", "--offline", tarball], app);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("installs with no dependencies: node_modules holds trailwright alone", () => {
    expect(readdirSync(join(app, "node_modules")).filter((f) => !f.startsWith(".")).sort()).toEqual(["trailwright"]);
    expect(existsSync(join(app, "node_modules", "@cdktf", "provider-aws"))).toBe(false);
    const installed = JSON.parse(readFileSync(join(app, "node_modules", "trailwright", "package.json"), "utf8"));
    expect(installed.dependencies ?? {}).toEqual({});
    expect(installed.peerDependencies ?? {}).toEqual({});
  });

  it(`stays under ${MAX_INSTALLED_BYTES / 1e6} MB installed`, () => {
    expect(packInfo.unpackedSize).toBeLessThan(MAX_INSTALLED_BYTES);
    expect(dirSize(join(app, "node_modules", "trailwright"))).toBeLessThan(MAX_INSTALLED_BYTES);
  });

  it("ships its licence, the bundled packages' notices, presets and templates, and no sources or tests", () => {
    const paths = packInfo.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["LICENSE", "README.md", "bin/trailwright.cjs", "dist/cli.cjs", "dist/light.js", "dist/engine.cjs", "dist/engine.cjs.v8cache", "dist/THIRD-PARTY-NOTICES.txt", "presets/uk-bank.json"]));
    expect(paths.some((p) => p.startsWith("templates/"))).toBe(true);
    expect(paths.filter((p) => /^(src|test|scripts|node_modules)\/|\.ts$/.test(p))).toEqual([]);

    const pkg = join(app, "node_modules", "trailwright");
    expect(readFileSync(join(pkg, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    const notices = readFileSync(join(pkg, "dist", "THIRD-PARTY-NOTICES.txt"), "utf8");
    expect(notices).toMatch(/^cdktf 0\.21\.0 {2}\(MPL-2\.0\)$/m);
    expect(notices).toMatch(/^@cdktf\/provider-aws [\d.]+ {2}\(MPL-2\.0\)$/m);
    expect(notices).toContain("Mozilla Public License, version 2.0");
    // The notices list every package the build put into dist/ (from esbuild's metafile).
    expect(notices).not.toMatch(/cloud-copilot|AGPL/);
  });

  it("loads cdktf only for the commands that synthesize, from the engine: `presets`, `query` and `--help` never parse it", () => {
    const dist = join(app, "node_modules", "trailwright", "dist");
    const esm = [join(dist, "cli.cjs"), join(dist, "light.js"), ...readdirSync(join(dist, "chunks")).map((f) => join(dist, "chunks", f))].map((f) => readFileSync(f, "utf8"));
    expect(esm.some((text) => text.includes("TerraformStack"))).toBe(false);
    const inquirer = "[Inquirer] Hook functions can only be called from within a prompt";
    expect(esm.some((text) => text.includes(inquirer))).toBe(false);
    // generate and init run from the engine, which carries cdktf and inquirer (each evaluated only when used).
    const engine = readFileSync(join(dist, "engine.cjs"), "latin1");
    expect(engine).toContain("TerraformStack");
    expect(engine).toContain(inquirer);
  });

  it("ships the engine's V8 code cache, which V8 accepts under the flags main.ts sets and refuses under others", () => {
    const engine = join(app, "node_modules", "trailwright", "dist", "engine.cjs");
    // What load-engine.ts does, in a fresh node: compile the engine with its cache and ask V8 whether it used it.
    const compile = `const { readFileSync } = require("node:fs"); const file = process.env.ENGINE;
      if (process.env.FLAGS) require("node:v8").setFlagsFromString(process.env.FLAGS);
      const script = new (require("node:vm").Script)(readFileSync(file, "latin1"), { filename: file, cachedData: readFileSync(file + ".v8cache") });
      process.stdout.write(script.cachedDataRejected ? "rejected" : "accepted");`;
    const verdict = (flags: string) => execFileSync(process.execPath, ["-e", compile], { encoding: "utf8", env: { ...process.env, ENGINE: engine, FLAGS: flags } });
    expect(verdict(GENERATION_V8_FLAGS)).toBe("accepted");
    expect(verdict("")).toBe("rejected");
  });

  it("leaves DuckDB out: query --list runs without it, a query names the one command that installs it", () => {
    const dist = join(app, "node_modules", "trailwright", "dist");
    const chunks = readdirSync(join(dist, "chunks")).map((f) => readFileSync(join(dist, "chunks", f), "utf8"));
    // The import stays a bare specifier resolved at run time; no DuckDB code is inside.
    expect(chunks.filter((c) => c.includes('import("@duckdb/node-api")'))).toHaveLength(1);
    expect(chunks.some((c) => c.includes("@duckdb/node-bindings") || c.includes("DuckDBLogicalType"))).toBe(false);

    const list = execFileSync("npx", ["--no", "trailwright", "query", "--list"], { cwd: app, encoding: "utf8" });
    expect(list).toMatch(/^daily-review\s+high\s+Daily review summary$/m);
    const logs = join(work, "logs", "AWSLogs", "111122223333", "CloudTrail", "eu-west-2", "2026", "12", "01");
    mkdirSync(logs, { recursive: true });
    writeFileSync(join(logs, "111122223333_CloudTrail_eu-west-2_20261201T1005Z_x.json.gz"), "");
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync("npx", ["--no", "trailwright", "query", "root-usage", "--logs", join(work, "logs")], { cwd: app, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain(`install it with: npm install --prefix "${app}" @duckdb/node-api@`);
  });

  it("ships the JSON Schema of trailwright.json that every written trailwright.json names, generated from the config schema", async () => {
    const { configJsonSchema } = await import("../../src/config/json-schema.js");
    const { SCHEMA_FILE, schemaUrl } = await import("../../src/config/schema-url.js");
    expect(packInfo.files.map((f) => f.path)).toContain(SCHEMA_FILE);
    const shipped = JSON.parse(readFileSync(join(app, "node_modules", "trailwright", SCHEMA_FILE), "utf8"));
    expect(shipped).toEqual(configJsonSchema());
    expect(shipped.$id).toBe(schemaUrl());
  });

  it("runs from the installed bin: npx trailwright presets list", () => {
    const out = execFileSync("npx", ["--no", "trailwright", "presets", "list"], { cwd: app, encoding: "utf8" });
    expect(out).toMatch(/^uk-smb\s+\S/m);
    expect(out).toMatch(/^uk-bank\s+\S/m);
    expect(out).toMatch(/^uk-healthcare\s+\S/m);
  });

  it("generates an estate byte-identical to the sources' own generation, leaving nothing else in the working folder", async () => {
    const run: ExecFileSyncOptions = { cwd: app, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] };
    execFileSync("npx", ["--no", "trailwright", "generate", "--preset", "uk-smb", "--out", "estate", ...sets("uk-smb")], run);

    const config = presetConfig("uk-smb");
    const fromSources = await generateEstate(resolvePlan(config), config);
    for (const file of fromSources.files) expect(readFileSync(join(app, "estate", file.path), "utf8"), file.path).toBe(file.content);
    expect(fromSources.files.map((f) => f.path)).toEqual(expect.arrayContaining(["trail.tf", "keys.tf", "versions.tf", "trailwright.json"]));
    // cdktf's App makes a cdktf.out/ folder where it runs unless told otherwise.
    expect(readdirSync(app).sort()).toEqual(["estate", "node_modules", "package-lock.json", "package.json"]);
  });

  it("generates without loading child_process or assert: cdktf's stand-ins load them only when used", () => {
    const out = join(work, "lean");
    const record = join(work, "builtins.json");
    // Preloaded into the CLI's own process: the built-in modules it loaded, written as it exits.
    const preload = join(work, "record-builtins.cjs");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.moduleLoadList)));`);
    const bin = join(app, "node_modules", "trailwright", "bin", "trailwright.cjs");
    execFileSync(process.execPath, ["-r", preload, bin, "generate", "--preset", "uk-bank", "--out", out, ...sets("uk-bank")], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    const loaded = JSON.parse(readFileSync(record, "utf8")) as string[];
    expect(loaded).toContain("NativeModule crypto"); // the record works: cdktf and the manifest hash with it
    expect(loaded.filter((m) => /^NativeModule (child_process|assert|dgram)$/.test(m))).toEqual([]);
    expect(readFileSync(join(out, "trail.tf"), "utf8")).toMatch(/^resource "aws_cloudtrail" "trail_main" \{$/m);
  });

  it("renders pipeline templates from the installed package", () => {
    const out = join(work, "repo", "infra");
    mkdirSync(join(work, "repo", ".git"), { recursive: true }); // pipeline paths are relative to the repository root
    execFileSync("npx", ["--no", "trailwright", "generate", "--preset", "uk-bank", "--out", out, ...sets("uk-bank"), "--set", "output.pipelines=github,gitlab"], {
      cwd: app,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const files = readdirSync(out, { recursive: true, encoding: "utf8" });
    expect(files.filter((f) => /\.ya?ml$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  it("runs straight from the tarball: npx ./trailwright-*.tgz init --yes", () => {
    const cache = join(work, "npm-cache"); // a private cache: npx unpacks the tarball there, not in ~/.npm
    // `./` makes npx read the argument as a package file (an absolute path is taken for a command).
    const spec = `./${basename(tarball)}`;
    execFileSync("npx", ["--yes", "--offline", `--cache=${cache}`, spec, "init", "--preset", "uk-smb", "--yes", "--out", "from-npx", ...sets("uk-smb")], {
      cwd: work,
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(readFileSync(join(work, "from-npx", "trail.tf"), "utf8")).toMatch(/^resource "aws_cloudtrail" "trail_main" \{$/m);
  });
});
