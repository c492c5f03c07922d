// Module mode (`output.mode: "module"`, `--as module`): the estate as a child
// module that an existing root module calls. What is checked:
// - Terraform accepts it: a small root module written here declares the
//   providers (aliases and region only: validate needs no credentials) and calls
//   the organization module (HCL and JSON) and the single-account module, and
//   `terraform validate` reports 0 errors and 0 warnings. One root calls all
//   three, so the costly `terraform init` (about 5 s) runs once.
// - no provider or backend blocks; the aliases it expects are declared;
// - HCL says what the JSON says, file by file;
// - the outputs reference the right resources;
// - what root mode gets from its provider settings is kept: an account guard
//   per provider (allowed_account_ids) and the tags on every taggable resource
//   (default_tags);
// - nothing is renamed: the module's addresses are root mode's plus the guards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { AWS_PROVIDER_CONSTRAINT } from "../../src/synth/estate-stack.js";
import { generateEstate, synthesizeEstate } from "../../src/synth/generate-estate.js";
import { fileText, mergedTfJson, presetTfJson, type TfJson } from "../helpers/estate-cache.js";
import { presetConfig, presetPlan, type PresetId } from "../helpers/preset-answers.js";
import { hclToJson, semanticDiff, terraformFmtCheck, terraformValidate } from "../helpers/terraform.js";

const MODULE = ["output.mode=module"];
/** Where the module is generated, relative to the repository root (generate --out infra/audit-logging from the root). */
const OUT_DIR = "infra/audit-logging";

/** The HCL block under "## Calling this module" in a module's README. */
function callSnippet(readme: string): string {
  const snippet = /## Calling this module\n[\s\S]*?```hcl\n([\s\S]*?)```/.exec(readme)?.[1];
  if (snippet === undefined) throw new Error("no module call in the README");
  return snippet;
}
const cache = new Map<string, Promise<GeneratedEstate>>();

function moduleEstate(id: PresetId, format: "hcl" | "json", extraSets: readonly string[] = []): Promise<GeneratedEstate> {
  const key = [id, format, ...extraSets].join(":");
  let pending = cache.get(key);
  if (!pending) {
    const config = presetConfig(id, [...MODULE, `output.format=${format}`, ...extraSets]);
    pending = generateEstate(resolvePlan(config), config, { outDir: OUT_DIR });
    cache.set(key, pending);
  }
  return pending;
}

async function moduleJson(id: PresetId): Promise<TfJson & { output: Record<string, { value: unknown; description?: string }> }> {
  return mergedTfJson(await moduleEstate(id, "json")) as TfJson & { output: Record<string, { value: unknown; description?: string }> };
}

function writeTerraform(estate: GeneratedEstate, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of estate.files) {
    if (!/\.tf(\.json)?$/.test(file.path)) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

// The security account holds the estate key (and uk-bank's forensics: Athena, Glue, the reviews), so all three providers are asked for.
const ORG_ALIASES = ["management", "log_archive", "security"];

const COMMON_OUTPUTS = {
  trail_arn: "${aws_cloudtrail.trail_main.arn}",
  archive_bucket_name: "${aws_s3_bucket.log_archive_bucket.bucket}",
  archive_bucket_arn: "${aws_s3_bucket.log_archive_bucket.arn}",
  access_log_bucket_name: "${aws_s3_bucket.access_logs_bucket.bucket}",
  kms_key_arn: "${aws_kms_key.estate_key.arn}",
  kms_key_alias: "${aws_kms_alias.estate_alias.name}",
  monitoring_kms_key_arn: "${aws_kms_key.monitoring_key.arn}",
  log_group_name: "${aws_cloudwatch_log_group.log_group_main.name}",
  alert_topic_arns: {
    critical: "${aws_sns_topic.alerts_critical_topic.arn}",
    warning: "${aws_sns_topic.alerts_warning_topic.arn}",
    info: "${aws_sns_topic.alerts_info_topic.arn}",
  },
};

const EXPECTED_OUTPUTS: Readonly<Record<"uk-bank" | "uk-smb", Record<string, unknown>>> = {
  "uk-bank": {
    ...COMMON_OUTPUTS,
    config_bucket_name: "${aws_s3_bucket.config_bucket.bucket}",
    guardrail_policy_ids: {
      log_protection: "${aws_organizations_policy.guardrails_log_protection_policy.id}",
      region_deny: "${aws_organizations_policy.guardrails_region_deny_policy.id}",
    },
  },
  "uk-smb": COMMON_OUTPUTS,
};

/** The caller: a root module with its own providers, calling each generated module and reading every output. */
function rootModule(): string {
  const providers = [
    'provider "aws" {\n  region = "eu-west-2"\n}', // the default provider the single-account module inherits
    ...ORG_ALIASES.map((alias) => `provider "aws" {\n  alias  = "${alias}"\n  region = "eu-west-2"\n}`),
  ];
  const passAliases = `  providers = {\n${ORG_ALIASES.map((a) => `    aws.${a} = aws.${a}`).join("\n")}\n  }\n`;
  const calls = [
    `module "uk_bank" {\n  source = "./uk-bank"\n${passAliases}}`,
    `module "uk_bank_json" {\n  source = "./uk-bank-json"\n${passAliases}}`,
    'module "uk_smb" {\n  source = "./uk-smb"\n}',
  ];
  const reads = [
    ...Object.keys(EXPECTED_OUTPUTS["uk-bank"]).flatMap((name) => [
      `output "uk_bank_${name}" {\n  value = module.uk_bank.${name}\n}`,
      `output "uk_bank_json_${name}" {\n  value = module.uk_bank_json.${name}\n}`,
    ]),
    ...Object.keys(EXPECTED_OUTPUTS["uk-smb"]).map((name) => `output "uk_smb_${name}" {\n  value = module.uk_smb.${name}\n}`),
  ];
  const terraform = `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${AWS_PROVIDER_CONSTRAINT}"\n    }\n  }\n}`;
  return [terraform, ...providers, ...calls, ...reads].join("\n\n") + "\n";
}

describe("module mode output is a child module Terraform accepts", () => {
  const root = mkdtempSync(join(tmpdir(), "tw-module-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("validates with 0 errors and 0 warnings through a root module that calls it (organization HCL and JSON, single account)", async () => {
    writeTerraform(await moduleEstate("uk-bank", "hcl"), join(root, "uk-bank"));
    writeTerraform(await moduleEstate("uk-bank", "json"), join(root, "uk-bank-json"));
    writeTerraform(await moduleEstate("uk-smb", "hcl"), join(root, "uk-smb"));
    writeFileSync(join(root, "main.tf"), rootModule());

    for (const dir of ["uk-bank", "uk-smb"]) {
      const fmt = await terraformFmtCheck(join(root, dir));
      expect(fmt.output, dir).toBe("");
    }
    const result = await terraformValidate(root);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe.each(["uk-bank", "uk-smb"] as const)("%s as a module", (id) => {
  const org = id === "uk-bank";

  it("declares no provider configuration and no backend", async () => {
    const hcl = await moduleEstate(id, "hcl");
    const tf = await moduleJson(id);
    // bootstrap/ is a root module of its own, applied once before the estate: it has providers.
    for (const file of hcl.files.filter((f) => f.path.endsWith(".tf") && !f.path.startsWith("bootstrap/"))) {
      expect(file.content, file.path).not.toMatch(/^provider\s/m);
      expect(file.content, file.path).not.toMatch(/\bbackend\s+"/);
    }
    expect(tf.provider).toBeUndefined();
    expect(tf.terraform).not.toHaveProperty("backend");
    expect(hcl.files.map((f) => f.path)).not.toContain("backend.tf");
  });

  it(org ? "names the aliases it expects; each resource keeps its account's provider" : "inherits the caller's default provider: no aliases", async () => {
    const tf = await moduleJson(id);
    const aws = (tf.terraform as { required_providers: { aws: Record<string, unknown> } }).required_providers.aws;
    expect(aws.version).toBe(AWS_PROVIDER_CONSTRAINT);
    expect(aws.source).toBe("hashicorp/aws");
    if (org) {
      expect(aws.configuration_aliases).toEqual(ORG_ALIASES.map((a) => `aws.${a}`));
      expect(fileText(await moduleEstate(id, "hcl"), "versions.tf")).toContain("configuration_aliases = [aws.management, aws.log_archive, aws.security]");
    } else {
      expect(aws).not.toHaveProperty("configuration_aliases");
    }
    // The same provider per resource as root mode, where the providers are real.
    const root = await presetTfJson(id);
    const providerOf = (json: TfJson) =>
      Object.fromEntries(Object.entries(json.resource).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`${type}.${name}`, body.provider])));
    expect(providerOf(tf)).toEqual(providerOf(root));
    expect(new Set(Object.values(providerOf(tf)))).toEqual(new Set(org ? ORG_ALIASES.map((a) => `aws.${a}`) : ["aws"]));
  });

  it("HCL says exactly what the JSON says, file by file", async () => {
    const hcl = await moduleEstate(id, "hcl");
    const json = await moduleEstate(id, "json");
    const hclFiles = hcl.files.filter((f) => f.path.endsWith(".tf")).map((f) => f.path);
    expect(hclFiles).toContain("account-guards.tf");
    expect(hclFiles).not.toContain("providers.tf");
    for (const path of hclFiles) {
      const differences = semanticDiff(await hclToJson(fileText(hcl, path)), JSON.parse(fileText(json, `${path}.json`)));
      expect(differences, path).toEqual([]);
    }
  });

  it("outputs the trail, buckets, key, log group and topics (and Config, SCPs where on), each described", async () => {
    const { output } = await moduleJson(id);
    expect(Object.fromEntries(Object.entries(output).map(([name, o]) => [name, o.value]))).toEqual(EXPECTED_OUTPUTS[id]);
    for (const [name, o] of Object.entries(output)) expect(o.description, name).toMatch(/^[A-Z].{20,}\.$/);
  });

  it("checks the account behind each provider before anything is created", async () => {
    const plan = presetPlan(id, MODULE);
    const guards = (await moduleJson(id)).data!.aws_caller_identity!;
    const roles = org ? (["management", "logArchive", "security"] as const) : (["management"] as const);
    expect(Object.keys(guards).sort()).toEqual(roles.map((r) => `account_guard_${plan.accounts[r].providerAlias ?? "default"}`).sort());
    for (const role of roles) {
      const account = plan.accounts[role];
      const guard = guards[`account_guard_${account.providerAlias ?? "default"}`] as {
        provider: string;
        lifecycle: { postcondition: { condition: string; error_message: string }[] };
      };
      expect(guard.provider).toBe(account.providerAlias ? `aws.${account.providerAlias}` : "aws");
      expect(guard.lifecycle.postcondition).toEqual([{ condition: `\${self.account_id == "${account.id}"}`, error_message: expect.stringContaining(account.id) }]);
    }
  });

  it("tags every taggable resource itself, since the caller's providers carry only the caller's default_tags", async () => {
    const plan = presetPlan(id, MODULE);
    const tf = await moduleJson(id);
    const tagsOf = (json: TfJson) => Object.values(json.resource).flatMap((byName) => Object.values(byName).map((body) => body.tags));
    const tagged = tagsOf(tf).filter((tags) => tags !== undefined);
    expect(tagged.length).toBeGreaterThan(10);
    for (const tags of tagged) expect(tags).toEqual(plan.tags);
    for (const [type, name] of [
      ["aws_s3_bucket", "log_archive_bucket"],
      ["aws_kms_key", "estate_key"],
      ["aws_cloudtrail", "trail_main"],
      ["aws_sns_topic", "alerts_critical_topic"],
    ] as const) {
      expect(tf.resource[type]![name]!.tags, `${type}.${name}`).toEqual(plan.tags);
    }
    // Root mode leaves tags to the provider's default_tags.
    const root = await presetTfJson(id);
    expect(tagsOf(root).filter((tags) => tags !== undefined)).toEqual([]);
    expect(root.provider!.aws![0]!.default_tags).toEqual([{ tags: plan.tags }]);
  });

  it("renames nothing: its addresses are root mode's plus the account guards", () => {
    const root = synthesizeEstate(presetPlan(id)).addresses;
    const module = synthesizeEstate(presetPlan(id, MODULE)).addresses;
    const guards = module.filter((a) => a.startsWith("data.aws_caller_identity.account_guard_"));
    expect(guards).toHaveLength(org ? 3 : 1);
    expect(module.filter((a) => !guards.includes(a))).toEqual(root);
  });

  it("the README's module call is the module block alone, with the path from the caller's root module, and a table of the providers it expects", async () => {
    const plan = presetPlan(id, MODULE);
    const readme = fileText(await moduleEstate(id, "hcl"), "README.md");
    const snippet = callSnippet(readme);
    expect(snippet).not.toMatch(/^\s*provider\s/m);
    const parsed = (await hclToJson(snippet)) as { module: { audit_logging: { source: string; providers?: Record<string, string> }[] } };
    expect(Object.keys(parsed)).toEqual(["module"]);
    const call = parsed.module.audit_logging[0]!;
    expect(call.source).toBe(`./${OUT_DIR}`);
    if (org) expect(call.providers).toEqual(Object.fromEntries(ORG_ALIASES.map((a) => [`aws.${a}`, `\${aws.${a}}`])));
    else expect(call.providers).toBeUndefined();
    const roles = org ? (["management", "logArchive", "security"] as const) : (["management"] as const);
    for (const role of roles) {
      const a = plan.accounts[role];
      expect(readme).toMatch(new RegExp(`^\\| \`${a.providerAlias ? `aws\\.${a.providerAlias}` : "aws \\(default\\)"}\` \\| ${a.id} \\| `, "m"));
    }
  });
});

describe("module mode details", () => {
  it("is deterministic: the same answers give byte-identical files", async () => {
    const config = presetConfig("uk-bank", [...MODULE, "output.format=hcl"]);
    const again = await generateEstate(resolvePlan(config), config, { outDir: OUT_DIR });
    expect(again.files).toEqual((await moduleEstate("uk-bank", "hcl")).files);
  });

  it("the answers' own tags reach the resources too", async () => {
    const estate = await moduleEstate("uk-smb", "json", ['tags={"cost-centre":"sec-ops"}']);
    const tf = mergedTfJson(estate);
    expect(tf.resource.aws_s3_bucket!.log_archive_bucket!.tags).toEqual({ "managed-by": "trailwright", "trailwright-estate": "audit", "cost-centre": "sec-ops" });
  });

  it("root mode gets the same outputs.tf, and no README section about calling a module", async () => {
    const config = presetConfig("uk-bank");
    const root = await generateEstate(resolvePlan(config), config);
    expect(fileText(root, "outputs.tf")).toBe(fileText(await moduleEstate("uk-bank", "hcl"), "outputs.tf"));
    expect(fileText(root, "README.md")).not.toContain("## Calling this module");
    expect(fileText(await moduleEstate("uk-bank", "hcl"), "README.md")).toContain("## Calling this module");
  });
});

describe("the README's module call, pasted into a root module that has its own provider pins", () => {
  const repo = mkdtempSync(join(tmpdir(), "tw-module-call-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  /** A root module as a team would have it: its own Terraform and provider pins, its own provider blocks. */
  function existingRoot(aliases: readonly string[]): string {
    const pins = `terraform {\n  required_version = ">= 1.10.0"\n\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${AWS_PROVIDER_CONSTRAINT}"\n    }\n  }\n}`;
    const providers = ['provider "aws" {\n  region = "eu-west-2"\n}', ...aliases.map((a) => `provider "aws" {\n  alias  = "${a}"\n  region = "eu-west-2"\n}`)];
    return [pins, ...providers].join("\n\n") + "\n";
  }

  it.each([
    ["uk-bank", ".", ORG_ALIASES],
    ["uk-smb", "infra", []],
  ] as const)("%s called from %s: terraform init and validate pass with 0 warnings", async (id, callerDir, aliases) => {
    const config = presetConfig(id, [...MODULE, `output.callerDir=${callerDir}`]);
    const estate = await generateEstate(resolvePlan(config), config, { outDir: OUT_DIR });
    const root = join(repo, id, callerDir);
    writeTerraform(estate, join(repo, id, OUT_DIR));
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "main.tf"), `${existingRoot(aliases)}\n${callSnippet(fileText(estate, "README.md"))}`);

    const fmt = await terraformFmtCheck(root);
    expect(fmt.output).toBe("");
    const result = await terraformValidate(root); // runs terraform init (local module, local provider) first
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("refuses, before writing, a caller folder that is the output folder itself", async () => {
    const config = presetConfig("uk-smb", [...MODULE, `output.callerDir=${OUT_DIR}`]);
    await expect(generateEstate(resolvePlan(config), config, { outDir: OUT_DIR })).rejects.toThrow(/output.callerDir "infra\/audit-logging" is the output folder itself/);
  });
});
