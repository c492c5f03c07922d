/**
 * A real `terraform plan`, offline (shared/reference/toolchain.md, "terraform
 * plan runs offline"): deeper than validate, it evaluates every expression,
 * renders every aws_iam_policy_document into the JSON AWS would receive, and
 * runs the provider's plan-time checks. Nothing is in state, so every resource
 * plans as "create" without an AWS call once three things are gone from a
 * scratch copy of the configuration:
 * - credentials: each provider's assume_role / allowed_account_ids (and other
 *   credential sources) are replaced by fake static keys and the skip_* flags;
 * - data sources that read AWS: every `data` block whose type is not computed
 *   locally is removed and each reference to it becomes a literal of the right
 *   shape (a reference to an attribute no fake has fails, never becomes null);
 * - the backend block.
 *
 * Works on Terraform JSON (`--format json`, or a root module a test writes as
 * .tf.json) because the edits are then plain JSON edits; any `.tf` file is
 * refused. Local module calls are followed and their folders edited the same
 * way, so module mode (a root module calling the generated module) and any
 * extra root module (`bootstrap/`) plan with the same call.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { PlanJson } from "../../src/apply-rules/plan-json.js";
import type { ProviderSettings } from "../../src/apply-rules/planned.js";
import { splitTemplate } from "../../src/synth/hcl/template.js";
import { findTerraform } from "../../src/synth/terraform-fmt.js";
import { findPluginDir, prepareOffline, terraform } from "./terraform.js";
import { sharedTmpdir } from "./shared-tmpdir.js";

/** Data sources the AWS provider computes without an API call. */
const LOCAL_DATA = new Set(["aws_iam_policy_document", "aws_partition", "aws_region"]);

/** Provider arguments that choose credentials or refuse accounts: none may reach the plan. */
const CREDENTIAL_ARGUMENTS = [
  "assume_role",
  "assume_role_with_web_identity",
  "allowed_account_ids",
  "forbidden_account_ids",
  "profile",
  "shared_config_files",
  "shared_credentials_files",
  "access_key",
  "secret_key",
  "token",
];

const OFFLINE_CREDENTIALS = {
  access_key: "AKIAOFFLINEPLAN00000",
  secret_key: "offline-plan-not-a-secret",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

export const OFFLINE_DEFAULTS = {
  organizationId: "o-abc123defg",
  rootId: "r-ab12",
  region: "eu-west-2",
} as const;

export interface FakeContext {
  readonly type: string;
  readonly name: string;
  /** The data block's arguments as written (strings may still hold `${…}`). */
  readonly body: Readonly<Record<string, unknown>>;
  /** Account of the provider the data source reads through (its allowed_account_ids). */
  readonly account: string;
  readonly region: string;
  readonly organizationId: string;
  /** Every account a provider of the configuration is pinned to. */
  readonly accounts: readonly string[];
}

export type DataFake = (ctx: FakeContext) => Record<string, unknown>;

export interface OfflinePlanOptions {
  /** Organization id the aws_organizations_organization fake reports; default: trailwright.json's organizationId, else OFFLINE_DEFAULTS. */
  readonly organizationId?: string;
  /** Extra or replacement fakes by data source type. */
  readonly fakes?: Readonly<Record<string, DataFake>>;
  /** Keep the scratch copy (for debugging a failing plan). */
  readonly keep?: boolean;
  /** Reuse a plan of the identical edited configuration (default true; TRAILWRIGHT_PLAN_CACHE=0 turns it off). */
  readonly cache?: boolean;
}

const NO_CACHE_ENV = "TRAILWRIGHT_PLAN_CACHE";

function cacheDir(): string {
  const dir = join(sharedTmpdir(), `trailwright-plan-cache-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * What decides a plan: every edited file of the scratch copy (path and bytes, module folders
 * included), the terraform binary and the provider folder it plans with.
 */
function configurationKey(scratch: string): string {
  const hash = createHash("sha256");
  const terraformPath = findTerraform() ?? "terraform";
  hash.update(`${terraformPath} ${statSync(terraformPath).mtimeMs} ${findPluginDir()}\n`);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".tf.json")) hash.update(`${relative(scratch, path)}\n`).update(readFileSync(path)).update("\n");
    }
  };
  walk(scratch);
  return hash.digest("hex").slice(0, 32);
}

export interface OfflinePlan {
  /** `terraform show -json` of the saved plan. */
  readonly json: PlanJson;
  /** The root module's provider configurations as written, before the offline edits removed their credentials. */
  readonly providers: readonly ProviderSettings[];
  /** The data blocks that were replaced, by `data.<type>.<name>` (module path prefixed). */
  readonly replacedData: readonly string[];
  readonly seconds: { readonly init: number; readonly plan: number; readonly show: number };
  /** True when the plan of an identical configuration was reused (seconds are then 0). */
  readonly cached: boolean;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---- fakes ----------------------------------------------------------------

function literalString(value: unknown, what: string): string {
  if (typeof value !== "string" || value.includes("${")) throw new Error(`${what} is ${JSON.stringify(value)}: the offline fake needs a literal`);
  return value;
}

/** Offline values for the data sources an estate reads, in the shape the provider returns. */
export const DEFAULT_FAKES: Readonly<Record<string, DataFake>> = {
  aws_caller_identity: ({ account }) => ({
    id: account,
    account_id: account,
    arn: `arn:aws:iam::${account}:user/offline-plan`,
    user_id: "AIDAOFFLINEPLAN000000",
  }),
  aws_organizations_organization: ({ account, organizationId, accounts }) => {
    const rootId = OFFLINE_DEFAULTS.rootId;
    const member = (id: string) => ({
      id,
      arn: `arn:aws:organizations::${account}:account/${organizationId}/${id}`,
      email: `aws+${id}@example.com`,
      name: `account-${id}`,
      status: "ACTIVE",
    });
    return {
      id: organizationId,
      arn: `arn:aws:organizations::${account}:organization/${organizationId}`,
      feature_set: "ALL",
      master_account_id: account,
      master_account_arn: `arn:aws:organizations::${account}:account/${organizationId}/${account}`,
      master_account_email: `aws+${account}@example.com`,
      master_account_name: "management",
      aws_service_access_principals: ["cloudtrail.amazonaws.com", "config-multiaccountsetup.amazonaws.com", "config.amazonaws.com"],
      enabled_policy_types: ["SERVICE_CONTROL_POLICY"],
      roots: [
        {
          id: rootId,
          arn: `arn:aws:organizations::${account}:root/${organizationId}/${rootId}`,
          name: "Root",
          policy_types: [{ status: "ENABLED", type: "SERVICE_CONTROL_POLICY" }],
        },
      ],
      accounts: accounts.map(member),
      non_master_accounts: accounts.filter((a) => a !== account).map(member),
    };
  },
  aws_cloudwatch_log_group: ({ body, account, region, type, name }) => {
    const groupName = literalString(body.name, `data.${type}.${name}.name`);
    return {
      id: groupName,
      name: groupName,
      arn: `arn:aws:logs:${region}:${account}:log-group:${groupName}`,
      creation_time: 1700000000000,
      kms_key_id: "",
      log_group_class: "STANDARD",
      retention_in_days: 365,
      tags: {},
    };
  },
  aws_iam_role: ({ body, account, type, name }) => {
    const roleName = literalString(body.name, `data.${type}.${name}.name`);
    return {
      id: roleName,
      name: roleName,
      arn: `arn:aws:iam::${account}:role/${roleName}`,
      path: "/",
      unique_id: "AROAOFFLINEPLAN000000",
      assume_role_policy: "{}",
      tags: {},
    };
  },
  aws_sns_topic: ({ body, account, region, type, name }) => {
    const topicName = literalString(body.name, `data.${type}.${name}.name`);
    return { id: `arn:aws:sns:${region}:${account}:${topicName}`, arn: `arn:aws:sns:${region}:${account}:${topicName}`, name: topicName, tags: {} };
  },
  aws_s3_bucket: ({ body, region, type, name }) => {
    const bucket = literalString(body.bucket, `data.${type}.${name}.bucket`);
    return { id: bucket, bucket, arn: `arn:aws:s3:::${bucket}`, region, bucket_domain_name: `${bucket}.s3.amazonaws.com` };
  },
};

// ---- references -----------------------------------------------------------

/** `data.<type>.<name>` followed by `.attr`, `[n]` or `["key"]` steps. */
const DATA_REFERENCE = /\bdata\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\["[^"]*"\])*)/g;

/** An HCL expression for a JSON value (HCL accepts JSON's literal syntax; `${` would start a template, so it is escaped). */
function hclLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** Follows `steps` into `value` as far as it goes; the rest is left for Terraform to evaluate on the literal. */
function follow(value: unknown, steps: string, where: string): { value: unknown; rest: string } {
  const parts = steps.match(/\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\["[^"]*"\]/g) ?? [];
  let current = value;
  let consumed = 0;
  for (const part of parts) {
    const key = part.startsWith(".") ? part.slice(1) : part.startsWith('["') ? part.slice(2, -2) : Number(part.slice(1, -1));
    if (typeof key === "number" ? Array.isArray(current) && key < current.length : isRecord(current) && key in current) {
      current = (current as Record<string | number, unknown>)[key];
      consumed += part.length;
    } else if (isRecord(current) || (Array.isArray(current) && typeof key === "number")) {
      throw new Error(`${where}${steps.slice(0, consumed)}${part} has no offline value: add it to the fake in test/helpers/terraform-plan.ts`);
    } else break;
  }
  return { value: current, rest: steps.slice(consumed) };
}

function substituteReferences(text: string, fakes: ReadonlyMap<string, unknown>): string {
  if (!text.includes("data.")) return text;
  return splitTemplate(text)
    .map((segment) =>
      segment.kind === "literal"
        ? segment.text
        : segment.text.replace(DATA_REFERENCE, (whole, type: string, name: string, steps: string) => {
            const key = `data.${type}.${name}`;
            if (!fakes.has(key)) return whole;
            const { value, rest } = follow(fakes.get(key), steps, key);
            return hclLiteral(value) + rest;
          }),
    )
    .join("");
}

/** A whole Terraform JSON value with every reference to a replaced data source made literal. */
function rewrite(value: unknown, fakes: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === "string") return substituteReferences(value, fakes);
  if (Array.isArray(value)) return value.map((v) => rewrite(v, fakes));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, fakes)]));
  return value;
}

/** depends_on entries naming a replaced data source are dropped: a literal has nothing to wait for. */
function dropDataDependencies(value: unknown, fakes: ReadonlyMap<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => dropDataDependencies(v, fakes));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === "depends_on" && Array.isArray(v)) {
        return [k, v.filter((ref) => !fakes.has(String(ref).replace(/^\$\{|\}$/g, "").split(/[[.]/).slice(0, 3).join(".")))];
      }
      return [k, dropDataDependencies(v, fakes)];
    }),
  );
}

// ---- modules --------------------------------------------------------------

interface ProviderInfo {
  readonly account: string | undefined;
  readonly region: string;
}

interface ModuleFolder {
  readonly dir: string;
  /** Module path for messages ("" for the root). */
  readonly path: string;
  /** Provider reference inside this module ("aws", "aws.management") -> what it is. */
  readonly providers: ReadonlyMap<string, ProviderInfo>;
}

function readJsonFiles(dir: string): { file: string; json: Json }[] {
  const names = readdirSync(dir).sort();
  const hcl = names.filter((n) => n.endsWith(".tf"));
  if (hcl.length > 0) throw new Error(`${dir} has HCL files (${hcl.join(", ")}): the offline plan edits Terraform JSON; generate with --format json`);
  return names.filter((n) => n.endsWith(".tf.json")).map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), "utf8")) as Json }));
}

function blocks(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];
}

function providerRef(value: unknown): string {
  return value === undefined ? "aws" : String(value).replace(/^\$\{|\}$/g, "");
}

/** The defaults of a module's input variables: what a plan run without -var or TF_VAR_ uses. */
function variableDefaults(files: readonly { json: Json }[]): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  for (const { json } of files) {
    if (!isRecord(json.variable)) continue;
    for (const [name, block] of Object.entries(json.variable)) if (isRecord(block) && "default" in block) defaults.set(name, block.default);
  }
  return defaults;
}

/** `${var.x}` in a provider argument, as Terraform evaluates it with the variable's default; anything else unknown is an error. */
function withDefaults(text: string, defaults: ReadonlyMap<string, unknown>): string {
  return text.replace(/\$\{var\.([\w-]+)\}/g, (_, name: string) => {
    if (!defaults.has(name)) throw new Error(`a provider argument reads var.${name}, which has no default: the offline plan cannot say what it assumes`);
    return String(defaults.get(name));
  });
}

/** Provider blocks of one module: their pinned account and region, then the offline edits. */
function editProviders(json: Json, providers: Map<string, ProviderInfo>, settings: ProviderSettings[], defaults: ReadonlyMap<string, unknown>): void {
  const aws = json.provider && isRecord(json.provider) ? json.provider.aws : undefined;
  if (aws === undefined) return;
  const edited = blocks(aws).map((block) => {
    const ids = block.allowed_account_ids;
    const account = Array.isArray(ids) && ids.length === 1 ? String(ids[0]) : undefined;
    const ref = block.alias === undefined ? "aws" : `aws.${String(block.alias)}`;
    providers.set(ref, { account, region: typeof block.region === "string" ? block.region : OFFLINE_DEFAULTS.region });
    settings.push({
      key: ref,
      region: typeof block.region === "string" ? block.region : undefined,
      allowedAccountIds: Array.isArray(ids) ? ids.map(String) : undefined,
      assumeRoleArns: blocks(block.assume_role).map((r) => withDefaults(String(r.role_arn), defaults)),
    });
    const kept = Object.fromEntries(Object.entries(block).filter(([k]) => !CREDENTIAL_ARGUMENTS.includes(k)));
    return { ...kept, ...OFFLINE_CREDENTIALS };
  });
  (json.provider as Json).aws = edited;
}

/**
 * A block with no `provider` argument uses the default `aws` configuration; when the root
 * declares none, Terraform would make an empty one that looks for real credentials.
 */
function ensureDefaultProvider(files: { json: Json }[], providers: ReadonlyMap<string, ProviderInfo>): void {
  if (providers.has("aws")) return;
  const first = files[0];
  if (!first) return;
  const region = [...providers.values()][0]?.region ?? OFFLINE_DEFAULTS.region;
  const provider = (isRecord(first.json.provider) ? first.json.provider : (first.json.provider = {})) as Json;
  provider.aws = [...blocks(provider.aws), { region, ...OFFLINE_CREDENTIALS }];
}

function editTerraformBlock(json: Json): void {
  for (const block of blocks(json.terraform)) {
    delete block.backend;
    delete block.cloud;
  }
}

interface Collected {
  readonly fakes: Map<string, unknown>;
  readonly replaced: string[];
}

function collectData(json: Json, folder: ModuleFolder, options: Required<Pick<OfflinePlanOptions, "organizationId">> & OfflinePlanOptions, accounts: readonly string[], out: Collected): void {
  if (!isRecord(json.data)) return;
  const fakes = { ...DEFAULT_FAKES, ...options.fakes };
  for (const [type, byName] of Object.entries(json.data)) {
    if (LOCAL_DATA.has(type) || !isRecord(byName)) continue;
    for (const [name, raw] of Object.entries(byName)) {
      const body = blocks(raw)[0] ?? {};
      const where = `${folder.path ? `${folder.path}.` : ""}data.${type}.${name}`;
      if (body.count !== undefined || body.for_each !== undefined) throw new Error(`${where} uses count/for_each, which the offline plan does not fake yet`);
      const fake = fakes[type];
      if (!fake) throw new Error(`${where} reads AWS and has no offline fake: add one for ${type} to DEFAULT_FAKES in test/helpers/terraform-plan.ts`);
      const provider = folder.providers.get(providerRef(body.provider));
      if (!provider?.account) throw new Error(`${where}: provider ${providerRef(body.provider)} is not pinned to one account (allowed_account_ids), so its fake has no account`);
      out.fakes.set(`data.${type}.${name}`, fake({ type, name, body, account: provider.account, region: provider.region, organizationId: options.organizationId, accounts }));
      out.replaced.push(where);
    }
    delete json.data[type];
  }
  if (Object.keys(json.data).length === 0) delete json.data;
}

/** Local module calls of one folder's files, with the provider each child reference maps to. */
function moduleCalls(files: { json: Json }[], parent: ModuleFolder): ModuleFolder[] {
  const calls: ModuleFolder[] = [];
  for (const { json } of files) {
    if (!isRecord(json.module)) continue;
    for (const [name, raw] of Object.entries(json.module)) {
      const call = blocks(raw)[0] ?? {};
      const source = String(call.source);
      if (!/^\.\.?\//.test(source)) throw new Error(`module "${name}" has source ${source}: only local modules plan offline`);
      const providers = new Map<string, ProviderInfo>();
      // A child inherits the default provider unless the call maps it; aliases must be passed explicitly.
      if (parent.providers.has("aws")) providers.set("aws", parent.providers.get("aws")!);
      for (const [child, parentRef] of Object.entries(isRecord(call.providers) ? call.providers : {})) {
        const info = parent.providers.get(providerRef(parentRef));
        if (info) providers.set(child, info);
      }
      calls.push({ dir: resolve(parent.dir, source), path: `${parent.path ? `${parent.path}.` : ""}module.${name}`, providers });
    }
  }
  return calls;
}

function copyConfiguration(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const name = relative(from, src).split("/").pop() ?? "";
      return !name.startsWith(".terraform") && !name.endsWith(".tfstate") && (statSync(src).isDirectory() || name.endsWith(".tf.json") || name.endsWith(".tf"));
    },
  });
}

function organizationIdOf(dir: string): string | undefined {
  const answers = join(dir, "trailwright.json");
  if (!existsSync(answers)) return undefined;
  const id = (JSON.parse(readFileSync(answers, "utf8")) as { organizationId?: unknown }).organizationId;
  return typeof id === "string" ? id : undefined;
}

/**
 * Plans the root module in `dir` offline and returns `terraform show -json`.
 * `dir` itself is never changed: the edits happen in a scratch copy.
 */
export async function planOffline(dir: string, options: OfflinePlanOptions = {}): Promise<OfflinePlan> {
  const scratch = mkdtempSync(join(tmpdir(), "tw-plan-"));
  try {
    copyConfiguration(dir, scratch);
    const organizationId = options.organizationId ?? organizationIdOf(dir) ?? OFFLINE_DEFAULTS.organizationId;
    const root: ModuleFolder = { dir: scratch, path: "", providers: new Map() };

    // Walk the root, then each local module it calls, editing in place.
    const queue: ModuleFolder[] = [root];
    const replaced: string[] = [];
    const settings: ProviderSettings[] = [];
    let usesModules = false;
    while (queue.length > 0) {
      const folder = queue.shift()!;
      const files = readJsonFiles(folder.dir);
      const providers = folder.providers as Map<string, ProviderInfo>;
      const defaults = variableDefaults(files);
      for (const { json } of files) {
        // Only the root's providers configure anything a plan uses; a child's would be legacy and is edited alike.
        editProviders(json, providers, folder === root ? settings : [], defaults);
        editTerraformBlock(json);
      }
      if (folder === root) ensureDefaultProvider(files, providers);
      const accounts = [...new Set([...root.providers.values()].map((p) => p.account).filter((a): a is string => a !== undefined))].sort();
      const collected: Collected = { fakes: new Map(), replaced };
      for (const { json } of files) collectData(json, folder, { ...options, organizationId }, accounts, collected);
      for (const { file, json } of files) {
        writeFileSync(join(folder.dir, file), JSON.stringify(dropDataDependencies(rewrite(json, collected.fakes), collected.fakes), null, 2));
      }
      const calls = moduleCalls(files, folder);
      usesModules ||= calls.length > 0;
      queue.push(...calls);
    }

    // The same edited configuration, terraform and provider give the same plan: reuse it across test files and runs.
    const cacheFile = options.cache === false || process.env[NO_CACHE_ENV] === "0" ? undefined : join(cacheDir(), `${configurationKey(scratch)}.json`);
    if (cacheFile && existsSync(cacheFile)) {
      const json = JSON.parse(readFileSync(cacheFile, "utf8")) as PlanJson;
      return { json, providers: settings, replacedData: replaced, seconds: { init: 0, plan: 0, show: 0 }, cached: true };
    }

    const started = Date.now();
    const dataDir = await prepareOffline(scratch, usesModules);
    const initSeconds = (Date.now() - started) / 1000;

    const planStarted = Date.now();
    const plan = await terraform(scratch, ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=plan.bin"], dataDir);
    if (plan.code !== 0) throw new Error(`terraform plan failed (exit ${plan.code}) in ${scratch}:\n${plan.stderr || plan.stdout}`);
    const planSeconds = (Date.now() - planStarted) / 1000;

    const showStarted = Date.now();
    const show = await terraform(scratch, ["show", "-json", "-no-color", "plan.bin"], dataDir);
    if (show.code !== 0) throw new Error(`terraform show failed (exit ${show.code}):\n${show.stderr}`);
    const json = JSON.parse(show.stdout) as PlanJson;
    if (cacheFile) {
      // Written whole under a temporary name and renamed, so a parallel reader never sees half of it.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, show.stdout);
      renameSync(partial, cacheFile);
    }
    return { json, providers: settings, replacedData: replaced, seconds: { init: initSeconds, plan: planSeconds, show: (Date.now() - showStarted) / 1000 }, cached: false };
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}
