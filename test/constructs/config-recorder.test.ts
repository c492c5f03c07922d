import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { AWS_CONFIG_ROLE_POLICY_ARN, ConfigRecorder } from "../../src/constructs/config-recorder.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { simulate, toIamPolicy } from "./policy-sim.js";
import { type Json, buildStorage, conditions, statementsBySid } from "./storage-harness.js";

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const SECURITY = "333333333333";
const config = organizationPlan.config!;
const BUCKET = config.bucketArn;

describe("ConfigRecorder", () => {
  const org = buildStorage(organizationPlan).json;
  const r = org.resource;

  it("puts its own hardened bucket in the log-archive account, without Object Lock (pitfall 6)", () => {
    expect(r.aws_s3_bucket.config_bucket).toEqual({
      provider: "aws.log_archive",
      bucket: config.bucketName,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(r.aws_s3_bucket_object_lock_configuration.config_object_lock).toBeUndefined();
    expect(r.aws_s3_bucket_public_access_block.config_public_access).toMatchObject({
      provider: "aws.log_archive",
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(r.aws_s3_bucket_ownership_controls.config_ownership.rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(r.aws_s3_bucket_server_side_encryption_configuration.config_encryption.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.estate_key_key.arn}" }, bucket_key_enabled: true },
    ]);
    expect(r.aws_s3_bucket_versioning.config_versioning.versioning_configuration).toEqual({ status: "Enabled" });
    expect(r.aws_s3_bucket_lifecycle_configuration.config_lifecycle.rule).toEqual([
      {
        id: "config-retention",
        status: "Enabled",
        filter: [{}],
        expiration: [{ days: 2557 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
    expect(r.aws_s3_bucket_logging.config_logging).toMatchObject({
      target_bucket: "${aws_s3_bucket.access_logs_bucket.bucket}",
      target_prefix: `${config.bucketName}/`,
    });
  });

  it("lets the estate's recorders deliver across accounts, and nothing else", () => {
    const st = statementsBySid(org, "config_policy_document");
    expect(Object.keys(st)).toEqual([
      "DenyInsecureTransport",
      "AWSConfigBucketPermissionsCheck",
      "AWSConfigBucketExistenceCheck",
      "AWSConfigBucketDelivery",
    ]);
    const svc = [{ type: "Service", identifiers: ["config.amazonaws.com"] }];
    expect(st.AWSConfigBucketPermissionsCheck).toMatchObject({ principals: svc, actions: ["s3:GetBucketAcl"], resources: [BUCKET] });
    expect(st.AWSConfigBucketExistenceCheck).toMatchObject({ principals: svc, actions: ["s3:ListBucket"], resources: [BUCKET] });
    const recorders = [MGMT, ARCHIVE, SECURITY];
    expect(st.AWSConfigBucketDelivery).toMatchObject({
      principals: svc,
      actions: ["s3:PutObject"],
      resources: recorders.map((id) => `${BUCKET}/AWSLogs/${id}/Config/*`),
    });
    expect(conditions(st.AWSConfigBucketDelivery)).toEqual({
      "StringEquals s3:x-amz-acl": ["bucket-owner-full-control"],
      "StringEquals aws:SourceAccount": recorders,
    });
    for (const sid of ["AWSConfigBucketPermissionsCheck", "AWSConfigBucketExistenceCheck"]) {
      expect(conditions(st[sid])).toEqual({ "StringEquals aws:SourceAccount": recorders });
    }
    expect(r.aws_s3_bucket_policy.config_policy.provider).toBe("aws.log_archive");
  });

  it("creates the recorder role in the management account with AWS_ConfigRole", () => {
    expect(r.aws_iam_role.config_role).toMatchObject({
      provider: "aws.management",
      name: "acme-audit-recorder-role",
      assume_role_policy: "${data.aws_iam_policy_document.config_assume_role_policy.json}",
    });
    expect(r.aws_iam_role.config_role.managed_policy_arns).toBeUndefined();
    const trust = statementsBySid(org, "config_assume_role_policy").AllowConfigAssumeRole;
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["config.amazonaws.com"] }]);
    expect(trust.actions).toEqual(["sts:AssumeRole"]);
    expect(conditions(trust)).toEqual({ "StringEquals aws:SourceAccount": [MGMT] });
    expect(r.aws_iam_role_policy_attachment.config_role_managed_policy).toEqual({
      provider: "aws.management",
      role: "${aws_iam_role.config_role.name}",
      policy_arn: AWS_CONFIG_ROLE_POLICY_ARN,
    });
    expect(AWS_CONFIG_ROLE_POLICY_ARN).toBe("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
    const delivery = statementsBySid(org, "config_delivery_policy_document");
    expect(delivery.ConfigBucketDelivery.resources).toEqual([`${BUCKET}/AWSLogs/${MGMT}/Config/*`]);
    expect(delivery.ConfigDeliveryEncryption).toMatchObject({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: ["${aws_kms_key.estate_key_key.arn}"] });
  });

  it("gives log-archive and security their own recorders, each delivering under its own account prefix", () => {
    expect(r.aws_config_configuration_recorder.config_log_archive_recorder).toMatchObject({ provider: "aws.log_archive", role_arn: "${aws_iam_role.config_log_archive_role.arn}" });
    expect(r.aws_config_configuration_recorder.config_security_recorder).toMatchObject({ provider: "aws.security" });
    expect(statementsBySid(org, "config_security_delivery_policy_document").ConfigBucketDelivery.resources).toEqual([`${BUCKET}/AWSLogs/${SECURITY}/Config/*`]);
    // Global resource types (IAM) once, in management: every account would record them again.
    expect(r.aws_config_configuration_recorder.config_log_archive_recorder.recording_group.include_global_resource_types).toBe(false);
  });

  it("creates no recorder where the plan reuses an existing one, and no bucket when none is created", () => {
    const plan: ResolvedPlan = { ...organizationPlan, config: { ...config, recorderAccounts: [], existingRecorderAccounts: ["management", "logArchive", "security"] } };
    const json: Json = buildStorage(plan).json;
    expect(json.resource.aws_config_configuration_recorder).toBeUndefined();
    expect(json.resource.aws_s3_bucket.config_bucket).toBeUndefined();
    expect(json.resource.aws_config_config_rule.config_rule_cloudtrail_enabled.depends_on).toBeUndefined();
  });

  it("puts the aggregator in the security account with the organizations role", () => {
    expect(r.aws_config_configuration_aggregator.config_aggregator_organization).toMatchObject({
      provider: "aws.security",
      name: "acme-audit-organization",
      organization_aggregation_source: { role_arn: "${aws_iam_role.config_aggregator_role.arn}", regions: ["eu-west-2"] },
    });
  });

  it("records all supported resources including global types, then delivers, then starts", () => {
    expect(r.aws_config_configuration_recorder.config_recorder).toEqual({
      provider: "aws.management",
      name: "acme-audit-recorder",
      role_arn: "${aws_iam_role.config_role.arn}",
      recording_group: { all_supported: true, include_global_resource_types: true },
    });
    expect(r.aws_config_delivery_channel.config_delivery_channel).toEqual({
      provider: "aws.management",
      name: "acme-audit-recorder",
      s3_bucket_name: config.bucketName,
      s3_kms_key_arn: "${aws_kms_key.estate_key_key.arn}",
      snapshot_delivery_properties: { delivery_frequency: "TwentyFour_Hours" },
      depends_on: ["aws_config_configuration_recorder.config_recorder", "aws_s3_bucket_policy.config_policy", "aws_iam_role_policy.config_delivery_policy"],
    });
    expect(r.aws_config_configuration_recorder_status.config_recorder_status).toEqual({
      provider: "aws.management",
      name: "${aws_config_configuration_recorder.config_recorder.name}",
      is_enabled: true,
      depends_on: ["aws_config_delivery_channel.config_delivery_channel"],
    });
  });

  it("adds each managed rule in its own account, after that account's recorder has started", () => {
    expect(r.aws_config_config_rule).toEqual({
      config_rule_cloudtrail_enabled: {
        provider: "aws.management",
        name: "cloudtrail-enabled",
        source: { owner: "AWS", source_identifier: "CLOUD_TRAIL_ENABLED" },
        depends_on: ["aws_config_configuration_recorder_status.config_recorder_status"],
      },
      config_rule_cw_loggroup_retention_period_check: {
        provider: "aws.management",
        name: "cw-loggroup-retention-period-check",
        source: { owner: "AWS", source_identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK" },
        input_parameters: '{"MinRetentionTime":"365"}',
        depends_on: ["aws_config_configuration_recorder_status.config_recorder_status"],
      },
      config_log_archive_rule_s3_bucket_versioning_enabled: {
        provider: "aws.log_archive",
        name: "s3-bucket-versioning-enabled",
        source: { owner: "AWS", source_identifier: "S3_BUCKET_VERSIONING_ENABLED" },
        depends_on: ["aws_config_configuration_recorder_status.config_log_archive_recorder_status"],
      },
    });
  });

  it("passes input parameters with quotes, backslashes or ${ through lit()", () => {
    const params = { note: 'say "hi"', path: "C:\\logs", tmpl: "${x}", pct: "%{y}" };
    const plan: ResolvedPlan = { ...organizationPlan, config: { ...config, rules: [{ account: "management", name: "odd", identifier: "X", inputParameters: params }] } };
    const value: string = buildStorage(plan).json.resource.aws_config_config_rule.config_rule_odd.input_parameters;
    const m = /^\$\{tostring\((".*")\)\}$/.exec(value);
    expect(m).not.toBeNull();
    // What Terraform evaluates: the HCL string literal, with $${ and %%{ unescaped.
    const evaluated = (JSON.parse(m![1]!) as string).replaceAll("$${", "${").replaceAll("%%{", "%{");
    expect(JSON.parse(evaluated)).toEqual(params);
  });

  it("uses the default provider in single-account topology and throws without plan.config", () => {
    const plan: ResolvedPlan = { ...singleAccountPlan, config: { ...config, recorderAccounts: ["management"], aggregator: undefined } };
    const json: Json = buildStorage(plan).json;
    expect(json.resource.aws_config_configuration_recorder.config_recorder.provider).toBeUndefined();
    expect(json.resource.aws_s3_bucket.config_bucket.provider).toBeUndefined();
    expect(buildStorage(singleAccountPlan).json.resource.aws_config_configuration_recorder).toBeUndefined();
    const stack = new ReadableStack(Testing.app(), "estate");
    const providers = { management: undefined, logArchive: undefined, security: undefined };
    expect(() => new ConfigRecorder(stack, "config", { plan: singleAccountPlan, providers, kmsKeyArn: "k" })).toThrow(/plan\.config/);
  });

  it("rejects two rules that map to the same construct id", () => {
    const stack = new ReadableStack(Testing.app(), "estate");
    const rules = [
      { account: "management" as const, name: "a-b", identifier: "X", inputParameters: undefined },
      { account: "management" as const, name: "a_b", identifier: "Y", inputParameters: undefined },
    ];
    const providers = { management: undefined, logArchive: undefined, security: undefined };
    expect(() => new ConfigRecorder(stack, "config", { plan: { ...organizationPlan, config: { ...config, rules } }, providers, kmsKeyArn: "k" })).toThrow(/distinct names/);
  });

  describe("bucket policy evaluated offline", () => {
    const policy = toIamPolicy(org.data.aws_iam_policy_document.config_policy_document);
    const ctx = { "aws:SourceAccount": MGMT, "s3:x-amz-acl": "bucket-owner-full-control", "aws:SecureTransport": "true" };
    const put = (key: string, context: Record<string, string>) =>
      simulate(policy, { principal: "config.amazonaws.com", action: "s3:PutObject", resource: `${BUCKET}/${key}`, resourceAccount: ARCHIVE, context });

    it("Config from the management account delivers snapshots", async () => {
      const res = await put(`AWSLogs/${MGMT}/Config/eu-west-2/2025/1/1/ConfigSnapshot/x.json.gz`, ctx);
      expect(res.result).toBe("Allowed");
      expect(res.allowSids).toEqual(["AWSConfigBucketDelivery"]);
    });

    it("Config acting for another account cannot", async () => {
      const res = await put(`AWSLogs/${MGMT}/Config/x`, { ...ctx, "aws:SourceAccount": "999999999999" });
      expect(res.result).toBe("ImplicitlyDenied");
    });
  });
});
