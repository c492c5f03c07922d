// Real `terraform validate` (AWS provider 5.100, offline) of the key and storage constructs:
// 0 errors and 0 warnings (deprecated arguments warn on 5.100). The organization plan, the
// single-account plan and an MFA-delete variant share one stack under different construct-id
// prefixes, so one init and one validate cover all three (each validate costs ~6 s of CPU).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { afterAll, describe, expect, it } from "vitest";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { terraformValidate } from "../helpers/terraform.js";
import { type Json, addStorage, providersFor } from "./storage-harness.js";

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
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has 0 errors and 0 warnings for the organization, single-account and MFA-delete plans", async () => {
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
    const result = await terraformValidate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });
});
