// Real `terraform validate` (AWS provider 5.100, offline) of the key and storage constructs:
// 0 errors and 0 warnings (deprecated arguments warn on 5.100). The organization plan, the
// single-account plan and an MFA-delete variant share one stack under different construct-id
// prefixes, so one init and one validate cover all three (each validate costs ~6 s of CPU).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { afterAll, describe, expect, it } from "vitest";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { type Json, addStorage, providersFor } from "./storage-harness.js";

/** The folder holding registry.terraform.io/hashicorp/aws (TRAILWRIGHT_TF_PLUGIN_DIR overrides). */
function pluginDir(): string {
  const fromEnv = process.env.TRAILWRIGHT_TF_PLUGIN_DIR;
  if (fromEnv) return fromEnv;
  const found = execFileSync("find", ["/", "-maxdepth", "3", "-type", "d", "-name", "registry.terraform.io"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .split("\n")
    .find((p) => p && existsSync(join(p, "hashicorp", "aws")));
  if (!found) throw new Error("No local AWS provider plugin folder found; set TRAILWRIGHT_TF_PLUGIN_DIR.");
  return dirname(found);
}

function combinedEstate(): Json {
  const stack = new ReadableStack(Testing.app(), "estate");
  const orgProviders = providersFor(stack, organizationPlan); // aliased management / log_archive / security
  new AwsProvider(stack, "aws", { region: "eu-west-2" }); // default, for the single-account plan
  const none = { management: undefined, logArchive: undefined, security: undefined };
  const mfa: ResolvedPlan = {
    ...organizationPlan,
    archive: { ...organizationPlan.archive, mfaDelete: true, lifecycle: undefined, objectLock: undefined },
  };
  addStorage(stack, organizationPlan, orgProviders);
  addStorage(stack, singleAccountPlan, none, "single_");
  addStorage(stack, mfa, orgProviders, "mfa_");
  const json = JSON.parse(Testing.synth(stack));
  json.terraform.required_providers.aws = { source: "hashicorp/aws", version: ">= 5.100.0, < 7.0.0" };
  delete json.terraform.backend;
  return json;
}

describe("key and storage constructs under terraform validate (provider 5.100)", () => {
  const dir = mkdtempSync(join(tmpdir(), "trailwright-storage-"));
  const env = { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has 0 errors and 0 warnings for the organization, single-account and MFA-delete plans", () => {
    const json = combinedEstate();
    expect(Object.keys(json.resource.aws_s3_bucket).sort()).toEqual([
      "access_logs_bucket",
      "config_bucket",
      "log_archive_bucket",
      "mfa_access_logs_bucket",
      "mfa_config_bucket",
      "mfa_log_archive_bucket",
      "single_access_logs_bucket",
      "single_log_archive_bucket",
    ]);
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(json, null, 1));
    execFileSync("terraform", ["init", "-backend=false", "-input=false", `-plugin-dir=${pluginDir()}`], { cwd: dir, env, stdio: "pipe" });
    let out: string;
    try {
      out = execFileSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env, encoding: "utf8" });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? String(e);
    }
    expect(JSON.parse(out)).toEqual({ format_version: "1.0", valid: true, error_count: 0, warning_count: 0, diagnostics: [] });
  });
});
