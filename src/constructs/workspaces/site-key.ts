import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import type { WorkspacesSitePlan } from "../../model/plan.js";

export interface WorkspacesSiteKeyProps {
  readonly site: WorkspacesSitePlan;
  readonly rotationPeriodDays: number;
  readonly deletionWindowDays: number;
  /** Provider for the site's account and region. */
  readonly provider: TerraformProvider | undefined;
}

/**
 * A customer-managed key in a WorkSpaces account and region outside the
 * management account's home region. KMS keys are regional and CloudWatch Logs
 * can use only a key in the log group's own region (CloudWatch Logs guide,
 * "Encrypt log data in CloudWatch Logs using AWS KMS"), and the alarms' SNS
 * topics there need a key CloudWatch may use, so the management account's
 * key cannot serve these sites.
 */
export class WorkspacesSiteKey extends Construct {
  public readonly key: KmsKey;
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: WorkspacesSiteKeyProps) {
    super(scope, id);
    const { site, provider } = props;
    const logGroupArns = [site.logGroupArn, ...site.directories.map((d) => d.logGroupArn)];
    const policy = new DataAwsIamPolicyDocument(this, "policy_document", {
      provider,
      statement: [
        {
          // KMS developer guide, "Default key policy": the account root delegates to the
          // account's IAM policies and keeps the key manageable (lockout safety check).
          sid: "EnableRootAccountPermissions",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${site.accountId}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        {
          // CloudWatch Logs guide, "Encrypt log data using AWS KMS": the regional logs principal,
          // limited by the encryption context to this site's log groups.
          sid: "AllowCloudWatchLogsWorkSpacesGroups",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: [`logs.${site.region}.amazonaws.com`] }],
          actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          resources: ["*"],
          condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: logGroupArns }],
        },
        {
          // Alarms publishing to an SSE topic need Decrypt and GenerateDataKey* on its key, or they
          // deliver nothing without an error (SNS developer guide, "Encryption at rest"; pitfall 11).
          sid: "AllowCloudWatchAlarmsEncryptedTopics",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          resources: ["*"],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }],
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      provider,
      description: `WorkSpaces activity logs and alert topics in ${site.accountId} ${site.region}`,
      enableKeyRotation: true,
      rotationPeriodInDays: props.rotationPeriodDays,
      deletionWindowInDays: props.deletionWindowDays,
      multiRegion: false,
      isEnabled: true,
      policy: policy.json,
    });
    new KmsAlias(this, "alias", { provider, name: site.keyAlias, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}
