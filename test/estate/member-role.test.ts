// The role Terraform assumes in member accounts is an ephemeral variable, so CI
// can plan read-only and apply with the deploying role from one saved plan
// (src/synth/member-role.ts; the saved-plan behaviour itself is Terraform's).
import { describe, expect, it } from "vitest";
import { roleNameOf } from "../../src/synth/member-role.js";
import { fileText, presetEstate, presetTfJson } from "../helpers/estate-cache.js";
import { presetPlan } from "../helpers/preset-answers.js";

describe("member_role_name", () => {
  it("an organization root module reaches both member accounts through it; management keeps its own setting", async () => {
    const plan = presetPlan("uk-bank");
    const tf = await presetTfJson("uk-bank");
    const deployRole = roleNameOf(plan.accounts.logArchive.assumeRoleArn!);
    expect(deployRole).toBeDefined();
    expect((tf as { variable?: unknown }).variable).toEqual({
      member_role_name: { type: "string", default: deployRole, ephemeral: true, description: expect.stringContaining("CI plans set it to the read-only plan role") },
    });
    const providers = Object.fromEntries(tf.provider!.aws!.map((p) => [p.alias, (p.assume_role as { role_arn: string }[] | undefined)?.[0]?.role_arn]));
    expect(providers).toEqual({
      management: plan.accounts.management.assumeRoleArn,
      log_archive: `arn:aws:iam::${plan.accounts.logArchive.id}:role/\${var.member_role_name}`,
      security: `arn:aws:iam::${plan.accounts.security.id}:role/\${var.member_role_name}`,
    });
    expect(fileText(await presetEstate("uk-bank"), "variables.tf")).toContain("  ephemeral   = true\n");
  });

  it("a single account has no member accounts, so no variable", async () => {
    expect((await presetTfJson("uk-smb") as { variable?: unknown }).variable).toBeUndefined();
    expect((await presetEstate("uk-smb")).files.map((f) => f.path)).not.toContain("variables.tf");
  });

  it("reads the role name from a role ARN, paths included, and nothing else", () => {
    expect(roleNameOf("arn:aws:iam::222222222222:role/trailwright-deploy")).toBe("trailwright-deploy");
    expect(roleNameOf("arn:aws:iam::222222222222:role/ops/team/deploy")).toBe("deploy");
    expect(roleNameOf("arn:aws:iam::222222222222:user/deploy")).toBeUndefined();
  });
});

describe("member_role_name and WorkSpaces member accounts", () => {
  it("a WorkSpaces account in the organization is reached through the variable too, so a CI plan stays read-only there", async () => {
    const { synthesizeEstate } = await import("../../src/synth/generate-estate.js");
    const plan = presetPlan("uk-bank", ["workspaces.enabled=true", "workspaces.identitySource=saml", "workspaces.accounts=444444444444"]);
    const config = synthesizeEstate(plan).config as { provider: { aws: { alias?: string; allowed_account_ids: string[]; assume_role?: { role_arn: string }[] }[] } };
    const site = config.provider.aws.find((p) => p.allowed_account_ids[0] === "444444444444");
    expect(site?.assume_role?.[0]?.role_arn).toBe("arn:aws:iam::444444444444:role/${var.member_role_name}");
  });
});
