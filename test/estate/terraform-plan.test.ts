// A real offline `terraform plan` (shared/reference/toolchain.md) of every
// preset, the Control Tower variant, module mode through a root module, and a
// single-account and an organization configuration built here, and WorkSpaces
// monitoring in one account and in two member accounts: every plan
// succeeds, creates exactly the resources the synthesis declares, renders
// every policy document AWS would receive, and passes every apply-time rule
// (src/apply-rules). The bootstrap/ root module plans with the same helper.
// The plans take seconds each, so each variant is planned once per run and
// shared by its tests.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PlannedEstate } from "../../src/apply-rules/planned.js";
import { runApplyRules } from "../../src/apply-rules/run.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { TrailwrightConfig } from "../../src/config/schema.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { AWS_PROVIDER_CONSTRAINT } from "../../src/synth/estate-stack.js";
import { mergedTfJson, type TfJson } from "../helpers/estate-cache.js";
import { estateFacts } from "../helpers/estate-facts.js";
import { generateJsonEstate } from "../helpers/planned-estate.js";
import { presetConfig, PRESET_IDS } from "../helpers/preset-answers.js";
import { planOffline, type OfflinePlan } from "../helpers/terraform-plan.js";
import { workspacesConfig } from "../helpers/workspaces-answers.js";

const SINGLE_BUILT: readonly string[] = [
  "jurisdiction=eu",
  "industry=general",
  "topology=single-account",
  "homeRegion=eu-west-1",
  "residency=false",
  "accounts.management=444444444444",
  "retention.archiveDays=400",
  "retention.hotDays=365",
  "storage.objectLock.mode=GOVERNANCE",
  "storage.objectLock.days=400",
  "storage.mfaDelete=false",
  "alerts.emails=ops@example.com",
  "dataEvents.s3=off",
  "insights=false",
  "config=true",
];

const ORGANIZATION_BUILT: readonly string[] = [
  "jurisdiction=uk",
  "industry=payments",
  "topology=organization",
  "homeRegion=eu-west-2",
  "allowedRegions=eu-west-2",
  "residency=true",
  "accounts.management=555555555555",
  "accounts.logArchive=666666666666",
  "accounts.security=777777777777",
  "organizationId=o-zyx987wvut",
  "retention.archiveDays=2555",
  "retention.hotDays=365",
  "storage.objectLock.mode=COMPLIANCE",
  "storage.objectLock.days=2555",
  "storage.mfaDelete=false",
  "alerts.emails=soc@example.com",
  "readers=arn:aws:iam::777777777777:role/Investigator",
  "dataEvents.s3=named",
  "dataEvents.s3Buckets=cardholder-data-prod",
  "dataEvents.lambda=true",
  "insights=true",
  "config=true",
  "guardrails.regionDeny=true",
];

interface Variant {
  readonly id: string;
  readonly config: () => TrailwrightConfig;
  /** Module mode: the estate is planned through a root module written here. */
  readonly module?: true;
}

const VARIANTS: readonly Variant[] = [
  ...PRESET_IDS.map((id) => ({ id, config: () => presetConfig(id) })),
  { id: "uk-bank under Control Tower", config: () => presetConfig("uk-bank", ["controlTower=true", "insights=false"]) },
  { id: "uk-bank as a module", config: () => presetConfig("uk-bank", ["output.mode=module"]), module: true },
  { id: "a single-account configuration", config: () => loadConfig({ sets: [...SINGLE_BUILT] }) },
  { id: "an organization configuration", config: () => loadConfig({ sets: [...ORGANIZATION_BUILT] }) },
  { id: "uk-smb with WorkSpaces monitoring", config: () => workspacesConfig("single") },
  { id: "uk-bank with WorkSpaces in two member accounts", config: () => workspacesConfig("organization") },
];

interface Planned {
  readonly dir: string;
  /** The generated Terraform JSON (the module's, in module mode). */
  readonly tf: TfJson;
  /** The root module planned: the estate itself, or the caller written here. */
  readonly root: TfJson;
  readonly prefix: string;
  readonly result: OfflinePlan;
}

/** The caller of a module-mode estate: providers configured the way the module README shows (account pin, deploy role), and the call. */
function rootModuleFor(tf: TfJson, config: TrailwrightConfig): Record<string, unknown> {
  const aliases = ((tf.terraform as { required_providers: { aws: { configuration_aliases?: string[] } } }).required_providers.aws.configuration_aliases ?? []).map((a) => a.replace(/^aws\./, ""));
  const accounts = Object.values(resolvePlan(config).accounts);
  const provider = (alias: string) => {
    const account = accounts.find((a) => a.providerAlias === alias);
    if (!account) throw new Error(`the module expects aws.${alias}, which no account of the plan uses`);
    return { alias, region: config.homeRegion, allowed_account_ids: [account.id], ...(account.assumeRoleArn ? { assume_role: [{ role_arn: account.assumeRoleArn }] } : {}) };
  };
  return {
    terraform: { required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_CONSTRAINT } } },
    provider: { aws: aliases.map(provider) },
    module: { audit: { source: "./estate", providers: Object.fromEntries(aliases.map((a) => [`aws.${a}`, `aws.${a}`])) } },
  };
}

const plans = new Map<string, Promise<Planned>>();

function planned(variant: Variant): Promise<Planned> {
  let pending = plans.get(variant.id);
  if (!pending) {
    pending = (async () => {
      const config = variant.config();
      if (!variant.module) {
        const { dir, estate } = await generateJsonEstate(config);
        return { dir, tf: mergedTfJson(estate), root: mergedTfJson(estate), prefix: "", result: await planOffline(dir) };
      }
      const dir = mkdtempSync(join(tmpdir(), "tw-module-plan-"));
      mkdirSync(join(dir, "estate"));
      const { estate } = await generateJsonEstate(config, join(dir, "estate"), "estate");
      const tf = mergedTfJson(estate);
      const root = rootModuleFor(tf, config);
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify(root, null, 2));
      return { dir, tf, root: root as unknown as TfJson, prefix: "module.audit.", result: await planOffline(dir) };
    })();
    plans.set(variant.id, pending);
  }
  return pending;
}

function addresses(tf: TfJson, mode: "resource" | "data"): string[] {
  const blocks = mode === "resource" ? tf.resource : (tf.data ?? {});
  return Object.entries(blocks).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${mode === "data" ? "data." : ""}${type}.${name}`));
}

const LOCAL_DATA = ["aws_iam_policy_document", "aws_partition", "aws_region"];

describe.each(VARIANTS)("terraform plan of $id", (variant) => {
  it("succeeds offline and creates exactly the resources the synthesis declares", async () => {
    const { tf, prefix, result } = await planned(variant);
    const changes = result.json.resource_changes ?? [];
    const created = changes.filter((c) => !c.address.includes("data.")).map((c) => c.address);
    expect(created.sort()).toEqual(addresses(tf, "resource").map((a) => prefix + a).sort());
    for (const change of changes.filter((c) => !c.address.includes("data."))) expect(change.change.actions, change.address).toEqual(["create"]);
  });

  it("passes every apply-time rule", async () => {
    const { result } = await planned(variant);
    const findings = runApplyRules({ plan: result.json, providers: result.providers, facts: estateFacts(resolvePlan(variant.config())) });
    expect(findings.map((f) => `[${f.rule}] ${f.address}: ${f.message}`)).toEqual([]);
  });

  it("replaced exactly the data sources that read AWS, and kept each provider's account and role", async () => {
    const { tf, root, prefix, result } = await planned(variant);
    const reading = addresses(tf, "data").filter((a) => !LOCAL_DATA.includes(a.split(".")[1]!));
    expect([...result.replacedData].sort()).toEqual(reading.map((a) => prefix + a).sort());
    const written = (root.provider?.aws ?? []).map((p) => ({
      key: p.alias ? `aws.${String(p.alias)}` : "aws",
      allowedAccountIds: p.allowed_account_ids,
      // As Terraform evaluates it with no -var: the member role variable at its default, the deploy role.
      assumeRoleArns: ((p.assume_role as { role_arn: string }[] | undefined) ?? []).map((r) => r.role_arn.replace(/\$\{var\.(\w+)\}/g, (_, name: string) => String(((root as { variable?: Record<string, { default?: unknown }> }).variable ?? {})[name]?.default))),
    }));
    for (const arns of written.map((w) => w.assumeRoleArns)) for (const arn of arns) expect(arn).toMatch(/^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/);
    expect(result.providers.map(({ key, allowedAccountIds, assumeRoleArns }) => ({ key, allowedAccountIds, assumeRoleArns }))).toEqual(written);
    expect(written.length).toBeGreaterThan(0);
  });

  // Topic policies name the topic's ARN, known only after apply, so they are not rendered at plan time.
  it("renders every bucket, key and service control policy as the JSON AWS would receive", async () => {
    const { result } = await planned(variant);
    const resources = [
      ...(result.json.planned_values.root_module.resources ?? []),
      ...(result.json.planned_values.root_module.child_modules ?? []).flatMap((m) => m.resources ?? []),
    ];
    const documents = resources.flatMap((r) =>
      r.type === "aws_s3_bucket_policy" || r.type === "aws_kms_key"
        ? [[r.address, r.values?.policy] as const]
        : r.type === "aws_organizations_policy"
          ? [[r.address, r.values?.content] as const]
          : [],
    );
    expect(documents.length).toBeGreaterThanOrEqual(3);
    for (const [address, text] of documents) {
      expect(typeof text, address).toBe("string");
      const doc = JSON.parse(String(text)) as { Version: string; Statement: unknown[] };
      expect(doc.Version, address).toBe("2012-10-17");
      expect(JSON.stringify(doc), `${address} still holds a Terraform reference`).not.toContain("${");
    }
  });
});

describe("terraform plan of bootstrap/, the one-time root module that creates the deploy roles", () => {
  it.each(["uk-bank", "uk-bank under Control Tower"])("%s: plans with the same helper and creates the deploy role in each member account, trusted by the deployer only", async (id) => {
    const variant = VARIANTS.find((v) => v.id === id)!;
    const { dir } = await planned(variant);
    const plan = resolvePlan(variant.config());
    // Planning one bootstrap proves the helper; the Control Tower one differs only in the role its providers assume.
    const bootstrap = variant.id === "uk-bank" ? await planOffline(join(dir, "bootstrap")) : undefined;
    const providers = bootstrap?.providers ?? (mergedTfJsonOfFolder(join(dir, "bootstrap")).provider?.aws ?? []).map((p) => ({
      key: `aws.${String(p.alias)}`,
      allowedAccountIds: p.allowed_account_ids as string[],
      assumeRoleArns: ((p.assume_role as { role_arn: string }[] | undefined) ?? []).map((r) => r.role_arn),
    }));
    expect(providers.map((p) => [p.allowedAccountIds, p.assumeRoleArns])).toEqual(
      plan.access.memberAccountIds.map((id) => [[id], [`arn:aws:iam::${id}:role/${plan.access.bootstrapRoleName}`]]),
    );
    expect(plan.access.bootstrapRoleName).toBe(plan.controlTower ? "AWSControlTowerExecution" : "OrganizationAccountAccessRole");
    if (!bootstrap) return;
    const estate = new PlannedEstate({ plan: bootstrap.json, providers: bootstrap.providers, facts: estateFacts(plan) });
    const roles = estate.ofType("aws_iam_role");
    expect(roles.map((r) => [r.account, r.values.name]).sort()).toEqual(plan.access.memberAccountIds.map((id) => [id, plan.access.deployRoleName]));
    for (const role of roles) {
      const trust = JSON.parse(String(role.values.assume_role_policy)) as { Statement: { Effect: string; Principal: { AWS: string | string[] } }[] };
      expect(trust.Statement.map((s) => [s.Effect, s.Principal.AWS]), role.address).toEqual([["Allow", plan.access.deployerArn]]);
    }
  });
});

/** The .tf.json files of one folder as one object (sections merged). */
function mergedTfJsonOfFolder(dir: string): TfJson {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".tf.json"))) {
    for (const [section, body] of Object.entries(JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, Record<string, unknown>>)) {
      merged[section] = { ...merged[section], ...body };
    }
  }
  return merged as unknown as TfJson;
}
