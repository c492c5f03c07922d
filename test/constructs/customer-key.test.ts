import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { CustomerKey } from "../../src/constructs/customer-key.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { estateKeyStatements, KEY_ADMINISTRATION_ACTIONS, monitoringKeyStatements } from "../../src/policies/key-policies.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { toIamPolicy, simulate } from "./policy-sim.js";
import { type Json, conditions, providersFor, statementsBySid } from "./storage-harness.js";

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const SECURITY = "333333333333";
const READER = "arn:aws:iam::333333333333:role/acme-audit-log-reader";

function synthKeys(plan: ResolvedPlan): Json {
  const stack = new ReadableStack(Testing.app(), "estate");
  const p = providersFor(stack, plan);
  new CustomerKey(stack, "estate", { key: plan.key, statements: estateKeyStatements(plan), provider: p[plan.key.account] });
  new CustomerKey(stack, "monitoring", { key: plan.monitoringKey, statements: monitoringKeyStatements(plan), provider: p[plan.monitoringKey.account] });
  return JSON.parse(Testing.synth(stack));
}

describe("CustomerKey", () => {
  const org = synthKeys(organizationPlan);
  const single = synthKeys(singleAccountPlan);

  it("puts the estate key in security and the monitoring key in management: rotating, single-Region, undeletable", () => {
    expect(org.resource.aws_kms_key.estate_key).toEqual({
      provider: "aws.security",
      description: organizationPlan.key.description,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      multi_region: false,
      is_enabled: true,
      policy: "${data.aws_iam_policy_document.estate_policy_document.minified_json}",
      lifecycle: { prevent_destroy: true },
    });
    expect(org.resource.aws_kms_key.monitoring_key.provider).toBe("aws.management");
    expect(org.resource.aws_kms_alias.monitoring_alias.name).toBe("alias/acme-audit-monitoring");
    expect(single.resource.aws_kms_key.estate_key.provider).toBeUndefined();
  });

  it("gives the key's own account administration without data access (no Decrypt, no CreateGrant)", () => {
    for (const [doc, account] of [["estate_policy_document", SECURITY], ["monitoring_policy_document", MGMT]] as const) {
      const s = statementsBySid(org, doc).KeyAdministrationWithoutDataAccess;
      expect(s.principals).toEqual([{ type: "AWS", identifiers: [`arn:aws:iam::${account}:root`] }]);
      expect(s.actions).toEqual([...KEY_ADMINISTRATION_ACTIONS]);
      for (const a of s.actions as string[]) {
        expect(a).not.toMatch(/^kms:(\*|Decrypt|Encrypt|GenerateDataKey|ReEncrypt|CreateGrant|Create\*)/);
      }
    }
  });

  it("has exactly the expected statements on each key", () => {
    expect(Object.keys(statementsBySid(org, "estate_policy_document"))).toEqual([
      "KeyAdministrationWithoutDataAccess",
      "DenyKeyDeletionExceptBreakGlass",
      "AllowCloudTrailEncryptLogs",
      "AllowCloudTrailDescribeKey",
      "AllowCloudTrailDecryptForBucketKey",
      "AllowLogReadersDecryptViaS3",
      "AllowConfigServiceDelivery",
      "AllowConfigRecorderRolesViaS3",
    ]);
    expect(Object.keys(statementsBySid(org, "monitoring_policy_document"))).toEqual([
      "KeyAdministrationWithoutDataAccess",
      "DenyKeyDisableOrDeletion",
      "AllowCloudWatchLogsLogGroup",
      "AllowCloudWatchAlarmsEncryptedTopics",
    ]);
  });

  it("lets CloudTrail encrypt, describe and (for the Bucket Key) decrypt only for the estate trail", () => {
    const st = statementsBySid(org, "estate_policy_document");
    expect(conditions(st.AllowCloudTrailEncryptLogs)).toEqual({
      "StringLike kms:EncryptionContext:aws:cloudtrail:arn": [`arn:aws:cloudtrail:*:${MGMT}:trail/*`],
      "StringEquals aws:SourceArn": [organizationPlan.trail.arn],
    });
    expect(st.AllowCloudTrailDecryptForBucketKey.actions).toEqual(["kms:Decrypt"]);
    expect(conditions(st.AllowCloudTrailDecryptForBucketKey)).toEqual({ "StringEquals aws:SourceArn": [organizationPlan.trail.arn] });
  });

  it("exempts only the key account's break-glass role from the deletion Deny", () => {
    const s = statementsBySid(org, "estate_policy_document").DenyKeyDeletionExceptBreakGlass;
    expect(conditions(s)).toEqual({ "ArnNotLike aws:PrincipalArn": [`arn:aws:iam::${SECURITY}:role/BreakGlass`] });
    expect(statementsBySid(org, "monitoring_policy_document").DenyKeyDisableOrDeletion.condition).toBeUndefined();
  });

  it("lets Config deliver only from the recorder accounts and only for the Config bucket through S3", () => {
    const st = statementsBySid(org, "estate_policy_document");
    expect(conditions(st.AllowConfigServiceDelivery)).toEqual({ "StringEquals aws:SourceAccount": [MGMT, ARCHIVE, SECURITY] });
    expect(conditions(st.AllowConfigRecorderRolesViaS3)).toEqual({
      "StringEquals kms:ViaService": ["s3.eu-west-2.amazonaws.com"],
      "StringLike kms:EncryptionContext:aws:s3:arn": [`${organizationPlan.config!.bucketArn}*`],
    });
  });

  it("drops statements for pieces the plan does not have", () => {
    const json = synthKeys({
      ...singleAccountPlan,
      key: { ...singleAccountPlan.key, readerArns: [] },
      logGroup: { ...singleAccountPlan.logGroup, managed: false },
      topics: [],
    });
    expect(Object.keys(statementsBySid(json, "estate_policy_document"))).toEqual([
      "KeyAdministrationWithoutDataAccess",
      "DenyKeyDeletionExceptBreakGlass",
      "AllowCloudTrailEncryptLogs",
      "AllowCloudTrailDescribeKey",
      "AllowCloudTrailDecryptForBucketKey",
    ]);
    expect(Object.keys(statementsBySid(json, "monitoring_policy_document"))).toEqual(["KeyAdministrationWithoutDataAccess", "DenyKeyDisableOrDeletion"]);
  });

  it("never grants a wildcard principal in an Allow (CKV_AWS_33)", () => {
    for (const json of [org, single]) {
      for (const doc of ["estate_policy_document", "monitoring_policy_document"]) {
        for (const s of json.data.aws_iam_policy_document[doc].statement) {
          if (s.effect === "Deny") continue;
          for (const p of s.principals) expect(p.identifiers).not.toContain("*");
        }
      }
    }
  });

  describe("evaluated offline", () => {
    const policy = toIamPolicy(org.data.aws_iam_policy_document.estate_policy_document);
    const keyArn = `arn:aws:kms:eu-west-2:${SECURITY}:key/0b6c1f9a-1111-2222-3333-444455556666`;
    const base = { resource: keyArn, resourceAccount: SECURITY, identityAllowAll: true };

    it("a reader can decrypt through S3 but not directly", async () => {
      const viaS3 = await simulate(policy, { ...base, principal: READER, action: "kms:Decrypt", context: { "kms:ViaService": "s3.eu-west-2.amazonaws.com", "aws:SecureTransport": "true" } });
      expect(viaS3.result).toBe("Allowed");
      expect(viaS3.allowSids).toEqual(["AllowLogReadersDecryptViaS3"]);
      const direct = await simulate(policy, { ...base, principal: READER, action: "kms:Decrypt", context: { "aws:SecureTransport": "true" } });
      expect(direct.result).toBe("ImplicitlyDenied");
    });

    it("an administrator of the key's own account cannot decrypt, even with an IAM Allow", async () => {
      const admin = `arn:aws:iam::${SECURITY}:role/Admin`;
      const res = await simulate(policy, { ...base, principal: admin, action: "kms:Decrypt", context: { "kms:ViaService": "s3.eu-west-2.amazonaws.com" } });
      expect(res.result).toBe("ImplicitlyDenied");
      const grant = await simulate(policy, { ...base, principal: admin, action: "kms:CreateGrant", context: {} });
      expect(grant.result).toBe("ImplicitlyDenied");
    });

    it("a log-archive administrator cannot read the archive through S3", async () => {
      const res = await simulate(policy, {
        ...base,
        principal: `arn:aws:iam::${ARCHIVE}:role/Admin`,
        action: "kms:Decrypt",
        context: { "kms:ViaService": "s3.eu-west-2.amazonaws.com", "kms:CallerAccount": ARCHIVE },
      });
      expect(res.result).toBe("ImplicitlyDenied");
    });
  });
});
