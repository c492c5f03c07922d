/**
 * Test helpers for the three gates every generated Terraform file must pass
 * (hcl-output.md): `terraform fmt -check`, the HCL meaning the same as the
 * JSON synthesis (semanticDiff over @cdktf/hcl2json), and `terraform validate`
 * with 0 errors and 0 warnings against the locally installed AWS provider.
 *
 * Nothing here may reach the network: init installs providers only from the
 * local plugin folder, modules are not fetched, checkpoint is off, and every
 * HTTP(S) request is sent to a closed local port through the proxy variables.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { parse } from "@cdktf/hcl2json";
import { AWS_PROVIDER_CONSTRAINT } from "../../src/synth/estate-stack.js";
import { findTerraform } from "../../src/synth/terraform-fmt.js";
import { soleInterpolation, splitTemplate } from "../../src/synth/hcl/template.js";
import { sharedTmpdir } from "./shared-tmpdir.js";

const execFileAsync = promisify(execFile);

export const PLUGIN_DIR_ENV = "TRAILWRIGHT_TF_PLUGIN_DIR";
const AWS_PROVIDER = join("registry.terraform.io", "hashicorp", "aws");

/** The folder to pass as `terraform init -plugin-dir`: the parent of registry.terraform.io. */
export function findPluginDir(): string {
  const fromEnv = process.env[PLUGIN_DIR_ENV];
  if (fromEnv) {
    const dir = basename(fromEnv) === "registry.terraform.io" ? dirname(fromEnv) : fromEnv;
    if (existsSync(join(dir, AWS_PROVIDER))) return dir;
    throw new Error(`${PLUGIN_DIR_ENV}=${fromEnv} has no ${AWS_PROVIDER} folder inside it`);
  }
  const home = homedir();
  const candidates = [
    "/opt/tf-plugins",
    "/usr/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    join(process.env.XDG_DATA_HOME ?? join(home, ".local", "share"), "terraform", "plugins"),
    join(home, ".terraform.d", "plugins"),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, AWS_PROVIDER)));
  if (found) return found;
  throw new Error(
    `No local AWS provider found (looked for ${AWS_PROVIDER} under ${candidates.join(", ")}). ` +
      `Set ${PLUGIN_DIR_ENV} to the folder that contains registry.terraform.io.`,
  );
}

function terraformBin(): string {
  const bin = findTerraform();
  if (!bin) throw new Error("terraform is not on PATH (or in TRAILWRIGHT_TERRAFORM); the Terraform gates need it");
  return bin;
}

/** A clean environment: inherited TF_* settings (TF_VAR_*, TF_WORKSPACE, a CLI config) cannot leak in. */
export function isolatedEnv(dir: string, dataDir = join(dir, ".terraform")): NodeJS.ProcessEnv {
  const closedPort = "http://127.0.0.1:9";
  const inherited = Object.fromEntries(["PATH", "HOME", "TMPDIR"].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
  return {
    ...inherited,
    TF_DATA_DIR: dataDir,
    TF_CLI_CONFIG_FILE: "/dev/null",
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    HTTP_PROXY: closedPort,
    HTTPS_PROXY: closedPort,
    http_proxy: closedPort,
    https_proxy: closedPort,
    NO_PROXY: "",
    no_proxy: "",
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function terraform(dir: string, args: string[], dataDir?: string): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync(terraformBin(), args, {
      cwd: dir,
      env: isolatedEnv(dir, dataDir),
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== "number") throw new Error(`terraform ${args.join(" ")} did not run: ${e.message}`);
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

export interface ValidateResult {
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: unknown[];
}

/** Only local module sources (./, ../) may be installed: they need no network, unlike registry or git ones. */
async function assertLocalModules(dir: string): Promise<void> {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".tf"))) {
    const config = (await hclToJson(readFileSync(join(dir, file), "utf8"))) as { module?: Record<string, { source?: unknown }[]> };
    for (const [name, blocks] of Object.entries(config.module ?? {})) {
      const source = blocks[0]?.source;
      if (typeof source !== "string" || !/^\.\.?\//.test(source)) {
        throw new Error(`${file}: module "${name}" has source ${JSON.stringify(source)}, not a local path; these helpers never fetch modules`);
      }
    }
  }
}

export async function init(dir: string, dataDir?: string, options: { localModules?: boolean } = {}): Promise<void> {
  // -get installs modules; for local paths that is only recording where they are.
  if (options.localModules) await assertLocalModules(dir);
  const get = options.localModules ? "-get=true" : "-get=false";
  const result = await terraform(dir, ["init", "-backend=false", "-input=false", get, "-no-color", `-plugin-dir=${findPluginDir()}`], dataDir);
  if (result.code !== 0) throw new Error(`terraform init failed in ${dir}:\n${result.stderr || result.stdout}`);
}

const PROVIDER_ONLY = `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${AWS_PROVIDER_CONSTRAINT}" }\n  }\n}\n`;
let shared: Promise<{ dataDir: string; lockFile: string }> | undefined;

/**
 * One initialized provider folder shared by every validate run on this machine.
 * `terraform init` copies the 700 MB provider binary into each folder it
 * initializes; a configuration without modules validates just as well against
 * a data dir initialized once, given the same lock file. Built in a temp folder
 * and renamed into place, so parallel test processes never see half of it.
 */
export function sharedProviderData(): Promise<{ dataDir: string; lockFile: string }> {
  shared ??= (async () => {
    const key = createHash("sha256").update(`${terraformBin()} ${findPluginDir()} ${PROVIDER_ONLY}`).digest("hex").slice(0, 16);
    const home = join(sharedTmpdir(), `trailwright-tf-${process.getuid?.() ?? "user"}-${key}`);
    const result = { dataDir: join(home, "data"), lockFile: join(home, "config", ".terraform.lock.hcl") };
    if (existsSync(result.lockFile)) return result;
    const staging = mkdtempSync(`${home}.staging-`);
    mkdirSync(join(staging, "config"));
    writeFileSync(join(staging, "config", "main.tf"), PROVIDER_ONLY);
    await init(join(staging, "config"), join(staging, "data"));
    try {
      renameSync(staging, home);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process got there first
    }
    return result;
  })();
  return shared;
}

/**
 * Makes `dir` ready to run terraform offline: a configuration that calls local
 * modules gets its own `terraform init` (it records where each module is), the
 * rest share one initialized provider folder. Returns the data dir to run with.
 */
export async function prepareOffline(dir: string, usesModules: boolean): Promise<string | undefined> {
  if (usesModules) {
    await init(dir, undefined, { localModules: true });
    return undefined;
  }
  const providers = await sharedProviderData();
  copyFileSync(providers.lockFile, join(dir, ".terraform.lock.hcl"));
  return providers.dataDir;
}

/**
 * `terraform validate -json` with 0 network access. Configurations that call
 * modules (local paths only) get their own `terraform init`; the rest validate
 * against the shared provider folder.
 */
export async function terraformValidate(dir: string): Promise<ValidateResult> {
  const usesModules = readdirSync(dir).some((f) => f.endsWith(".tf") && /^module\s+"/m.test(readFileSync(join(dir, f), "utf8")));
  const dataDir = await prepareOffline(dir, usesModules);
  const validate = await terraform(dir, ["validate", "-json", "-no-color"], dataDir);
  let report: { error_count?: number; warning_count?: number; diagnostics?: unknown[] };
  try {
    report = JSON.parse(validate.stdout);
  } catch {
    throw new Error(`terraform validate printed no JSON (exit ${validate.code}):\n${validate.stderr}`);
  }
  return { errors: report.error_count ?? 0, warnings: report.warning_count ?? 0, diagnostics: report.diagnostics ?? [] };
}

export interface FmtCheckResult {
  readonly clean: boolean;
  /** The files fmt would change, with diffs, or the parse errors. */
  readonly output: string;
}

/** `terraform fmt -check -diff`: clean means every .tf file is already canonical (and parses). */
export async function terraformFmtCheck(dir: string): Promise<FmtCheckResult> {
  const result = await terraform(dir, ["fmt", "-check", "-diff", "-no-color", "."]);
  return { clean: result.code === 0, output: (result.stdout + result.stderr).trim() };
}

/** HCL text converted to JSON by the same parser cdktf's convert uses (Go hcl2 compiled to wasm). */
export async function hclToJson(hclText: string): Promise<Record<string, unknown>> {
  return parse("main.tf", hclText);
}

/**
 * Differences between the JSON of a rendered HCL file (from hclToJson) and the
 * stack's JSON synthesis, one readable line each; empty when they mean the same.
 *
 * Representational differences that carry no meaning are normalised:
 * - hcl2json wraps every block in an array (`resource.t.n`, `lifecycle`,
 *   nested blocks): an array holding one object matches an object. This is
 *   why this gate cannot tell a block from an object argument; validate can.
 * - `terraform fmt` re-spaces expressions and hcl2json re-quotes bare ones:
 *   whitespace inside `${…}` (outside string literals) is ignored.
 * - a sole interpolation of a literal (`"${true}"`) equals the literal.
 * - meta-arguments are references in HCL and plain strings in cdktf's JSON
 *   (`aws.logs` / `${aws.logs}`): they compare without the `${…}`.
 * - where Terraform reads strings literally (variable defaults, descriptions,
 *   the terraform block) hcl2json keeps `$${`/`%%{` escapes; they are undone.
 */
export function semanticDiff(hclAsJson: unknown, tfJson: unknown): string[] {
  const diffs: string[] = [];
  compare(hclAsJson, withoutMetadata(tfJson), { path: "", literal: false, reference: false }, diffs);
  return diffs;
}

interface Where {
  readonly path: string;
  /** Inside a value Terraform takes literally, not as a template. */
  readonly literal: boolean;
  /** Inside a meta-argument that holds references. */
  readonly reference: boolean;
}

const REFERENCE_KEYS = new Set(["provider", "depends_on", "ignore_changes", "replace_triggered_by", "iterator", "configuration_aliases"]);

function child(where: Where, key: string): Where {
  const path = where.path ? `${where.path}.${key}` : key;
  const literal =
    where.literal ||
    /^terraform$/.test(path) ||
    /^variable\.[^.]+\.(default|description)$/.test(path) ||
    /^output\.[^.]+\.description$/.test(path);
  const reference =
    where.reference ||
    REFERENCE_KEYS.has(key) ||
    /^variable\.[^.]+\.type$/.test(path) ||
    /^(import|moved)\[\d+\]\.(to|from)$/.test(path);
  return { path, literal, reference };
}

function compare(hcl: unknown, json: unknown, where: Where, diffs: string[]): void {
  if (Array.isArray(hcl) && isRecord(json)) {
    // hcl2json's array around a single block; only `terraform` and `locals` may repeat and merge.
    if (hcl.length === 1) return compare(hcl[0], json, where, diffs);
    if ((where.path === "terraform" || where.path === "locals") && hcl.every(isRecord)) {
      return compare(Object.assign({}, ...hcl), json, where, diffs);
    }
  }
  if (isRecord(hcl) && isRecord(json)) {
    for (const key of new Set([...Object.keys(hcl), ...Object.keys(json)])) {
      compare(hcl[key], json[key], child(where, key), diffs);
    }
    return;
  }
  if (Array.isArray(hcl) && Array.isArray(json)) {
    if (hcl.length !== json.length) {
      diffs.push(`${where.path}: hcl has ${hcl.length} items, json has ${json.length}`);
      return;
    }
    hcl.forEach((item, i) => compare(item, json[i], { ...where, path: `${where.path}[${i}]` }, diffs));
    return;
  }
  if (!sameScalar(hcl, json, where)) {
    diffs.push(`${where.path}: hcl ${show(hcl)} json ${show(json)}`);
  }
}

function sameScalar(hcl: unknown, json: unknown, where: Where): boolean {
  if (typeof hcl === "string" && typeof json === "string") {
    // References first: `configuration_aliases` holds references inside the otherwise literal terraform block.
    if (where.reference) return stripInterpolation(hcl) === stripInterpolation(json);
    // A `${…}` left in a literal context would be read as an interpolation, not as text.
    if (where.literal) return isLiteralText(hcl) && unescapeTemplate(hcl) === json;
    return squeeze(hcl) === squeeze(json);
  }
  // `"${true}"` in the JSON is written `true` in HCL, which hcl2json returns as a boolean.
  if (typeof json === "string" && hcl !== undefined && (hcl === null || typeof hcl !== "object")) {
    return soleInterpolation(json) === String(hcl);
  }
  return hcl === json;
}

function stripInterpolation(s: string): string {
  return soleInterpolation(s) ?? s;
}

function isLiteralText(s: string): boolean {
  return splitTemplate(s).every((seg) => seg.kind === "literal");
}

function unescapeTemplate(s: string): string {
  return s.replace(/([$%])\1\{/g, "$1{");
}

/** A template with whitespace removed inside its `${…}` sequences, outside string literals. */
function squeeze(s: string): string {
  return splitTemplate(s)
    .map((seg) => (seg.kind === "literal" ? seg.text : squeezeExpression(seg.text)))
    .join("");
}

function squeezeExpression(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString && c === "\\") {
      out += c + (text[i + 1] ?? "");
      i += 1;
    } else if (c === '"') {
      inString = !inString;
      out += c;
    } else if (inString || !/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, v]) => [key, withoutMetadata(v)]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? "<missing>" : JSON.stringify(value);
}
