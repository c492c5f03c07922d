import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { LogArchiveBucket } from "../../src/constructs/log-archive-bucket.js";
import { PROTECTED_ARCHIVE_ACTIONS } from "../../src/policies/archive-bucket-policy.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { simulate, toIamPolicy } from "./policy-sim.js";
import { type Json, buildStorage, conditions, statementsBySid } from "./storage-harness.js";

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const ORG = "o-abc123defg";
const READER = "arn:aws:iam::333333333333:role/acme-audit-log-reader";
const ORG_BUCKET = organizationPlan.archive.arn;
const SINGLE_BUCKET = singleAccountPlan.archive.arn;

const mfaPlan: ResolvedPlan = {
  ...singleAccountPlan,
  archive: { ...singleAccountPlan.archive, mfaDelete: true, lifecycle: undefined },
};

describe("LogArchiveBucket", () => {
  const org = buildStorage(organizationPlan).json;
  const single = buildStorage(singleAccountPlan).json;
  const r = (json: Json) => json.resource;

  it("creates the bucket with Object Lock enabled at creation and prevent_destroy", () => {
    expect(r(org).aws_s3_bucket.log_archive_bucket).toEqual({
      provider: "aws.log_archive",
      bucket: "acme-audit-cloudtrail-222222222222-eu-west-2",
      object_lock_enabled: true,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(r(single).aws_s3_bucket.log_archive_bucket.provider).toBeUndefined();
  });

  it("sets default retention from the plan: COMPLIANCE (org) and GOVERNANCE (single)", () => {
    expect(r(org).aws_s3_bucket_object_lock_configuration.log_archive_object_lock.rule).toEqual({
      default_retention: { mode: "COMPLIANCE", days: 2557 },
    });
    expect(r(single).aws_s3_bucket_object_lock_configuration.log_archive_object_lock.rule).toEqual({
      default_retention: { mode: "GOVERNANCE", days: 365 },
    });
  });

  it("has no Object Lock at all when the plan has none", () => {
    const json = buildStorage({ ...singleAccountPlan, archive: { ...singleAccountPlan.archive, objectLock: undefined } }).json;
    expect(r(json).aws_s3_bucket.log_archive_bucket.object_lock_enabled).toBeUndefined();
    expect(r(json).aws_s3_bucket_object_lock_configuration).toBeUndefined();
  });

  it("encrypts with the estate key (by ARN) and a bucket key", () => {
    expect(r(org).aws_s3_bucket_server_side_encryption_configuration.log_archive_encryption.rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.estate_key_key.arn}" },
        bucket_key_enabled: true,
      },
    ]);
  });

  it("blocks public access and disables ACLs", () => {
    expect(r(org).aws_s3_bucket_public_access_block.log_archive_public_access).toMatchObject({
      bucket: "${aws_s3_bucket.log_archive_bucket.id}",
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(r(org).aws_s3_bucket_ownership_controls.log_archive_ownership.rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
  });

  it("versions the bucket without touching MFA delete", () => {
    const v = r(org).aws_s3_bucket_versioning.log_archive_versioning;
    expect(v.versioning_configuration).toEqual({ status: "Enabled" });
    expect(v.mfa).toBeUndefined();
    expect(v.lifecycle).toBeUndefined();
  });

  it("keeps every object, digests included, under one lifecycle rule", () => {
    const lc = r(org).aws_s3_bucket_lifecycle_configuration.log_archive_lifecycle;
    expect(lc.depends_on).toEqual(["aws_s3_bucket_versioning.log_archive_versioning"]);
    expect(lc.rule).toEqual([
      {
        id: "archive-retention",
        status: "Enabled",
        filter: [{}],
        transition: [
          { days: 90, storage_class: "GLACIER_IR" },
          { days: 365, storage_class: "DEEP_ARCHIVE" },
        ],
        expiration: [{ days: 2557 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
  });

  it("logs server access to the access-log bucket under its own prefix, after that bucket's policy", () => {
    expect(r(org).aws_s3_bucket_logging.log_archive_logging).toEqual({
      provider: "aws.log_archive",
      bucket: "${aws_s3_bucket.log_archive_bucket.id}",
      target_bucket: "${aws_s3_bucket.access_logs_bucket.bucket}",
      target_prefix: "acme-audit-cloudtrail-222222222222-eu-west-2/",
      depends_on: ["aws_s3_bucket_policy.access_logs_policy"],
    });
  });

  describe("with MFA delete (lifecycle undefined)", () => {
    const json = buildStorage(mfaPlan).json;

    it("emits no lifecycle configuration for the archive at all", () => {
      expect(Object.keys(r(json).aws_s3_bucket_lifecycle_configuration)).toEqual(["access_logs_lifecycle"]);
    });

    it("never puts mfa or mfa_delete into Terraform and ignores the runbook's change", () => {
      const v = r(json).aws_s3_bucket_versioning.log_archive_versioning;
      expect(v).toEqual({
        bucket: "${aws_s3_bucket.log_archive_bucket.id}",
        versioning_configuration: { status: "Enabled" },
        lifecycle: { ignore_changes: ["versioning_configuration[0].mfa_delete"] },
      });
      expect(JSON.stringify(json)).not.toMatch(/"mfa"|"mfa_delete"/);
    });

    it("refuses MFA delete together with lifecycle rules (pitfall 2)", () => {
      const stack = new ReadableStack(Testing.app(), "estate");
      const plan = { ...singleAccountPlan, archive: { ...singleAccountPlan.archive, mfaDelete: true } };
      expect(() => new LogArchiveBucket(stack, "log_archive", { plan, kmsKeyArn: "arn:aws:kms:eu-west-2:111111111111:key/x" })).toThrow(/pitfall 2/);
    });
  });

  it("every bucket and the key carry prevent_destroy in both topologies", () => {
    for (const json of [org, single, buildStorage(mfaPlan).json]) {
      const buckets = Object.values(r(json).aws_s3_bucket) as Json[];
      expect(buckets.length).toBeGreaterThanOrEqual(2);
      for (const b of buckets) expect(b.lifecycle).toEqual({ prevent_destroy: true });
      expect(r(json).aws_kms_key.estate_key_key.lifecycle).toEqual({ prevent_destroy: true });
    }
    expect(Object.keys(r(org).aws_s3_bucket).sort()).toEqual(["access_logs_bucket", "config_bucket", "log_archive_bucket"]);
  });

  describe("bucket policy", () => {
    const orgSt = statementsBySid(org, "log_archive_policy_document");
    const singleSt = statementsBySid(single, "log_archive_policy_document");

    it("has exactly the expected statements", () => {
      expect(Object.keys(orgSt)).toEqual([
        "DenyInsecureTransport",
        "AWSCloudTrailAclCheck",
        "AWSCloudTrailWrite",
        "DenyOutsideOrganization",
        "DenyLogWritesExceptCloudTrail",
        "DenyDeleteExceptBreakGlass",
        "AllowLogReadersRead",
      ]);
      expect(Object.keys(singleSt)).toEqual([
        "DenyInsecureTransport",
        "AWSCloudTrailAclCheck",
        "AWSCloudTrailWrite",
        "DenyLogWritesExceptCloudTrail",
        "DenyDeleteExceptBreakGlass",
        "AllowLogReadersRead",
      ]);
      expect(r(org).aws_s3_bucket_policy.log_archive_policy).toEqual({
        provider: "aws.log_archive",
        bucket: "${aws_s3_bucket.log_archive_bucket.id}",
        policy: "${data.aws_iam_policy_document.log_archive_policy_document.minified_json}",
        depends_on: ["aws_s3_bucket_public_access_block.log_archive_public_access"],
      });
    });

    it("denies plain HTTP on the bucket and its objects", () => {
      expect(orgSt.DenyInsecureTransport).toMatchObject({
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [ORG_BUCKET, `${ORG_BUCKET}/*`],
      });
      expect(conditions(orgSt.DenyInsecureTransport)).toEqual({ "Bool aws:SecureTransport": ["false"] });
    });

    it("lets only the estate trail check the ACL and write, with both prefixes for an org trail (pitfall 8)", () => {
      expect(orgSt.AWSCloudTrailAclCheck.actions).toEqual(["s3:GetBucketAcl"]);
      expect(orgSt.AWSCloudTrailAclCheck.resources).toEqual([ORG_BUCKET]);
      expect(conditions(orgSt.AWSCloudTrailAclCheck)).toEqual({ "StringEquals aws:SourceArn": [organizationPlan.trail.arn] });
      expect(orgSt.AWSCloudTrailWrite.resources).toEqual([`${ORG_BUCKET}/AWSLogs/${MGMT}/*`, `${ORG_BUCKET}/AWSLogs/${ORG}/*`]);
      expect(conditions(orgSt.AWSCloudTrailWrite)).toEqual({
        "StringEquals s3:x-amz-acl": ["bucket-owner-full-control"],
        "StringEquals aws:SourceArn": [organizationPlan.trail.arn],
      });
      expect(singleSt.AWSCloudTrailWrite.resources).toEqual([`${SINGLE_BUCKET}/AWSLogs/${MGMT}/*`]);
      expect(conditions(singleSt.AWSCloudTrailWrite)["StringEquals aws:SourceArn"]).toEqual([singleAccountPlan.trail.arn]);
    });

    it("scopes to the organization without blocking AWS service principals", () => {
      expect(orgSt.DenyOutsideOrganization).toMatchObject({ effect: "Deny", actions: ["s3:*"], resources: [ORG_BUCKET, `${ORG_BUCKET}/*`] });
      expect(conditions(orgSt.DenyOutsideOrganization)).toEqual({
        "StringNotEquals aws:PrincipalOrgID": [ORG],
        "BoolIfExists aws:PrincipalIsAWSService": ["false"],
      });
      expect(JSON.stringify(single)).not.toContain("aws:PrincipalOrgID");
    });

    it("denies deletes to everyone but the break-glass role of the bucket's account", () => {
      expect(orgSt.DenyDeleteExceptBreakGlass.actions).toEqual([...PROTECTED_ARCHIVE_ACTIONS]);
      expect(orgSt.DenyDeleteExceptBreakGlass.actions).not.toContain("s3:PutBucketPolicy");
      expect(conditions(orgSt.DenyDeleteExceptBreakGlass)).toEqual({
        "ArnNotLike aws:PrincipalArn": [`arn:aws:iam::${ARCHIVE}:role/BreakGlass`],
      });
      // guardrails undefined in the single plan: default name, and the single account
      expect(conditions(singleSt.DenyDeleteExceptBreakGlass)).toEqual({
        "ArnNotLike aws:PrincipalArn": [`arn:aws:iam::${MGMT}:role/BreakGlass`],
      });
      const custom = buildStorage({ ...organizationPlan, guardrails: { breakGlassRoleName: "AuditEmergency", regionDeny: undefined } }).json;
      expect(conditions(statementsBySid(custom, "log_archive_policy_document").DenyDeleteExceptBreakGlass)).toEqual({
        "ArnNotLike aws:PrincipalArn": [`arn:aws:iam::${ARCHIVE}:role/AuditEmergency`],
      });
    });

    it("gives the named readers read-only access", () => {
      expect(orgSt.AllowLogReadersRead).toMatchObject({
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [READER] }],
        actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
        resources: [ORG_BUCKET, `${ORG_BUCKET}/*`],
      });
    });

    it("has no deny-unencrypted-upload statement (pitfall 9)", () => {
      for (const st of Object.values(orgSt)) {
        for (const c of st.condition ?? []) expect(c.variable).not.toMatch(/x-amz-server-side-encryption/);
      }
    });
  });

  describe("bucket policy evaluated offline (organization)", () => {
    const policy = toIamPolicy(org.data.aws_iam_policy_document.log_archive_policy_document);
    const obj = (key: string) => `${ORG_BUCKET}/${key}`;
    const trailCtx = {
      "aws:SourceArn": organizationPlan.trail.arn,
      "s3:x-amz-acl": "bucket-owner-full-control",
      "aws:SecureTransport": "true",
      "aws:PrincipalIsAWSService": "true",
      "aws:PrincipalServiceName": "cloudtrail.amazonaws.com",
    };
    const inOrg = (arn: string) => ({
      "aws:SecureTransport": "true",
      "aws:PrincipalIsAWSService": "false",
      "aws:PrincipalOrgID": ORG,
      "aws:PrincipalArn": arn,
    });

    it("CloudTrail delivers to both prefixes despite the organization deny", async () => {
      for (const key of [`AWSLogs/${ORG}/444444444444/CloudTrail/eu-west-2/x.json.gz`, `AWSLogs/${MGMT}/CloudTrail/eu-west-2/x.json.gz`]) {
        const res = await simulate(policy, { principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: obj(key), resourceAccount: ARCHIVE, context: trailCtx });
        expect(res.result).toBe("Allowed");
        expect(res.allowSids).toEqual(["AWSCloudTrailWrite"]);
      }
    });

    it("another trail, or a write without the ACL, is refused", async () => {
      const base = { principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: obj(`AWSLogs/${MGMT}/x`), resourceAccount: ARCHIVE };
      const other = await simulate(policy, { ...base, context: { ...trailCtx, "aws:SourceArn": `arn:aws:cloudtrail:eu-west-2:999999999999:trail/evil` } });
      expect(other.result).toBe("ImplicitlyDenied");
      const noAcl = await simulate(policy, { ...base, context: { ...trailCtx, "s3:x-amz-acl": "private" } });
      expect(noAcl.result).toBe("ImplicitlyDenied");
    });

    it("plain HTTP is denied even to CloudTrail", async () => {
      const res = await simulate(policy, {
        principal: "cloudtrail.amazonaws.com",
        action: "s3:PutObject",
        resource: obj(`AWSLogs/${MGMT}/x`),
        resourceAccount: ARCHIVE,
        context: { ...trailCtx, "aws:SecureTransport": "false" },
      });
      expect(res.result).toBe("ExplicitlyDenied");
      expect(res.denySids).toEqual(["DenyInsecureTransport"]);
    });

    it("nobody but CloudTrail writes under AWSLogs/: an administrator of the bucket's own account is denied", async () => {
      const admin = `arn:aws:iam::${ARCHIVE}:role/Admin`;
      const res = await simulate(policy, { principal: admin, action: "s3:PutObject", resource: obj(`AWSLogs/${MGMT}/CloudTrail/x.json.gz`), resourceAccount: ARCHIVE, identityAllowAll: true, context: inOrg(admin) });
      expect(res.result).toBe("ExplicitlyDenied");
      expect(res.denySids).toEqual(["DenyLogWritesExceptCloudTrail"]);
      const config = await simulate(policy, {
        principal: "config.amazonaws.com",
        action: "s3:PutObject",
        resource: obj(`AWSLogs/${MGMT}/Config/x`),
        resourceAccount: ARCHIVE,
        context: { ...trailCtx, "aws:PrincipalServiceName": "config.amazonaws.com" },
      });
      expect(config.result).toBe("ExplicitlyDenied");
    });

    it("principals outside the organization are denied", async () => {
      const arn = "arn:aws:iam::999999999999:role/Outsider";
      const res = await simulate(policy, {
        principal: arn,
        action: "s3:GetObject",
        resource: obj("AWSLogs/x"),
        resourceAccount: ARCHIVE,
        identityAllowAll: true,
        context: { ...inOrg(arn), "aws:PrincipalOrgID": "o-someoneelse" },
      });
      expect(res.result).toBe("ExplicitlyDenied");
      expect(res.denySids).toEqual(["DenyOutsideOrganization"]);
    });

    it("an administrator of the log-archive account cannot delete, the break-glass role can", async () => {
      for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket", "s3:BypassGovernanceRetention"]) {
        const resource = action === "s3:DeleteBucket" ? ORG_BUCKET : obj("AWSLogs/x");
        const admin = `arn:aws:iam::${ARCHIVE}:role/Admin`;
        const denied = await simulate(policy, { principal: admin, action, resource, resourceAccount: ARCHIVE, identityAllowAll: true, context: inOrg(admin) });
        expect(denied.result, action).toBe("ExplicitlyDenied");
        expect(denied.denySids).toEqual(["DenyDeleteExceptBreakGlass"]);
        const bg = `arn:aws:iam::${ARCHIVE}:role/BreakGlass`;
        const allowed = await simulate(policy, { principal: bg, action, resource, resourceAccount: ARCHIVE, identityAllowAll: true, context: inOrg(bg) });
        expect(allowed.result, action).toBe("Allowed");
      }
    });

    it("Terraform in the log-archive account can still manage the bucket policy and lifecycle", async () => {
      const tf = `arn:aws:iam::${ARCHIVE}:role/OrganizationAccountAccessRole`;
      for (const action of ["s3:PutBucketPolicy", "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning"]) {
        const res = await simulate(policy, { principal: tf, action, resource: ORG_BUCKET, resourceAccount: ARCHIVE, identityAllowAll: true, context: inOrg(tf) });
        expect(res.result, action).toBe("Allowed");
      }
    });

    it("a named reader in the security account can read", async () => {
      const res = await simulate(policy, {
        principal: READER,
        action: "s3:GetObject",
        resource: obj(`AWSLogs/${MGMT}/CloudTrail/x.json.gz`),
        resourceAccount: ARCHIVE,
        identityAllowAll: true,
        context: inOrg(READER),
      });
      expect(res.result).toBe("Allowed");
      expect(res.allowSids).toEqual(["AllowLogReadersRead"]);
    });
  });
});
