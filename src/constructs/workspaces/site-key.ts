import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import type { WorkspacesSitePlan } from "../../model/plan.js";
import { workspacesSiteKeyStatements } from "../../policies/workspaces-key-policy.js";

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
    const policy = new DataAwsIamPolicyDocument(this, "policy_document", { provider, statement: workspacesSiteKeyStatements(site) });
    this.key = new KmsKey(this, "key", {
      provider,
      description: `WorkSpaces activity logs and alert topics in ${site.accountId} ${site.region}`,
      enableKeyRotation: true,
      rotationPeriodInDays: props.rotationPeriodDays,
      deletionWindowInDays: props.deletionWindowDays,
      multiRegion: false,
      isEnabled: true,
      // Minified: what AWS stores and measures against the key-policy size quota.
      policy: policy.minifiedJson,
    });
    new KmsAlias(this, "alias", { provider, name: site.keyAlias, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}
