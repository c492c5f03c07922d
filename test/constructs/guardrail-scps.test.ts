import { describe, expect, it } from "vitest";
import { getDenialReasons, runSimulation } from "@cloud-copilot/iam-simulate";
import { validateServiceControlPolicy } from "@cloud-copilot/iam-policy";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { GuardrailScps, SCP_MAX_CHARS, scpJson, scpSpecs } from "../../src/constructs/guardrail-scps.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { BUCKET_POLICY_ADDRESS, addresses, newStack, synthMonitoring } from "./support/monitoring-stack.js";

const BREAK_GLASS = "arn:aws:iam::*:role/BreakGlass";
const { json } = synthMonitoring(organizationPlan);
const docs = json.data.aws_iam_policy_document;

/**
 * Renders a synthesized aws_iam_policy_document statement list the way the
 * data source does (minified, one-element lists as strings, conditions grouped
 * by operator), so the size test measures what is actually synthesized.
 */
function renderSynthesized(statements: any[]): string {
  const one = (xs: string[]) => (xs.length === 1 ? xs[0] : xs);
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((st) => {
      const condition: Record<string, Record<string, unknown>> = {};
      for (const c of st.condition ?? []) (condition[c.test] ??= {})[c.variable] = one(c.values);
      return {
        Sid: st.sid,
        Effect: st.effect,
        ...(st.actions ? { Action: one(st.actions) } : {}),
        ...(st.not_actions ? { NotAction: one(st.not_actions) } : {}),
        Resource: one(st.resources),
        ...(st.condition ? { Condition: condition } : {}),
      };
    }),
  });
}

describe("GuardrailScps addresses (a contract)", () => {
  it("are stable for the organization topology and absent for a single account", () => {
    expect(addresses(json).filter((a) => a.includes(".guardrails_"))).toEqual([
      "aws_organizations_policy.guardrails_log_protection_policy",
      "aws_organizations_policy.guardrails_region_deny_policy",
      "aws_organizations_policy_attachment.guardrails_log_protection_attachment",
      "aws_organizations_policy_attachment.guardrails_region_deny_attachment",
      "data.aws_iam_policy_document.guardrails_log_protection_document",
      "data.aws_iam_policy_document.guardrails_region_deny_document",
      "data.aws_organizations_organization.guardrails_organization",
    ]);
    expect(addresses(synthMonitoring(singleAccountPlan).json).filter((a) => a.includes(".guardrails_"))).toEqual([]);
  });
});

describe("GuardrailScps (organization)", () => {
  it("creates the log-protection and region-deny SCPs from minified policy documents", () => {
    expect(json.resource.aws_organizations_policy).toEqual({
      guardrails_log_protection_policy: {
        name: "acme-audit-log-protection",
        description: expect.stringContaining("break-glass"),
        type: "SERVICE_CONTROL_POLICY",
        content: "${data.aws_iam_policy_document.guardrails_log_protection_document.minified_json}",
      },
      guardrails_region_deny_policy: {
        name: "acme-audit-region-deny",
        description: expect.stringContaining("break-glass"),
        type: "SERVICE_CONTROL_POLICY",
        content: "${data.aws_iam_policy_document.guardrails_region_deny_document.minified_json}",
      },
    });
  });

  it("attaches each to the organization root, after the estate resources it would otherwise block", () => {
    const root = "${data.aws_organizations_organization.guardrails_organization.roots[0].id}";
    expect(json.data.aws_organizations_organization.guardrails_organization).toEqual({});
    expect(json.resource.aws_organizations_policy_attachment).toEqual({
      guardrails_log_protection_attachment: {
        policy_id: "${aws_organizations_policy.guardrails_log_protection_policy.id}",
        target_id: root,
        depends_on: [BUCKET_POLICY_ADDRESS],
      },
      guardrails_region_deny_attachment: {
        policy_id: "${aws_organizations_policy.guardrails_region_deny_policy.id}",
        target_id: root,
        depends_on: [BUCKET_POLICY_ADDRESS],
      },
    });
  });

  it("has only Deny statements, no Principal, and exempts break-glass in every one", () => {
    for (const id of ["guardrails_log_protection_document", "guardrails_region_deny_document"]) {
      for (const st of docs[id].statement) {
        expect(st.effect).toBe("Deny");
        expect(st.principals).toBeUndefined();
        expect(st.not_principals).toBeUndefined();
        const exempt = st.condition.find((c: any) => c.test === "ArnNotLike");
        expect(exempt.variable).toBe("aws:PrincipalArn");
        expect(exempt.values[0]).toBe(BREAK_GLASS);
        // Never an exemption any management admin can assume into every member account.
        expect(exempt.values).not.toContain("arn:aws:iam::*:role/OrganizationAccountAccessRole");
      }
    }
  });

  it("names only member-account resources: the estate buckets, the estate key, Config and the exempt roles", () => {
    const bySid = Object.fromEntries(docs.guardrails_log_protection_document.statement.map((s: any) => [s.sid, s]));
    expect(Object.keys(bySid)).toEqual(["ProtectLogEvidence", "ProtectLogBucketSettings", "ProtectEstateKeyDeletion", "ProtectEstateKeySettings", "ProtectExemptRoles", "ProtectConfigRecorders"]);
    // SCPs never bind the management account: nothing here may target it.
    expect(JSON.stringify(docs.guardrails_log_protection_document)).not.toContain(":111111111111:");
    for (const sid of ["ProtectLogEvidence", "ProtectLogBucketSettings"]) {
      for (const arn of [organizationPlan.archive.arn, organizationPlan.accessLogs.arn, organizationPlan.config!.bucketArn]) {
        expect(bySid[sid].resources).toEqual(expect.arrayContaining([arn, `${arn}/*`]));
      }
    }
    expect(bySid.ProtectLogEvidence.actions).toEqual(["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:DeleteObject*", "s3:BypassGovernanceRetention"]);
    expect(bySid.ProtectLogBucketSettings.actions).toContain("s3:PutEncryptionConfiguration");
    // Terraform manages the buckets through the dedicated deploy role; it may change settings, never delete.
    expect(bySid.ProtectLogBucketSettings.condition).toEqual([
      { test: "ArnNotLike", variable: "aws:PrincipalArn", values: [BREAK_GLASS, "arn:aws:iam::*:role/trailwright-deploy"] },
    ]);
    expect(bySid.ProtectEstateKeyDeletion).toMatchObject({ actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"], resources: ["arn:aws:kms:*:333333333333:key/*"] });
    expect(bySid.ProtectEstateKeySettings.condition).toContainEqual({ test: "StringEquals", variable: "aws:ResourceTag/trailwright-estate", values: ["acme-audit"] });
    expect(bySid.ProtectExemptRoles.resources).toEqual([BREAK_GLASS, "arn:aws:iam::*:role/trailwright-deploy", "arn:aws:iam::*:role/OrganizationAccountAccessRole"]);
    expect(bySid.ProtectConfigRecorders.actions).toEqual(["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"]);
  });

  it("under Control Tower exempts its roles everywhere and adds no region deny of its own", () => {
    const plan: ResolvedPlan = { ...organizationPlan, controlTower: true, guardrails: { breakGlassRoleName: "BreakGlass", regionDeny: undefined }, access: { ...organizationPlan.access, bootstrapRoleName: "AWSControlTowerExecution" } };
    const specs = scpSpecs(plan);
    expect(specs.map((sp) => sp.id)).toEqual(["log_protection"]);
    for (const st of specs[0]!.statements) {
      const exempt = st.conditions.find((c) => c.test === "ArnNotLike")!;
      expect(exempt.values).toEqual(expect.arrayContaining(["arn:aws:iam::*:role/AWSControlTowerExecution", "arn:aws:iam::*:role/aws-controltower-*", "arn:aws:iam::*:role/stacksets-exec-*"]));
    }
  });

  it("denies everything outside the allowed regions except the plan's global-service actions", () => {
    expect(docs.guardrails_region_deny_document.statement).toEqual([
      {
        sid: "DenyOutsideAllowedRegions",
        effect: "Deny",
        not_actions: ["iam:*", "organizations:*", "sts:*", "support:*"],
        resources: ["*"],
        condition: [
          { test: "StringNotEquals", variable: "aws:RequestedRegion", values: ["eu-west-2"] },
          { test: "ArnNotLike", variable: "aws:PrincipalArn", values: [BREAK_GLASS] },
        ],
      },
    ]);
  });

  it.each(scpSpecs(organizationPlan).map((s) => [s.id, s] as const))(
    "keeps the %s SCP under 5,120 characters, measured on what is synthesized",
    (id, spec) => {
      const synthesized = renderSynthesized(docs[`guardrails_${id}_document`].statement);
      expect(synthesized.length).toBe(scpJson(spec).length);
      expect(synthesized.length).toBeLessThan(SCP_MAX_CHARS);
      expect(validateServiceControlPolicy(JSON.parse(synthesized))).toEqual([]);
    },
  );
});

describe("GuardrailScps topology", () => {
  it("refuses a single-account plan: SCPs exist only in an organization", () => {
    expect(singleAccountPlan.guardrails).toBeUndefined();
    expect(synthMonitoring(singleAccountPlan).json.resource.aws_organizations_policy).toBeUndefined();
    const { stack } = newStack(singleAccountPlan);
    expect(() => new GuardrailScps(stack, "guardrails", { plan: singleAccountPlan })).toThrow(/organization topology/);
    const withGuardrails: ResolvedPlan = { ...singleAccountPlan, guardrails: organizationPlan.guardrails };
    expect(() => new GuardrailScps(newStack(withGuardrails).stack, "guardrails", { plan: withGuardrails })).toThrow(/organization topology/);
  });

  it("leaves out region deny and the Config statement when the plan has neither", () => {
    const plan: ResolvedPlan = {
      ...organizationPlan,
      config: undefined,
      guardrails: { breakGlassRoleName: "BreakGlass", regionDeny: undefined },
    };
    const specs = scpSpecs(plan);
    expect(specs.map((s) => s.id)).toEqual(["log_protection"]);
    expect(specs[0]!.statements.map((s) => s.sid)).not.toContain("ProtectConfigRecorders");
    expect(JSON.stringify(specs)).not.toContain("acme-audit-config-");
  });

  it("fails at synth, not at apply, when an SCP outgrows the limit", () => {
    const exemptActions = Array.from({ length: 400 }, (_, i) => `service${i}:*`);
    const plan: ResolvedPlan = {
      ...organizationPlan,
      guardrails: { breakGlassRoleName: "BreakGlass", regionDeny: { allowedRegions: ["eu-west-2"], exemptActions } },
    };
    expect(() => new GuardrailScps(newStack(plan).stack, "guardrails", { plan })).toThrow(/over the 5120 limit/);
  });
});

describe("GuardrailScps behaviour (iam-simulate)", () => {
  const allowAll = { name: "FullAWSAccess", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } };
  const scps = [
    { orgIdentifier: "r-root", policies: [allowAll, ...scpSpecs(organizationPlan).map((s) => ({ name: s.id, policy: JSON.parse(scpJson(s)) }))] },
  ];
  const deployRole = "arn:aws:iam::222222222222:role/trailwright-deploy";
  const orgAccessRole = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole";
  const estateKey = "arn:aws:kms:eu-west-2:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  const tagged = { "aws:ResourceTag/trailwright-estate": "acme-audit" };
  const otherAdmin = "arn:aws:iam::222222222222:role/Admin";
  const breakGlass = "arn:aws:iam::222222222222:role/BreakGlass";
  const archiveObject = `${organizationPlan.archive.arn}/AWSLogs/o-abc123defg/111111111111/CloudTrail/eu-west-2/x.json.gz`;

  async function simulate(principal: string, action: string, resource: string, accountId: string, region = "eu-west-2", extra: Record<string, string> = {}) {
    const r = await runSimulation(
      {
        request: {
          principal,
          action,
          resource: { resource, accountId },
          contextVariables: { "aws:PrincipalArn": principal, "aws:RequestedRegion": region, ...extra },
        },
        identityPolicies: [allowAll],
        serviceControlPolicies: scps,
        resourceControlPolicies: [],
      },
      {},
    );
    if (r.resultType !== "single") throw new Error(`expected a single result, got ${JSON.stringify(r).slice(0, 300)}`);
    // A dropped context key would make a Deny silently not fire (toolchain.md).
    expect(r.result.ignoredContextKeys).toEqual([]);
    const denials = getDenialReasons(r.result.analysis).map((d: any) => d.statementId);
    return { result: r.overallResult, denials };
  }

  it.each([
    [orgAccessRole, "s3:DeleteObject", archiveObject, "222222222222", "ProtectLogEvidence", {}],
    [deployRole, "s3:DeleteBucket", organizationPlan.archive.arn, "222222222222", "ProtectLogEvidence", {}],
    [otherAdmin, "s3:PutBucketPolicy", organizationPlan.archive.arn, "222222222222", "ProtectLogBucketSettings", {}],
    [orgAccessRole, "s3:PutLifecycleConfiguration", organizationPlan.accessLogs.arn, "222222222222", "ProtectLogBucketSettings", {}],
    [deployRole, "kms:ScheduleKeyDeletion", estateKey, "333333333333", "ProtectEstateKeyDeletion", tagged],
    ["arn:aws:iam::333333333333:role/Admin", "kms:PutKeyPolicy", estateKey, "333333333333", "ProtectEstateKeySettings", tagged],
    [otherAdmin, "iam:UpdateAssumeRolePolicy", "arn:aws:iam::222222222222:role/trailwright-deploy", "222222222222", "ProtectExemptRoles", {}],
    [deployRole, "config:StopConfigurationRecorder", "arn:aws:config:eu-west-2:222222222222:configuration-recorder/default/abc", "222222222222", "ProtectConfigRecorders", {}],
  ])("denies %s %s", async (principal, action, resource, account, sid, extra) => {
    expect(await simulate(principal, action, resource, account, "eu-west-2", extra)).toEqual({ result: "ExplicitlyDenied", denials: [sid] });
  });

  it("does not let the organization's access role (any management admin can assume it) rewrite the deploy role", async () => {
    expect(await simulate(orgAccessRole, "iam:UpdateAssumeRolePolicy", "arn:aws:iam::222222222222:role/trailwright-deploy", "222222222222")).toEqual({
      result: "ExplicitlyDenied",
      denials: ["ProtectExemptRoles"],
    });
    expect((await simulate(breakGlass, "iam:UpdateAssumeRolePolicy", "arn:aws:iam::222222222222:role/trailwright-deploy", "222222222222")).result).toBe("Allowed");
  });

  it("lets the deploy role maintain the estate key's policy but not delete it", async () => {
    // No key policy is given here, so KMS's own rule (the key policy must allow) leaves it
    // implicitly denied; what matters is that no SCP statement denies it.
    const res = await simulate("arn:aws:iam::333333333333:role/trailwright-deploy", "kms:PutKeyPolicy", estateKey, "333333333333", "eu-west-2", tagged);
    expect(res.denials).toEqual([]);
    expect(res.result).not.toBe("ExplicitlyDenied");
  });

  it("lets the log-archive deploy role change bucket settings, so Terraform can still manage them", async () => {
    expect((await simulate(deployRole, "s3:PutBucketPolicy", organizationPlan.archive.arn, "222222222222")).result).toBe("Allowed");
    expect((await simulate(deployRole, "s3:PutLifecycleConfiguration", organizationPlan.archive.arn, "222222222222")).result).toBe("Allowed");
  });

  it("lets the break-glass role through", async () => {
    expect((await simulate(breakGlass, "s3:DeleteObject", archiveObject, "222222222222")).result).toBe("Allowed");
    const ec2 = "arn:aws:ec2:us-east-1:222222222222:instance/i-0123456789abcdef0";
    expect((await simulate(breakGlass, "ec2:RunInstances", ec2, "222222222222", "us-east-1")).result).toBe("Allowed");
  });

  it("leaves other buckets alone", async () => {
    expect((await simulate(deployRole, "s3:DeleteObject", "arn:aws:s3:::app-data/x", "222222222222")).result).toBe("Allowed");
  });

  it("denies regional calls outside eu-west-2 but not the exempt global services", async () => {
    const ec2 = "arn:aws:ec2:us-east-1:222222222222:instance/i-0123456789abcdef0";
    expect(await simulate(deployRole, "ec2:RunInstances", ec2, "222222222222", "us-east-1")).toEqual({
      result: "ExplicitlyDenied",
      denials: ["DenyOutsideAllowedRegions"],
    });
    expect((await simulate(deployRole, "ec2:RunInstances", ec2.replace("us-east-1", "eu-west-2"), "222222222222")).result).toBe("Allowed");
    expect((await simulate(deployRole, "iam:CreateRole", "arn:aws:iam::222222222222:role/x", "222222222222", "us-east-1")).result).toBe("Allowed");
  });
});
