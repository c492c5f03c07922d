import { Fn, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule/index.js";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder/index.js";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status/index.js";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel/index.js";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging/index.js";
import type { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import type { ConfigPlan, ConfigRulePlan, ResolvedPlan } from "../model/plan.js";
import { type AccessLogBucket, accessLogPrefix } from "./access-log-bucket.js";
import { blockPublicAccessAndAcls, bucketPolicy, denyInsecureTransport } from "./bucket-hardening.js";

/** AWS managed policy for the Config recorder role (read access to resource configurations). */
export const AWS_CONFIG_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

export interface ConfigRecorderProps {
  /** The resolved plan; `plan.config` must be set (the stack adds this construct only then). */
  readonly plan: ResolvedPlan;
  /** Provider for the management account (role, recorder, channel, rules). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
  /** Provider for the log-archive account (the Config bucket). Default: the stack's default provider. */
  readonly bucketProvider?: TerraformProvider;
  /**
   * Where the Config bucket's server access logs go. Passing the construct makes the logging
   * configuration wait for it. Default: `plan.accessLogs.name`, by name only.
   */
  readonly accessLogBucket?: AccessLogBucket;
  /** Days Config history and snapshots are kept. Default: the archive's expiration, else `plan.retention.archiveDays`. */
  readonly expirationDays?: number;
}

/**
 * AWS Config in the management account's home region, delivering to its own bucket in the
 * log-archive account (Config cannot deliver to an Object Lock bucket with default retention,
 * pitfall 6), plus the managed rules that keep checking the logging estate.
 */
export class ConfigRecorder extends Construct {
  readonly bucket: S3Bucket;
  readonly bucketPolicy: S3BucketPolicy;
  readonly bucketPolicyDocument: DataAwsIamPolicyDocument;
  readonly role: IamRole;
  readonly recorder: ConfigConfigurationRecorder;
  readonly deliveryChannel: ConfigDeliveryChannel;
  readonly recorderStatus: ConfigConfigurationRecorderStatus;
  readonly rules: readonly ConfigConfigRule[];

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const { plan, provider, bucketProvider } = props;
    const config = plan.config;
    if (!config) {
      throw new Error("ConfigRecorder: plan.config is undefined; only add this construct when the plan enables AWS Config.");
    }
    const mgmt = plan.accounts.management.id;

    // ---- Config bucket (log-archive account) ----
    this.bucket = new S3Bucket(this, "bucket", {
      provider: bucketProvider,
      bucket: config.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    const { publicAccess } = blockPublicAccessAndAcls(this, this.bucket.id, bucketProvider);

    // SSE-S3, deliberately: with SSE-KMS, cross-account delivery would need the delivery channel's
    // s3_kms_key_arn plus key grants for the Config role and the config.amazonaws.com fallback
    // principal, and a wrong grant fails silently (no snapshots). Config data is resource
    // configuration, not the audit trail; the CloudTrail archive keeps SSE-KMS. Scanners flag
    // CKV_AWS_145 here: the plan's suppressions should say so.
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider: bucketProvider,
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      provider: bucketProvider,
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    const lc = plan.archive.lifecycle;
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      provider: bucketProvider,
      bucket: this.bucket.id,
      rule: [
        {
          id: "config-retention",
          status: "Enabled",
          filter: [{}],
          expiration: [{ days: props.expirationDays ?? lc?.expirationDays ?? plan.retention.archiveDays.value }],
          noncurrentVersionExpiration: [{ noncurrentDays: lc?.noncurrentExpirationDays ?? 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: lc?.abortIncompleteMultipartDays ?? 7 }],
        },
      ],
      dependsOn: [versioning],
    });
    new S3BucketLoggingA(this, "logging", {
      provider: bucketProvider,
      bucket: this.bucket.id,
      targetBucket: props.accessLogBucket?.bucketName ?? plan.accessLogs.name,
      targetPrefix: accessLogPrefix(config.bucketName),
      ...(props.accessLogBucket ? { dependsOn: [props.accessLogBucket.policy] } : {}),
    });

    ({ document: this.bucketPolicyDocument, policy: this.bucketPolicy } = bucketPolicy(
      this,
      this.bucket.id,
      bucketProvider,
      configBucketStatements(config, mgmt),
      publicAccess,
    ));

    // ---- Recorder role (management account) ----
    const assumeRole = new DataAwsIamPolicyDocument(this, "assume_role_policy", {
      provider,
      statement: [
        {
          sid: "AllowConfigAssumeRole",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
          actions: ["sts:AssumeRole"],
          // Confused deputy: only Config acting for this account may assume the role.
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] }],
        },
      ],
    });
    this.role = new IamRole(this, "role", {
      provider,
      name: `${config.recorderName}-role`,
      description: "AWS Config recorder role (trailwright)",
      assumeRolePolicy: assumeRole.json,
    });
    // Separate attachment, not the deprecated managed_policy_arns argument (warns on 5.100).
    new IamRolePolicyAttachment(this, "role_managed_policy", {
      provider,
      role: this.role.name,
      policyArn: AWS_CONFIG_ROLE_POLICY_ARN,
    });
    // AWS_ConfigRole has no S3 write. In one account Config delivers as this role, so it needs
    // the grant; across accounts the bucket policy does not name the role, so Config falls back
    // to the config.amazonaws.com principal the bucket policy does allow (Config guide,
    // "Permissions for the Amazon S3 Bucket for the AWS Config Delivery Channel").
    const delivery = new DataAwsIamPolicyDocument(this, "delivery_policy_document", {
      provider,
      statement: [
        {
          sid: "ConfigBucketAclCheck",
          effect: "Allow",
          actions: ["s3:GetBucketAcl", "s3:ListBucket"],
          resources: [config.bucketArn],
        },
        {
          sid: "ConfigBucketDelivery",
          effect: "Allow",
          actions: ["s3:PutObject"],
          resources: [`${config.bucketArn}/AWSLogs/${mgmt}/Config/*`],
          condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
        },
      ],
    });
    new IamRolePolicy(this, "delivery_policy", {
      provider,
      name: "config-delivery",
      role: this.role.id,
      policy: delivery.json,
    });

    // ---- Recorder, channel, status (management account, home region) ----
    this.recorder = new ConfigConfigurationRecorder(this, "recorder", {
      provider,
      name: config.recorderName,
      roleArn: this.role.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    this.deliveryChannel = new ConfigDeliveryChannel(this, "delivery_channel", {
      provider,
      name: config.recorderName,
      s3BucketName: this.bucket.bucket,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      // PutDeliveryChannel checks bucket access at once, so the policy must already be there.
      dependsOn: [this.recorder, this.bucketPolicy],
    });
    this.recorderStatus = new ConfigConfigurationRecorderStatus(this, "recorder_status", {
      provider,
      name: this.recorder.name,
      isEnabled: true,
      dependsOn: [this.deliveryChannel],
    });

    const seen = new Set<string>();
    this.rules = config.rules.map((rule) => {
      const ruleId = `rule_${rule.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
      if (seen.has(ruleId)) {
        throw new Error(`ConfigRecorder: two Config rules map to the construct id "${ruleId}"; give them distinct names.`);
      }
      seen.add(ruleId);
      return new ConfigConfigRule(this, ruleId, {
        provider,
        name: rule.name,
        source: { owner: "AWS", sourceIdentifier: rule.identifier },
        ...inputParameters(rule),
        dependsOn: [this.recorder],
      });
    });
  }
}

function configBucketStatements(config: ConfigPlan, mgmt: string): DataAwsIamPolicyDocumentStatement[] {
  const arn = config.bucketArn;
  const configService = { type: "Service", identifiers: ["config.amazonaws.com"] };
  // The documented policy for a bucket in another account, which also covers one account.
  // aws:SourceAccount pins it to the management account's recorder (confused deputy).
  const fromMgmt = { test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] };
  return [
      denyInsecureTransport(arn),
      { sid: "AWSConfigBucketPermissionsCheck", effect: "Allow", principals: [configService], actions: ["s3:GetBucketAcl"], resources: [arn], condition: [fromMgmt] },
      { sid: "AWSConfigBucketExistenceCheck", effect: "Allow", principals: [configService], actions: ["s3:ListBucket"], resources: [arn], condition: [fromMgmt] },
      {
        sid: "AWSConfigBucketDelivery",
        effect: "Allow",
        principals: [configService],
        actions: ["s3:PutObject"],
        resources: [`${arn}/AWSLogs/${mgmt}/Config/*`],
        condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, fromMgmt],
      },
  ];
}

/** input_parameters as a JSON string; through `lit` when a value would break the HCL renderer. */
function inputParameters(rule: ConfigRulePlan): { inputParameters?: string } {
  if (!rule.inputParameters || Object.keys(rule.inputParameters).length === 0) return {};
  const json = JSON.stringify(rule.inputParameters);
  const plain = Object.entries(rule.inputParameters).every(([k, v]) => !/["\\\n\r]|\$\{|%\{/.test(k + v));
  return { inputParameters: plain ? json : lit(json) };
}

/**
 * The lit(s) rule (reference/hcl-output.md): a literal the HCL renderer would mangle (quotes
 * inside quotes, backslashes, newlines, `${`) becomes `tostring("<json-escaped text>")`.
 * cdktf escapes `${` inside Fn arguments itself; only `%{` needs doubling.
 */
function lit(s: string): string {
  return Fn.tostring(JSON.stringify(s.replace(/%\{/g, "%%{")));
}
