import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import type { KeyPlan } from "../model/plan.js";

export interface CustomerKeyProps {
  /** Alias, description, rotation and deletion window (`plan.key` or `plan.monitoringKey`). */
  readonly key: KeyPlan;
  /** The key policy (src/policies/key-policies.ts). No default: every estate key has an explicit policy. */
  readonly statements: readonly DataAwsIamPolicyDocumentStatement[];
  /** Provider for the account `key.account` names. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/**
 * A customer-managed KMS key with rotation, the maximum deletion window, no multi-Region copy
 * and prevent_destroy: destroying it destroys the evidence it encrypts.
 */
export class CustomerKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly policyDocument: DataAwsIamPolicyDocument;
  /** Full key ARN: cross-account users (the archive bucket, the trail) must name the key by ARN, never by alias. */
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: CustomerKeyProps) {
    super(scope, id);
    const { key, provider } = props;
    this.policyDocument = new DataAwsIamPolicyDocument(this, "policy_document", { provider, statement: [...props.statements] });
    this.key = new KmsKey(this, "key", {
      provider,
      description: key.description,
      enableKeyRotation: true,
      rotationPeriodInDays: key.rotationPeriodDays,
      deletionWindowInDays: key.deletionWindowDays,
      // Residency (pitfall 16, Prowler kms_cmk_not_multi_region): a single-Region key.
      multiRegion: false,
      isEnabled: true,
      // Minified: what AWS stores and measures against the 32 KB key-policy quota (quotas.ts).
      policy: this.policyDocument.minifiedJson,
      lifecycle: { preventDestroy: true },
    });
    this.alias = new KmsAlias(this, "alias", { provider, name: key.alias, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}
