import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";

// Pieces every estate bucket shares. Plain functions, not a construct, so the resources keep
// the flat addresses of the construct that calls them (`<construct>_public_access`, ...).

export interface BucketAccessControls {
  readonly publicAccess: S3BucketPublicAccessBlock;
  readonly ownership: S3BucketOwnershipControls;
}

/**
 * Public access block with all four settings (CloudTrail.6, CKV_AWS_53-56) and
 * BucketOwnerEnforced (ACLs disabled, CKV2_AWS_65). Ids: `public_access`, `ownership`.
 */
export function blockPublicAccessAndAcls(
  scope: Construct,
  bucketId: string,
  provider: TerraformProvider | undefined,
): BucketAccessControls {
  const publicAccess = new S3BucketPublicAccessBlock(scope, "public_access", {
    provider,
    bucket: bucketId,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const ownership = new S3BucketOwnershipControls(scope, "ownership", {
    provider,
    bucket: bucketId,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  return { publicAccess, ownership };
}

export interface BucketPolicy {
  readonly document: DataAwsIamPolicyDocument;
  readonly policy: S3BucketPolicy;
}

/**
 * The bucket's policy from its statements. Ids: `policy_document`, `policy`.
 * Minified: S3 measures the stored text against its 20 KB bucket-policy limit (quotas.ts).
 * Applied after the public access block: S3 can reject a bucket-policy write
 * that races the block's own update of the same bucket.
 */
export function bucketPolicy(
  scope: Construct,
  bucketId: string,
  provider: TerraformProvider | undefined,
  statements: DataAwsIamPolicyDocumentStatement[],
  publicAccess: S3BucketPublicAccessBlock,
): BucketPolicy {
  const document = new DataAwsIamPolicyDocument(scope, "policy_document", { provider, statement: statements });
  const policy = new S3BucketPolicy(scope, "policy", { provider, bucket: bucketId, policy: document.minifiedJson, dependsOn: [publicAccess] });
  return { document, policy };
}
