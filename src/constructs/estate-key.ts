import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { DEFAULT_BREAK_GLASS_ROLE } from "./log-archive-bucket.js";

export interface EstateKeyProps {
  /** The resolved plan; the key lives in `plan.accounts.management` (see Placement in plan.ts). */
  readonly plan: ResolvedPlan;
  /** Provider for the management account. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/**
 * The estate's customer-managed KMS key (CloudTrail, CloudWatch Logs, SNS alarm topics,
 * archive-bucket default encryption) with an explicit key policy. Every statement has a
 * stable Sid so reviewers and policy tests can name it.
 */
export class EstateKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly policyDocument: DataAwsIamPolicyDocument;
  /** Full key ARN: cross-account users (the archive bucket) must name the key by ARN, never by alias. */
  readonly keyArn: string;
  readonly keyId: string;

  constructor(scope: Construct, id: string, props: EstateKeyProps) {
    super(scope, id);
    const { plan, provider } = props;
    const mgmt = plan.accounts.management.id;
    const logArchive = plan.accounts.logArchive.id;
    const region = plan.homeRegion;
    const trailContext = `arn:aws:cloudtrail:*:${mgmt}:trail/*`;
    const breakGlass = plan.guardrails?.breakGlassRoleName ?? DEFAULT_BREAK_GLASS_ROLE;

    const statements: DataAwsIamPolicyDocumentStatement[] = [
      {
        // The default key-policy statement AWS recommends (KMS developer guide, "Default key
        // policy"): the account root delegates to IAM in the management account. It is what keeps
        // the key manageable (PutKeyPolicy lockout safety check), so it is never narrowed here;
        // who may actually administer the key is decided by IAM policies and the Deny below.
        sid: "EnableRootAccountPermissions",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${mgmt}:root`] }],
        actions: ["kms:*"],
        resources: ["*"],
      },
      {
        // Destroying the key destroys the evidence it encrypts. The guardrail SCP's ProtectKeys
        // cannot guard this key: SCPs never apply to the management account, where it lives (and a
        // single account has no SCPs at all). So the key policy itself denies disabling or
        // scheduling deletion to everyone except the break-glass role. PutKeyPolicy stays allowed,
        // so the lockout safety check and Terraform still work. A `*` principal in a Deny grants
        // nothing (CKV_AWS_33 checks Allow statements only).
        sid: "DenyKeyDeletionExceptBreakGlass",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
        resources: ["*"],
        condition: [{ test: "ArnNotLike", variable: "aws:PrincipalArn", values: [`arn:aws:iam::${mgmt}:role/${breakGlass}`] }],
      },
      {
        // Pitfall 10 / AWS "Granting encrypt permissions for trails". For an organization
        // trail the trail ARN (and so the context) is always in the management account (pitfall 8).
        sid: "AllowCloudTrailEncryptLogs",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["kms:GenerateDataKey*"],
        resources: ["*"],
        condition: [
          { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [trailContext] },
          { test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] },
        ],
      },
      {
        // Needed at CreateTrail/UpdateTrail, also with an S3 Bucket Key on the archive bucket
        // (CloudTrail guide, "Encrypting CloudTrail log files with AWS KMS keys").
        sid: "AllowCloudTrailDescribeKey",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["kms:DescribeKey"],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] }],
      },
    ];

    if (plan.logGroup.managed) {
      // CloudWatch Logs encrypts the estate's log group with this key (CloudWatch Logs guide,
      // "Encrypt log data using AWS KMS"): regional principal + the logs encryption context,
      // so the grant covers this one log group only.
      statements.push({
        sid: "AllowCloudWatchLogsLogGroup",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [plan.logGroup.arn] }],
      });
    }

    // WorkSpaces activity log groups in this account and region (src/constructs/workspaces/site.ts)
    // are encrypted with this key too: same service grant, limited to those groups.
    const workspacesGroups = (plan.workspaces?.sites ?? [])
      .filter((site) => site.isManagementHome)
      .flatMap((site) => [site.logGroupArn, ...site.directories.map((d) => d.logGroupArn)]);
    if (workspacesGroups.length > 0) {
      statements.push({
        sid: "AllowCloudWatchLogsWorkSpacesGroups",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: workspacesGroups }],
      });
    }

    if (plan.topics.length > 0) {
      // Pitfall 11: alarms publishing to an SSE topic need the topic key's Decrypt and
      // GenerateDataKey*; without it they deploy cleanly and deliver nothing. No grant for
      // sns.amazonaws.com is needed: SNS uses the key on behalf of the publisher (this one)
      // and of management-account principals, who are covered by the root statement.
      statements.push({
        sid: "AllowCloudWatchAlarmsEncryptedTopics",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] }],
      });
    }

    if (plan.key.readerArns.length > 0) {
      // Readers fetch log files with s3:GetObject and S3 calls kms:Decrypt as them. We scope by
      // kms:ViaService (only S3 in the home region may use the grant) rather than the CloudTrail
      // encryption context the CloudTrail guide shows: the archive bucket has an S3 Bucket Key,
      // and the S3 guide says bucket keys use the bucket ARN as encryption context, so a
      // condition on kms:EncryptionContext:aws:cloudtrail:arn may not match on read and readers
      // would get AccessDenied (the struggle in awslabs/landing-zone-accelerator-on-aws#1170,
      // #374). ViaService works whatever context S3 passes, and still keeps readers away from
      // the CloudWatch Logs and SNS data under this key. Readers' own IAM policies must also
      // allow kms:Decrypt on this key (cross-account). Digest files need no grant: CloudTrail
      // writes them with SSE-S3.
      statements.push({
        sid: "AllowLogReadersDecryptViaS3",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [...plan.key.readerArns] }],
        actions: ["kms:Decrypt"],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] }],
      });
    }

    if (logArchive !== mgmt) {
      // The archive bucket (log-archive account) uses this key as its default encryption with an
      // S3 Bucket Key. S3 calls KMS as the requester, so log-archive principals need the key, but
      // only through S3 in the home region and only for their own account's requests. Their
      // own IAM policies must still allow it (a key policy grant to an account root delegates).
      statements.push({
        sid: "AllowLogArchiveAccountViaS3",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${logArchive}:root`] }],
        actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        resources: ["*"],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] },
          { test: "StringEquals", variable: "kms:CallerAccount", values: [logArchive] },
        ],
      });
    }
    // No config.amazonaws.com grant: the Config bucket uses SSE-S3 (see config-recorder.ts).

    this.policyDocument = new DataAwsIamPolicyDocument(this, "policy_document", { provider, statement: statements });

    this.key = new KmsKey(this, "key", {
      provider,
      description: plan.key.description,
      enableKeyRotation: true,
      rotationPeriodInDays: plan.key.rotationPeriodDays,
      deletionWindowInDays: plan.key.deletionWindowDays,
      // Residency (pitfall 16, Prowler kms_cmk_not_multi_region): a single-Region key.
      multiRegion: false,
      isEnabled: true,
      policy: this.policyDocument.json,
      lifecycle: { preventDestroy: true },
    });

    this.alias = new KmsAlias(this, "alias", { provider, name: plan.key.alias, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
    this.keyId = this.key.keyId;
  }
}
