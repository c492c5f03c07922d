// The offline plan harness itself (test/helpers/terraform-plan.ts): what it
// removes, what it makes literal, and that it fails loudly instead of planning
// something other than what was written.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AWS_PROVIDER_CONSTRAINT } from "../../src/synth/estate-stack.js";
import { planOffline } from "../helpers/terraform-plan.js";

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "tw-harness-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const TERRAFORM = { required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_CONSTRAINT } } };

/** A root module like the bootstrap one: a provider that assumes a role into a member account, a backend, a caller lookup. */
const BOOTSTRAP_LIKE = {
  terraform: { ...TERRAFORM, backend: { s3: { bucket: "state-bucket", key: "bootstrap.tfstate", region: "eu-west-2" } } },
  provider: {
    aws: [
      { alias: "management", region: "eu-west-2", allowed_account_ids: ["111111111111"] },
      { alias: "log_archive", region: "eu-west-2", allowed_account_ids: ["222222222222"], assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" }] },
    ],
  },
  data: {
    aws_caller_identity: { deployer: { provider: "aws.management" } },
    aws_organizations_organization: { org: { provider: "aws.management" } },
    aws_iam_policy_document: {
      trust: {
        statement: [{ sid: "Deployer", actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::${data.aws_caller_identity.deployer.account_id}:root"] }] }],
      },
    },
  },
  resource: {
    aws_iam_role: {
      deploy: {
        provider: "aws.log_archive",
        name: "trailwright-deploy",
        assume_role_policy: "${data.aws_iam_policy_document.trust.json}",
        tags: { org: "${data.aws_organizations_organization.org.id}", root: "${data.aws_organizations_organization.org.roots[0].id}" },
        depends_on: ["data.aws_caller_identity.deployer"],
      },
    },
  },
};

describe("offline terraform plan harness", () => {
  it("plans an extra root module folder: credentials, backend and AWS lookups replaced, the folder itself untouched", async () => {
    const dir = folder({ "bootstrap/main.tf.json": BOOTSTRAP_LIKE, "trailwright.json": { organizationId: "o-abc123defg" } });
    const before = readFileSync(join(dir, "bootstrap", "main.tf.json"), "utf8");
    const result = await planOffline(join(dir, "bootstrap"), { organizationId: "o-qwerty12345" });
    expect(readFileSync(join(dir, "bootstrap", "main.tf.json"), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "bootstrap"))).toEqual(["main.tf.json"]);

    expect([...result.replacedData].sort()).toEqual(["data.aws_caller_identity.deployer", "data.aws_organizations_organization.org"]);
    expect(result.providers).toEqual([
      { key: "aws.management", region: "eu-west-2", allowedAccountIds: ["111111111111"], assumeRoleArns: [] },
      { key: "aws.log_archive", region: "eu-west-2", allowedAccountIds: ["222222222222"], assumeRoleArns: ["arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"] },
    ]);
    const role = result.json.planned_values.root_module.resources!.find((r) => r.address === "aws_iam_role.deploy")!;
    // The caller lookup read through the management provider: its fake is that provider's pinned account.
    expect(JSON.parse(String(role.values!.assume_role_policy)).Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::111111111111:root" });
    expect(role.values!.tags).toEqual({ org: "o-qwerty12345", root: "r-ab12" });
    // Nothing of the removed credentials reaches the plan.
    expect(JSON.stringify(result.json.configuration.provider_config)).not.toMatch(/assume_role|allowed_account_ids/);

    // The same configuration again: the plan is reused, not recomputed; without the cache it is planned afresh.
    const again = await planOffline(join(dir, "bootstrap"), { organizationId: "o-qwerty12345" });
    // TRAILWRIGHT_PLAN_CACHE=0 turns the cache off for a whole run.
    expect(again.cached).toBe(process.env.TRAILWRIGHT_PLAN_CACHE !== "0");
    // A fresh plan differs only in its timestamp.
    const untimed = (json: typeof result.json) => ({ ...json, timestamp: undefined });
    expect(untimed(again.json)).toEqual(untimed(result.json));
    expect(again.providers).toEqual(result.providers);
  });

  it("refuses HCL files: the edits are JSON edits", async () => {
    const dir = folder({ "main.tf": 'terraform {\n}\n' });
    await expect(planOffline(dir)).rejects.toThrow(/has HCL files \(main\.tf\).*generate with --format json/);
  });

  it("fails on a data source that reads AWS and has no fake, naming it", async () => {
    const dir = folder({
      "main.tf.json": { terraform: TERRAFORM, provider: { aws: [{ region: "eu-west-2", allowed_account_ids: ["111111111111"] }] }, data: { aws_vpc: { main: { default: true } } } },
    });
    await expect(planOffline(dir)).rejects.toThrow("data.aws_vpc.main reads AWS and has no offline fake: add one for aws_vpc");
  });

  it("fails on a reference to an attribute the fake does not have, instead of planning null", async () => {
    const dir = folder({
      "main.tf.json": {
        terraform: TERRAFORM,
        provider: { aws: [{ region: "eu-west-2", allowed_account_ids: ["111111111111"] }] },
        data: { aws_caller_identity: { me: {} } },
        output: { typo: { value: "${data.aws_caller_identity.me.acount_id}" } },
      },
    });
    await expect(planOffline(dir)).rejects.toThrow("data.aws_caller_identity.me.acount_id has no offline value");
  });

  it("fails on a lookup through a provider pinned to no account (its fake would have to invent one)", async () => {
    const dir = folder({
      "main.tf.json": { terraform: TERRAFORM, provider: { aws: [{ region: "eu-west-2" }] }, data: { aws_caller_identity: { me: {} } } },
    });
    await expect(planOffline(dir)).rejects.toThrow("data.aws_caller_identity.me: provider aws is not pinned to one account");
  });
});
