// Key policies as data: the constructs emit them, quotas.ts measures them, the policy tests
// read the same statements. Every statement has a stable Sid reviewers and tests can name.
import type { DataAwsIamPolicyDocumentStatement as Statement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { KeyPlan, ResolvedPlan } from "../model/plan.js";
import { kmsViaService } from "./kms-via-service.js";
import { forensicsEstateKeyStatements, reviewTopicKeyStatements } from "../query/estate/forensic-grants.js";

export const DEFAULT_BREAK_GLASS_ROLE = "BreakGlass";

/**
 * What the key's own account may do without reading data: the administration actions of AWS's
 * default "key administrators" statement
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators)
 * minus kms:CreateGrant, which would let an administrator grant itself Decrypt. The root
 * statement of the default policy grants kms:* and so kms:Decrypt to any principal whose IAM
 * policy allows it: with this list instead, decryption needs a statement below that names the
 * principal. PutKeyPolicy stays, so the key can never be locked out (KMS's lockout safety check).
 */
export const KEY_ADMINISTRATION_ACTIONS: readonly string[] = Object.freeze([
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:Describe*",
  "kms:Disable*",
  "kms:Enable*",
  "kms:Get*",
  "kms:List*",
  "kms:PutKeyPolicy",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:Update*",
]);

function keyAccountId(plan: ResolvedPlan, key: KeyPlan): string {
  return plan.accounts[key.account].id;
}

function administration(accountId: string): Statement {
  return {
    sid: "KeyAdministrationWithoutDataAccess",
    effect: "Allow",
    principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${accountId}:root`] }],
    actions: [...KEY_ADMINISTRATION_ACTIONS],
    resources: ["*"],
  };
}

/** The estate key (security account): CloudTrail log files, the archive and Config buckets. */
export function estateKeyStatements(plan: ResolvedPlan): Statement[] {
  const keyAccount = keyAccountId(plan, plan.key);
  const mgmt = plan.accounts.management.id;
  const region = plan.homeRegion;
  const breakGlass = plan.guardrails?.breakGlassRoleName ?? DEFAULT_BREAK_GLASS_ROLE;
  const trailSource = { test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] };
  const statements: Statement[] = [
    administration(keyAccount),
    {
      // Destroying the key destroys the evidence it encrypts. In an organization the guardrail
      // SCP also guards this key (it is in a member account); the Deny here holds in a single
      // account too. Only the break-glass role of the key's own account is exempt. A `*`
      // principal in a Deny grants nothing (CKV_AWS_33 checks Allow statements only).
      sid: "DenyKeyDeletionExceptBreakGlass",
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
      resources: ["*"],
      condition: [{ test: "ArnNotLike", variable: "aws:PrincipalArn", values: [`arn:aws:iam::${keyAccount}:role/${breakGlass}`] }],
    },
    {
      // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
      // ("Granting encrypt permissions"). An organization trail's ARN, and so the context, is
      // always in the management account, even when a delegated admin creates it (pitfall 8).
      sid: "AllowCloudTrailEncryptLogs",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["kms:GenerateDataKey*"],
      resources: ["*"],
      condition: [{ test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [`arn:aws:cloudtrail:*:${mgmt}:trail/*`] }, trailSource],
    },
    {
      sid: "AllowCloudTrailDescribeKey",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["kms:DescribeKey"],
      resources: ["*"],
      condition: [trailSource],
    },
    {
      // Same page: "If you are using an existing S3 bucket with an S3 Bucket Key, kms:Decrypt
      // permissions are required to create or update a trail with SSE-KMS encryption enabled."
      // The archive bucket has a Bucket Key. The page does not name the grantee; the trail's own
      // service principal, pinned to this trail, is the narrowest one (organization.md E).
      sid: "AllowCloudTrailDecryptForBucketKey",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["kms:Decrypt"],
      resources: ["*"],
      condition: [trailSource],
    },
  ];

  if (plan.key.readerArns.length > 0) {
    // Readers fetch log files with s3:GetObject and S3 calls kms:Decrypt as them. Scoped by
    // kms:ViaService rather than the CloudTrail encryption context: with a Bucket Key, S3 uses
    // the bucket ARN as the context (S3 guide, "Reducing the cost of SSE-KMS with Amazon S3 Bucket
    // Keys"), so a cloudtrail-context condition may not match on read (the struggle in
    // awslabs/landing-zone-accelerator-on-aws#1170, #374). Readers' own IAM policies must also
    // allow kms:Decrypt on this key. Digest files need no grant: CloudTrail writes them with SSE-S3.
    statements.push({
      sid: "AllowLogReadersDecryptViaS3",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: [...plan.key.readerArns] }],
      actions: ["kms:Decrypt"],
      resources: ["*"],
      condition: [kmsViaService("s3", region)],
    });
  }

  const config = plan.config;
  if (config && config.recorderAccounts.length > 0) {
    // AWS Config delivers its history under this key (the delivery channel's s3_kms_key_arn).
    // https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html: the key
    // policy must let the recorder's role (or the config.amazonaws.com principal, with
    // aws:SourceAccount) call GenerateDataKey and Decrypt. The recorders' roles are reached by
    // delegating to their accounts, only through S3 and only for the Config bucket's encryption
    // context, so no other use of this key opens up; their IAM policies grant the rest.
    const recorderAccounts = [...new Set(config.recorderAccounts.map((r) => plan.accounts[r].id))].sort();
    const configBucketContext = { test: "StringLike", variable: "kms:EncryptionContext:aws:s3:arn", values: [`${config.bucketArn}*`] };
    statements.push(
      {
        sid: "AllowConfigServiceDelivery",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: recorderAccounts }],
      },
      {
        sid: "AllowConfigRecorderRolesViaS3",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: recorderAccounts.map((id) => `arn:aws:iam::${id}:root`) }],
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: ["*"],
        condition: [kmsViaService("s3", region), configBucketContext],
      },
    );
  }
  // Forensics: the investigator and review roles decrypt logs and write encrypted Athena
  // results through S3 (src/query/estate/forensic-grants.ts).
  statements.push(...forensicsEstateKeyStatements(plan));
  return statements;
}

/** The monitoring key (management account): the trail's log group and the alert topics. */
export function monitoringKeyStatements(plan: ResolvedPlan): Statement[] {
  const mgmt = keyAccountId(plan, plan.monitoringKey);
  const statements: Statement[] = [
    administration(mgmt),
    {
      // No SCP binds the management account, so this Deny is what stands between a stray
      // DisableKey and a blind alarm pipeline. It exempts nobody: a management administrator
      // who really means to can first rewrite this policy (PutKeyPolicy), which the trail records.
      sid: "DenyKeyDisableOrDeletion",
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
      resources: ["*"],
    },
  ];
  if (plan.logGroup.managed) {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html:
    // the regional logs principal with the logs encryption context, so the grant covers this
    // one log group only.
    statements.push({
      sid: "AllowCloudWatchLogsLogGroup",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [`logs.${plan.homeRegion}.amazonaws.com`] }],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [plan.logGroup.arn] }],
    });
  }
  // WorkSpaces activity log groups in this account and region (src/constructs/workspaces/site.ts)
  // are encrypted with this key too: the same service grant, limited to those groups.
  const workspacesGroups = (plan.workspaces?.sites ?? [])
    .filter((site) => site.isManagementHome)
    .flatMap((site) => [site.logGroupArn, ...site.directories.map((d) => d.logGroupArn)]);
  if (workspacesGroups.length > 0) {
    statements.push({
      sid: "AllowCloudWatchLogsWorkSpacesGroups",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [`logs.${plan.homeRegion}.amazonaws.com`] }],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: workspacesGroups }],
    });
  }
  if (plan.topics.length > 0) {
    // Pitfall 11 (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services):
    // alarms publishing to an SSE topic need the key's Decrypt and GenerateDataKey*; without
    // it they deploy cleanly and deliver nothing.
    statements.push({
      sid: "AllowCloudWatchAlarmsEncryptedTopics",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] }],
    });
  }
  // Forensics: the review role (security account) encrypts its summary for the topics this key
  // protects (src/query/estate/forensic-grants.ts).
  statements.push(...reviewTopicKeyStatements(plan));
  return statements;
}
