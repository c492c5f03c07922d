// The CloudTrail archive's bucket policy as data: the construct emits it, quotas.ts measures it
// against S3's 20 KB limit, the policy tests evaluate the same statements.
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { denyInsecureTransport } from "./deny-insecure-transport.js";
import type { ResolvedPlan } from "../model/plan.js";
import { DEFAULT_BREAK_GLASS_ROLE } from "./key-policies.js";
import { archiveReadStatements } from "../query/estate/forensic-grants.js";

/**
 * Actions nobody but the break-glass role may take on the archive. Object and version deletes
 * and the bucket itself are the evidence; BypassGovernanceRetention is what makes GOVERNANCE
 * mode deletable at all; DeleteBucketPolicy would strip these denies. Deliberately NOT here:
 * PutBucketPolicy, PutLifecycleConfiguration, PutBucketVersioning and
 * PutBucketObjectLockConfiguration, which Terraform needs to manage the bucket (a deny on
 * PutBucketPolicy would also lock Terraform out of ever fixing this policy). Lifecycle
 * expiration is performed by S3 itself and is not evaluated against bucket policies, and the
 * bucket owner's root user can always rewrite the policy, so nothing here can brick the bucket.
 */
export const PROTECTED_ARCHIVE_ACTIONS: readonly string[] = Object.freeze([
  "s3:DeleteBucket",
  "s3:DeleteBucketPolicy",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:BypassGovernanceRetention",
]);


export function archivePolicyStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  const arn = plan.archive.arn;
  const mgmt = plan.accounts.management.id;
  const orgId = plan.topology === "organization" ? plan.organizationId : undefined;
  if (plan.topology === "organization" && !orgId) {
    throw new Error("LogArchiveBucket: organization topology needs plan.organizationId.");
  }
  const breakGlass = plan.guardrails?.breakGlassRoleName ?? DEFAULT_BREAK_GLASS_ROLE;
  const writePrefixes = [`${arn}/AWSLogs/${mgmt}/*`];
  // Pitfall 8: an organization trail writes member accounts' logs under AWSLogs/<org-id>/.
  if (plan.trail.isOrganizationTrail && orgId) writePrefixes.push(`${arn}/AWSLogs/${orgId}/*`);

  const statements: DataAwsIamPolicyDocumentStatement[] = [
    denyInsecureTransport(arn),
    {
      sid: "AWSCloudTrailAclCheck",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:GetBucketAcl"],
      resources: [arn],
      condition: [{ test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] }],
    },
    {
      // aws:SourceArn pins writes to the estate's trail (confused deputy); the ARN is in the
      // management account even for an org trail created by a delegated admin (pitfall 8).
      // No deny-unencrypted statements: they block trail creation (pitfall 9).
      sid: "AWSCloudTrailWrite",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: writePrefixes,
      condition: [
        { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] },
        { test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] },
      ],
    },
  ];

  if (orgId) {
    // CKV_AWS_70 / Security Hub S3.6: nobody outside the organization. Service principals have
    // no aws:PrincipalOrgID, so without the aws:PrincipalIsAWSService guard this would also deny
    // CloudTrail's writes; the guard exempts only requests AWS services make with their own
    // service principal (still limited by the Allow statements above), not roles they assume.
    statements.push({
      sid: "DenyOutsideOrganization",
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      actions: ["s3:*"],
      resources: [arn, `${arn}/*`],
      condition: [
        { test: "StringNotEquals", variable: "aws:PrincipalOrgID", values: [orgId] },
        // IfExists: an unsigned (anonymous) request has no such key and must still be denied.
        { test: "BoolIfExists", variable: "aws:PrincipalIsAWSService", values: ["false"] },
      ],
    });
  }

  statements.push({
    // "Only this trail writes" made true: the Allow above is not the only way to write, since
    // any principal of the bucket's own account whose IAM policy allows s3:PutObject could add
    // or overwrite objects under AWSLogs/ (Object Lock keeps old versions, but a forged newer
    // version would sit beside them). aws:PrincipalServiceName is present only when a service
    // principal makes the request (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalservicename);
    // IfExists makes the Deny apply to every IAM principal and anonymous caller, which carry none.
    sid: "DenyLogWritesExceptCloudTrail",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: ["s3:PutObject"],
    resources: [`${arn}/AWSLogs/*`],
    condition: [{ test: "StringNotEqualsIfExists", variable: "aws:PrincipalServiceName", values: ["cloudtrail.amazonaws.com"] }],
  });

  statements.push({
    // Deletes only through the named break-glass role in the bucket's own account (the only
    // account whose IAM can grant deletes on it). aws:PrincipalArn is the role ARN for any
    // session of that role.
    sid: "DenyDeleteExceptBreakGlass",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: [...PROTECTED_ARCHIVE_ACTIONS],
    resources: [arn, `${arn}/*`],
    condition: [
      {
        test: "ArnNotLike",
        variable: "aws:PrincipalArn",
        values: [`arn:aws:iam::${plan.accounts.logArchive.id}:role/${breakGlass}`],
      },
    ],
  });

  // Athena's investigator and review roles (security account) read the logs: src/query/estate/forensic-grants.ts.
  statements.push(...archiveReadStatements(plan));

  if (plan.key.readerArns.length > 0) {
    // Read-only access for the named log readers (they also need kms:Decrypt: see key-policies.ts).
    statements.push({
      sid: "AllowLogReadersRead",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: [...plan.key.readerArns] }],
      actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
      resources: [arn, `${arn}/*`],
    });
  }
  return statements;
}
