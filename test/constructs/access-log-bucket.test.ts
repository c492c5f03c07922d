import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { AccessLogBucket } from "../../src/constructs/access-log-bucket.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { simulate, toIamPolicy } from "./policy-sim.js";
import { buildStorage, conditions, statementsBySid } from "./storage-harness.js";

const ARCHIVE = "222222222222";
const MGMT = "111111111111";
const BUCKET = organizationPlan.accessLogs.arn;

describe("AccessLogBucket", () => {
  const org = buildStorage(organizationPlan).json;
  const single = buildStorage(singleAccountPlan).json;
  const r = org.resource;

  it("is a separate bucket without Object Lock (pitfall 4) that cannot be destroyed", () => {
    expect(r.aws_s3_bucket.access_logs_bucket).toEqual({
      provider: "aws.log_archive",
      bucket: "acme-audit-access-logs-222222222222-eu-west-2",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.keys(r.aws_s3_bucket_object_lock_configuration)).toEqual(["log_archive_object_lock"]);
    expect(single.resource.aws_s3_bucket.access_logs_bucket.provider).toBeUndefined();
  });

  it("uses SSE-S3, not KMS (pitfall 5)", () => {
    expect(r.aws_s3_bucket_server_side_encryption_configuration.access_logs_encryption.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
  });

  it("blocks public access, disables ACLs and versions objects", () => {
    expect(r.aws_s3_bucket_public_access_block.access_logs_public_access).toEqual({
      provider: "aws.log_archive",
      bucket: "${aws_s3_bucket.access_logs_bucket.id}",
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(r.aws_s3_bucket_ownership_controls.access_logs_ownership.rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(r.aws_s3_bucket_versioning.access_logs_versioning.versioning_configuration).toEqual({ status: "Enabled" });
  });

  it("expires logs at plan.accessLogs.expirationDays and aborts multipart uploads", () => {
    expect(r.aws_s3_bucket_lifecycle_configuration.access_logs_lifecycle.rule).toEqual([
      {
        id: "expire-access-logs",
        status: "Enabled",
        filter: [{}],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
    const short = buildStorage({ ...singleAccountPlan, accessLogs: { ...singleAccountPlan.accessLogs, expirationDays: 90 } }).json;
    expect(short.resource.aws_s3_bucket_lifecycle_configuration.access_logs_lifecycle.rule[0].expiration).toEqual([{ days: 90 }]);
  });

  it("has a TLS-only deny and a logging.s3 grant by policy, not ACL", () => {
    const st = statementsBySid(org, "access_logs_policy_document");
    expect(Object.keys(st)).toEqual(["DenyInsecureTransport", "S3ServerAccessLogsPolicy"]);
    expect(conditions(st.DenyInsecureTransport)).toEqual({ "Bool aws:SecureTransport": ["false"] });
    expect(st.DenyInsecureTransport.resources).toEqual([BUCKET, `${BUCKET}/*`]);
    expect(st.S3ServerAccessLogsPolicy).toMatchObject({
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      // org plan has Config, so its bucket logs here too, each under its own prefix
      resources: [`${BUCKET}/${organizationPlan.archive.name}/*`, `${BUCKET}/${organizationPlan.config!.bucketName}/*`],
    });
    expect(conditions(st.S3ServerAccessLogsPolicy)).toEqual({
      "ArnLike aws:SourceArn": [organizationPlan.archive.arn, organizationPlan.config!.bucketArn],
      "StringEquals aws:SourceAccount": [ARCHIVE],
    });
    expect(r.aws_s3_bucket_policy.access_logs_policy.depends_on).toEqual(["aws_s3_bucket_public_access_block.access_logs_public_access"]);
    expect(JSON.stringify(org)).not.toMatch(/log-delivery-write|aws_s3_bucket_acl/);
  });

  it("single account: only the archive logs here, and the source account is that account", () => {
    const st = statementsBySid(single, "access_logs_policy_document").S3ServerAccessLogsPolicy;
    const arn = singleAccountPlan.accessLogs.arn;
    expect(st.resources).toEqual([`${arn}/${singleAccountPlan.archive.name}/*`]);
    expect(conditions(st)).toEqual({
      "ArnLike aws:SourceArn": [singleAccountPlan.archive.arn],
      "StringEquals aws:SourceAccount": [MGMT],
    });
  });

  it("rejects an empty source list", () => {
    const stack = new ReadableStack(Testing.app(), "estate");
    expect(() => new AccessLogBucket(stack, "access_logs", { plan: singleAccountPlan, sources: [] })).toThrow(/sources/);
  });

  describe("policy evaluated offline", () => {
    const policy = toIamPolicy(org.data.aws_iam_policy_document.access_logs_policy_document);
    const ctx = {
      "aws:SourceArn": organizationPlan.archive.arn,
      "aws:SourceAccount": ARCHIVE,
      "aws:SecureTransport": "true",
    };
    const put = (key: string, context: Record<string, string>) =>
      simulate(policy, { principal: "logging.s3.amazonaws.com", action: "s3:PutObject", resource: `${BUCKET}/${key}`, resourceAccount: ARCHIVE, context });

    it("S3 delivers the archive's access logs under its prefix", async () => {
      const res = await put(`${organizationPlan.archive.name}/2025-01-01-00-00-00-ABCDEF`, ctx);
      expect(res.result).toBe("Allowed");
      expect(res.allowSids).toEqual(["S3ServerAccessLogsPolicy"]);
    });

    it("another bucket or another account cannot deliver", async () => {
      const key = `${organizationPlan.archive.name}/x`;
      expect((await put(key, { ...ctx, "aws:SourceArn": "arn:aws:s3:::someone-elses-bucket" })).result).toBe("ImplicitlyDenied");
      expect((await put(key, { ...ctx, "aws:SourceAccount": "999999999999" })).result).toBe("ImplicitlyDenied");
      expect((await put("elsewhere/x", ctx)).result).toBe("ImplicitlyDenied");
    });
  });
});
