import { Fn, type ITerraformDependable, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule/index.js";
import { ConfigConfigurationAggregator } from "@cdktf/provider-aws/lib/config-configuration-aggregator/index.js";
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
import type { AccountRole, ConfigPlan, ConfigRulePlan, ResolvedPlan } from "../model/plan.js";
import { denyInsecureTransport } from "../policies/deny-insecure-transport.js";
import { type AccessLogBucket, accessLogPrefix } from "./access-log-bucket.js";
import { blockPublicAccessAndAcls, bucketPolicy } from "./bucket-hardening.js";

/** AWS managed policy for the Config recorder role (read access to resource configurations). */
export const AWS_CONFIG_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";
/** AWS managed policy an organization aggregator's role needs (Config guide, "Setting up an aggregator"). */
export const AWS_CONFIG_ORGANIZATIONS_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations";

export interface ConfigRecorderProps {
  /** The resolved plan; `plan.config` must be set (the stack adds this construct only then). */
  readonly plan: ResolvedPlan;
  /** One provider per account role (the stack's); undefined means the stack's default provider. */
  readonly providers: Readonly<Record<AccountRole, TerraformProvider | undefined>>;
  /** ARN of the estate key: Config history is delivered under it (the delivery channel's s3_kms_key_arn). */
  readonly kmsKeyArn: string;
  /** Where the Config bucket's server access logs go. Default: `plan.accessLogs.name`, by name only. */
  readonly accessLogBucket?: AccessLogBucket;
  /** Days Config history and snapshots are kept. Default: the archive's expiration, else `plan.retention.archiveDays`. */
  readonly expirationDays?: number;
}

/** Construct scope for an account's recorder and rules: management keeps the flat `config_*` addresses. */
const SCOPES: Readonly<Record<AccountRole, string | undefined>> = { management: undefined, logArchive: "log_archive", security: "security" };

/**
 * AWS Config for the estate (reference/organization.md D): a recorder in every estate account
 * that has none (one per account and Region is AWS's limit), each delivering under the estate
 * key to one bucket in the log-archive account (Config cannot deliver to an Object Lock bucket
 * with default retention, pitfall 6); the managed rules in the account that holds what they
 * check; and, outside Control Tower, an organization aggregator in the security account.
 */
export class ConfigRecorder extends Construct {
  /** The delivery bucket; undefined when the estate creates no recorder. */
  readonly bucket: S3Bucket | undefined;
  readonly bucketPolicy: S3BucketPolicy | undefined;
  /** What SCP attachments and later steps wait for: every recorder's status. */
  readonly recorderStatuses: readonly ConfigConfigurationRecorderStatus[];
  readonly rules: readonly ConfigConfigRule[];

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const { plan, providers } = props;
    const config = plan.config;
    if (!config) {
      throw new Error("ConfigRecorder: plan.config is undefined; only add this construct when the plan enables AWS Config.");
    }
    const scopeFor = (role: AccountRole): Construct => {
      const name = SCOPES[role];
      if (!name || plan.topology !== "organization") return this;
      return (this.node.tryFindChild(name) as Construct | undefined) ?? new Construct(this, name);
    };

    const delivery = config.recorderAccounts.length > 0 ? this.deliveryBucket(plan, config, props) : undefined;
    this.bucket = delivery?.bucket;
    this.bucketPolicy = delivery?.policy;
    const statuses = new Map<AccountRole, ConfigConfigurationRecorderStatus>();
    for (const role of config.recorderAccounts) {
      statuses.set(role, this.recorder(scopeFor(role), plan, config, role, providers[role], props.kmsKeyArn));
    }
    this.recorderStatuses = [...statuses.values()];

    const seen = new Set<string>();
    this.rules = config.rules.map((rule) => {
      const home = scopeFor(rule.account);
      const ruleId = `rule_${rule.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
      const key = `${home.node.path}/${ruleId}`;
      if (seen.has(key)) throw new Error(`ConfigRecorder: two Config rules map to the construct id "${ruleId}" in one account; give them distinct names.`);
      seen.add(key);
      const status = statuses.get(rule.account);
      return new ConfigConfigRule(home, ruleId, {
        provider: providers[rule.account],
        name: rule.name,
        source: { owner: "AWS", sourceIdentifier: rule.identifier },
        ...inputParameters(rule),
        // PutConfigRule needs a recorder in the account (NoAvailableConfigurationRecorderException).
        ...(status ? { dependsOn: [status] } : {}),
      });
    });

    if (config.aggregator) this.aggregator(plan, config.aggregator, providers.security, this.recorderStatuses);
  }

  private deliveryBucket(plan: ResolvedPlan, config: ConfigPlan, props: ConfigRecorderProps): { bucket: S3Bucket; policy: S3BucketPolicy } {
    const provider = props.providers.logArchive;
    const bucket = new S3Bucket(this, "bucket", { provider, bucket: config.bucketName, forceDestroy: false, lifecycle: { preventDestroy: true } });
    const { publicAccess } = blockPublicAccessAndAcls(this, bucket.id, provider);
    // Config history is a bank's configuration inventory, as sensitive as the trail: SSE-KMS under
    // the estate key (https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html),
    // with the key-policy grants in key-policies.ts and a Bucket Key for fewer KMS calls.
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    const versioning = new S3BucketVersioningA(this, "versioning", { provider, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    const lc = plan.archive.lifecycle;
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      provider,
      bucket: bucket.id,
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
      provider,
      bucket: bucket.id,
      targetBucket: props.accessLogBucket?.bucketName ?? plan.accessLogs.name,
      targetPrefix: accessLogPrefix(config.bucketName),
      ...(props.accessLogBucket ? { dependsOn: [props.accessLogBucket.policy] } : {}),
    });
    const recorderAccounts = [...new Set(config.recorderAccounts.map((r) => plan.accounts[r].id))].sort();
    return { bucket, policy: bucketPolicy(this, bucket.id, provider, configBucketStatements(config, recorderAccounts), publicAccess).policy };
  }

  /** Role, recorder, delivery channel and status in one account. Returns the status the rules wait for. */
  private recorder(
    scope: Construct,
    plan: ResolvedPlan,
    config: ConfigPlan,
    role: AccountRole,
    provider: TerraformProvider | undefined,
    kmsKeyArn: string,
  ): ConfigConfigurationRecorderStatus {
    const account = plan.accounts[role].id;
    const assumeRole = new DataAwsIamPolicyDocument(scope, "assume_role_policy", {
      provider,
      statement: [
        {
          sid: "AllowConfigAssumeRole",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
          actions: ["sts:AssumeRole"],
          // Confused deputy: only Config acting for this account may assume the role.
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account] }],
        },
      ],
    });
    const iamRole = new IamRole(scope, "role", {
      provider,
      name: `${config.recorderName}-role`,
      description: "AWS Config recorder role (trailwright)",
      assumeRolePolicy: assumeRole.json,
    });
    // Separate attachment, not the deprecated managed_policy_arns argument (warns on 5.100).
    new IamRolePolicyAttachment(scope, "role_managed_policy", { provider, role: iamRole.name, policyArn: AWS_CONFIG_ROLE_POLICY_ARN });
    // AWS_ConfigRole has no S3 write and no KMS: Config delivers as this role
    // (https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html).
    const delivery = new DataAwsIamPolicyDocument(scope, "delivery_policy_document", {
      provider,
      statement: [
        { sid: "ConfigBucketAclCheck", effect: "Allow", actions: ["s3:GetBucketAcl", "s3:ListBucket"], resources: [config.bucketArn] },
        {
          sid: "ConfigBucketDelivery",
          effect: "Allow",
          actions: ["s3:PutObject"],
          resources: [`${config.bucketArn}/AWSLogs/${account}/Config/*`],
          condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
        },
        { sid: "ConfigDeliveryEncryption", effect: "Allow", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [kmsKeyArn] },
      ],
    });
    const deliveryPolicy = new IamRolePolicy(scope, "delivery_policy", { provider, name: "config-delivery", role: iamRole.id, policy: delivery.json });
    const recorder = new ConfigConfigurationRecorder(scope, "recorder", {
      provider,
      name: config.recorderName,
      roleArn: iamRole.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: role === "management" },
    });
    const channel = new ConfigDeliveryChannel(scope, "delivery_channel", {
      provider,
      name: config.recorderName,
      s3BucketName: config.bucketName,
      s3KmsKeyArn: kmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      // PutDeliveryChannel checks bucket access at once, so the bucket policy and the role's
      // permissions must already be there.
      dependsOn: [recorder, ...(this.bucketPolicy ? [this.bucketPolicy] : []), deliveryPolicy],
    });
    return new ConfigConfigurationRecorderStatus(scope, "recorder_status", { provider, name: recorder.name, isEnabled: true, dependsOn: [channel] });
  }

  /**
   * Organization aggregator in the security account. It needs trusted access for
   * config.amazonaws.com and the security account registered as Config delegated administrator
   * (estate README prerequisites; https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html).
   */
  private aggregator(
    plan: ResolvedPlan,
    aggregator: NonNullable<ConfigPlan["aggregator"]>,
    provider: TerraformProvider | undefined,
    after: readonly ITerraformDependable[],
  ): void {
    const scope = new Construct(this, "aggregator");
    const trust = new DataAwsIamPolicyDocument(scope, "trust", {
      provider,
      statement: [
        {
          sid: "AllowConfigAssumeRole",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
          actions: ["sts:AssumeRole"],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [plan.accounts.security.id] }],
        },
      ],
    });
    const role = new IamRole(scope, "role", { provider, name: aggregator.roleName, description: "AWS Config organization aggregator (trailwright)", assumeRolePolicy: trust.json });
    const attachment = new IamRolePolicyAttachment(scope, "role_managed_policy", { provider, role: role.name, policyArn: AWS_CONFIG_ORGANIZATIONS_POLICY_ARN });
    new ConfigConfigurationAggregator(scope, "organization", {
      provider,
      name: aggregator.name,
      organizationAggregationSource: { roleArn: role.arn, regions: [...plan.allowedRegions] },
      dependsOn: [attachment, ...after],
    });
  }
}

function configBucketStatements(config: ConfigPlan, recorderAccounts: readonly string[]): DataAwsIamPolicyDocumentStatement[] {
  const arn = config.bucketArn;
  const configService = { type: "Service", identifiers: ["config.amazonaws.com"] };
  // The documented policy for a bucket in another account
  // (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html), which also
  // covers one account; aws:SourceAccount pins it to the estate's recorders (confused deputy).
  const fromRecorders = { test: "StringEquals", variable: "aws:SourceAccount", values: [...recorderAccounts] };
  return [
    denyInsecureTransport(arn),
    { sid: "AWSConfigBucketPermissionsCheck", effect: "Allow", principals: [configService], actions: ["s3:GetBucketAcl"], resources: [arn], condition: [fromRecorders] },
    { sid: "AWSConfigBucketExistenceCheck", effect: "Allow", principals: [configService], actions: ["s3:ListBucket"], resources: [arn], condition: [fromRecorders] },
    {
      sid: "AWSConfigBucketDelivery",
      effect: "Allow",
      principals: [configService],
      actions: ["s3:PutObject"],
      resources: recorderAccounts.map((id) => `${arn}/AWSLogs/${id}/Config/*`),
      condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, fromRecorders],
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
