import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { EstateKey } from "../../src/constructs/estate-key.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { toIamPolicy, simulate } from "./policy-sim.js";
import { type Json, conditions, providersFor, statementsBySid } from "./storage-harness.js";

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const READER = "arn:aws:iam::333333333333:role/acme-audit-log-reader";

function synthKey(plan: ResolvedPlan): Json {
  const stack = new ReadableStack(Testing.app(), "estate");
  new EstateKey(stack, "estate_key", { plan, provider: providersFor(stack, plan).management });
  return JSON.parse(Testing.synth(stack));
}

describe("EstateKey", () => {
  const org = synthKey(organizationPlan);
  const single = synthKey(singleAccountPlan);

  it("is a rotating, single-Region, enabled key with a 30-day window that cannot be destroyed", () => {
    expect(org.resource.aws_kms_key.estate_key_key).toEqual({
      provider: "aws.management",
      description: organizationPlan.key.description,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      multi_region: false,
      is_enabled: true,
      policy: "${data.aws_iam_policy_document.estate_key_policy_document.json}",
      lifecycle: { prevent_destroy: true },
    });
    expect(org.resource.aws_kms_alias.estate_key_alias).toEqual({
      provider: "aws.management",
      name: "alias/acme-audit-logs",
      target_key_id: "${aws_kms_key.estate_key_key.key_id}",
    });
  });

  it("takes the rotation period from the plan", () => {
    const json = synthKey({ ...singleAccountPlan, key: { ...singleAccountPlan.key, rotationPeriodDays: 90 } });
    expect(json.resource.aws_kms_key.estate_key_key.rotation_period_in_days).toBe(90);
  });

  it("uses the default provider in single-account topology", () => {
    expect(single.resource.aws_kms_key.estate_key_key.provider).toBeUndefined();
    expect(single.data.aws_iam_policy_document.estate_key_policy_document.provider).toBeUndefined();
  });

  it("has exactly the expected statements (org: with the cross-account S3 grant)", () => {
    expect(Object.keys(statementsBySid(org, "estate_key_policy_document")).sort()).toEqual([
      "AllowCloudTrailDescribeKey",
      "AllowCloudTrailEncryptLogs",
      "AllowCloudWatchAlarmsEncryptedTopics",
      "AllowCloudWatchLogsLogGroup",
      "AllowLogArchiveAccountViaS3",
      "AllowLogReadersDecryptViaS3",
      "DenyKeyDeletionExceptBreakGlass",
      "EnableRootAccountPermissions",
    ]);
    expect(Object.keys(statementsBySid(single, "estate_key_policy_document"))).not.toContain("AllowLogArchiveAccountViaS3");
  });

  it("delegates administration to the management account only", () => {
    const s = statementsBySid(org, "estate_key_policy_document").EnableRootAccountPermissions;
    expect(s.principals).toEqual([{ type: "AWS", identifiers: [`arn:aws:iam::${MGMT}:root`] }]);
    expect(s.actions).toEqual(["kms:*"]);
  });

  it("lets CloudTrail encrypt only for management-account trails and only from the estate trail", () => {
    const st = statementsBySid(org, "estate_key_policy_document");
    expect(st.AllowCloudTrailEncryptLogs.principals).toEqual([{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }]);
    expect(st.AllowCloudTrailEncryptLogs.actions).toEqual(["kms:GenerateDataKey*"]);
    expect(conditions(st.AllowCloudTrailEncryptLogs)).toEqual({
      "StringLike kms:EncryptionContext:aws:cloudtrail:arn": [`arn:aws:cloudtrail:*:${MGMT}:trail/*`],
      "StringEquals aws:SourceArn": [organizationPlan.trail.arn],
    });
    expect(st.AllowCloudTrailDescribeKey.actions).toEqual(["kms:DescribeKey"]);
    expect(conditions(st.AllowCloudTrailDescribeKey)).toEqual({ "StringEquals aws:SourceArn": [organizationPlan.trail.arn] });
    // single-account: its own trail ARN
    expect(conditions(statementsBySid(single, "estate_key_policy_document").AllowCloudTrailEncryptLogs)["StringEquals aws:SourceArn"]).toEqual([
      singleAccountPlan.trail.arn,
    ]);
  });

  it("scopes CloudWatch Logs to the regional principal and the one log group", () => {
    const s = statementsBySid(org, "estate_key_policy_document").AllowCloudWatchLogsLogGroup;
    expect(s.principals).toEqual([{ type: "Service", identifiers: ["logs.eu-west-2.amazonaws.com"] }]);
    expect(s.actions).toEqual(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]);
    expect(conditions(s)).toEqual({ "ArnEquals kms:EncryptionContext:aws:logs:arn": [organizationPlan.logGroup.arn] });
  });

  it("grants CloudWatch alarms Decrypt + GenerateDataKey* for encrypted topics (pitfall 11)", () => {
    const s = statementsBySid(org, "estate_key_policy_document").AllowCloudWatchAlarmsEncryptedTopics;
    expect(s.principals).toEqual([{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }]);
    expect(s.actions).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
    expect(conditions(s)).toEqual({ "StringEquals aws:SourceAccount": [MGMT] });
  });

  it("lets readers decrypt through S3 only", () => {
    const s = statementsBySid(org, "estate_key_policy_document").AllowLogReadersDecryptViaS3;
    expect(s.principals).toEqual([{ type: "AWS", identifiers: [READER] }]);
    expect(s.actions).toEqual(["kms:Decrypt"]);
    expect(conditions(s)).toEqual({ "StringEquals kms:ViaService": ["s3.eu-west-2.amazonaws.com"] });
  });

  it("lets log-archive principals use the key only through S3 for their own account (org)", () => {
    const s = statementsBySid(org, "estate_key_policy_document").AllowLogArchiveAccountViaS3;
    expect(s.principals).toEqual([{ type: "AWS", identifiers: [`arn:aws:iam::${ARCHIVE}:root`] }]);
    expect(s.actions).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]);
    expect(conditions(s)).toEqual({
      "StringEquals kms:ViaService": ["s3.eu-west-2.amazonaws.com"],
      "StringEquals kms:CallerAccount": [ARCHIVE],
    });
  });

  it("never grants a wildcard principal (CKV_AWS_33)", () => {
    for (const json of [org, single]) {
      for (const s of json.data.aws_iam_policy_document.estate_key_policy_document.statement) {
        expect(s.effect).toBe(s.sid === "DenyKeyDeletionExceptBreakGlass" ? "Deny" : "Allow");
        if (s.effect === "Deny") continue; // a Deny grants nothing; CKV_AWS_33 checks Allow statements
        for (const p of s.principals) expect(p.identifiers).not.toContain("*");
      }
    }
  });

  it("drops statements for pieces the plan does not have", () => {
    const json = synthKey({
      ...singleAccountPlan,
      key: { ...singleAccountPlan.key, readerArns: [] },
      logGroup: { ...singleAccountPlan.logGroup, managed: false },
      topics: [],
    });
    expect(Object.keys(statementsBySid(json, "estate_key_policy_document")).sort()).toEqual([
      "AllowCloudTrailDescribeKey",
      "AllowCloudTrailEncryptLogs",
      "DenyKeyDeletionExceptBreakGlass",
      "EnableRootAccountPermissions",
    ]);
  });

  describe("evaluated offline", () => {
    const policy = toIamPolicy(org.data.aws_iam_policy_document.estate_key_policy_document);
    const keyArn = `arn:aws:kms:eu-west-2:${MGMT}:key/0b6c1f9a-1111-2222-3333-444455556666`;
    const base = { resource: keyArn, resourceAccount: MGMT, identityAllowAll: true };

    it("a reader can decrypt through S3 but not directly", async () => {
      const viaS3 = await simulate(policy, {
        ...base,
        principal: READER,
        action: "kms:Decrypt",
        context: { "kms:ViaService": "s3.eu-west-2.amazonaws.com", "aws:SecureTransport": "true" },
      });
      expect(viaS3.result).toBe("Allowed");
      expect(viaS3.allowSids).toEqual(["AllowLogReadersDecryptViaS3"]);
      const direct = await simulate(policy, {
        ...base,
        principal: READER,
        action: "kms:Decrypt",
        context: { "aws:SecureTransport": "true" },
      });
      expect(direct.result).toBe("ImplicitlyDenied");
    });

    it("a log-archive role can generate data keys via S3 for its own account only", async () => {
      const principal = `arn:aws:iam::${ARCHIVE}:role/OrganizationAccountAccessRole`;
      const ok = await simulate(policy, {
        ...base,
        principal,
        action: "kms:GenerateDataKey",
        context: { "kms:ViaService": "s3.eu-west-2.amazonaws.com", "kms:CallerAccount": ARCHIVE },
      });
      expect(ok.result).toBe("Allowed");
      expect(ok.allowSids).toEqual(["AllowLogArchiveAccountViaS3"]);
      const outsideS3 = await simulate(policy, {
        ...base,
        principal,
        action: "kms:GenerateDataKey",
        context: { "kms:ViaService": "sns.eu-west-2.amazonaws.com", "kms:CallerAccount": ARCHIVE },
      });
      expect(outsideS3.result).toBe("ImplicitlyDenied");
    });

    it("CloudWatch alarms from another account get nothing", async () => {
      const res = await simulate(policy, {
        ...base,
        identityAllowAll: false,
        principal: "cloudwatch.amazonaws.com",
        action: "kms:GenerateDataKey",
        context: { "aws:SourceAccount": "999999999999" },
      });
      expect(res.result).toBe("ImplicitlyDenied");
    });
  });
});
