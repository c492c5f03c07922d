import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging/index.js";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration/index.js";
import type { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { type AccessLogBucket, accessLogPrefix } from "./access-log-bucket.js";
import { blockPublicAccessAndAcls, bucketPolicy, denyInsecureTransport } from "./bucket-hardening.js";

/** Break-glass role name used when the plan has no guardrails section. */
export const DEFAULT_BREAK_GLASS_ROLE = "BreakGlass";

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

export interface LogArchiveBucketProps {
  /** The resolved plan; the bucket is `plan.archive` in the log-archive account. */
  readonly plan: ResolvedPlan;
  /** ARN of the estate key (`EstateKey.keyArn`) for default SSE-KMS. Required: a full ARN, since the key is in another account in organization topology. */
  readonly kmsKeyArn: string;
  /** Provider for the log-archive account. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
  /**
   * Where server access logs go. Passing the construct makes the logging configuration wait for
   * the target bucket and its policy. Default: `plan.accessLogs.name`, by name only.
   */
  readonly accessLogBucket?: AccessLogBucket;
}

/**
 * The CloudTrail archive: Object Lock set at creation (pitfall 3), SSE-KMS with a bucket key,
 * no ACLs, no public access, TLS only, server access logs to the separate access-log bucket,
 * and a policy that lets only the estate's trail write and only the break-glass role delete.
 */
export class LogArchiveBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly policy: S3BucketPolicy;
  readonly policyDocument: DataAwsIamPolicyDocument;
  /** Undefined when `plan.archive.objectLock` is unset. */
  readonly objectLock: S3BucketObjectLockConfigurationA | undefined;
  /** Undefined when `plan.archive.lifecycle` is unset (MFA delete, pitfall 2). */
  readonly lifecycle: S3BucketLifecycleConfiguration | undefined;
  readonly bucketName: string;
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: LogArchiveBucketProps) {
    super(scope, id);
    const { plan, provider } = props;
    const archive = plan.archive;
    if (!props.kmsKeyArn) {
      throw new Error("LogArchiveBucket: `kmsKeyArn` is empty; pass EstateKey.keyArn.");
    }
    if (archive.mfaDelete && archive.lifecycle) {
      // The config layer rejects this combination; reaching here is a programming error.
      throw new Error("LogArchiveBucket: plan.archive has both mfaDelete and lifecycle; S3 refuses lifecycle rules on an MFA-delete bucket (pitfall 2). Resolve it in the config layer.");
    }

    this.bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: archive.name,
      // Only at creation: flipping it later makes Terraform replace the bucket (pitfall 3).
      ...(archive.objectLock ? { objectLockEnabled: true } : {}),
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });

    const { publicAccess } = blockPublicAccessAndAcls(this, this.bucket.id, provider);

    // MFA delete (pitfall 1): only the root user with a TOTP code can turn it on, so it is
    // done by the root runbook, never here: no `mfa` argument (it would put a device serial
    // and code into state and CI) and no `mfa_delete` value. mfa_delete is optional+computed,
    // so leaving it out makes Terraform keep whatever the runbook set; ignore_changes makes
    // that explicit so no later plan ever tries to send mfa_delete without a code.
    this.versioning = new S3BucketVersioningA(this, "versioning", {
      provider,
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
      ...(archive.mfaDelete ? { lifecycle: { ignoreChanges: ["versioning_configuration[0].mfa_delete"] } } : {}),
    });

    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
          // Fewer KMS calls (and CloudTrail delivery works with it given the key-policy grants).
          bucketKeyEnabled: true,
        },
      ],
    });

    this.objectLock = archive.objectLock
      ? new S3BucketObjectLockConfigurationA(this, "object_lock", {
          provider,
          bucket: this.bucket.id,
          rule: { defaultRetention: { mode: archive.objectLock.mode, days: archive.objectLock.days } },
        })
      : undefined;

    this.lifecycle = archive.lifecycle
      ? new S3BucketLifecycleConfiguration(this, "lifecycle", {
          provider,
          bucket: this.bucket.id,
          rule: [
            {
              // One rule over every object (empty filter): log files under AWSLogs/.../CloudTrail/
              // and digests under .../CloudTrail-Digest/ age identically, so log-file validation
              // keeps working for as long as any log exists (controls.md, CloudTrail.4).
              // Locked versions are not removed before their retention ends, whatever this says.
              id: "archive-retention",
              status: "Enabled",
              filter: [{}],
              transition: archive.lifecycle.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
              expiration: [{ days: archive.lifecycle.expirationDays }],
              noncurrentVersionExpiration: [{ noncurrentDays: archive.lifecycle.noncurrentExpirationDays }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: archive.lifecycle.abortIncompleteMultipartDays }],
            },
          ],
          dependsOn: [this.versioning],
        })
      : undefined;

    // CloudTrail.7 / CKV_AWS_18: server access logging to the separate target (pitfall 4).
    new S3BucketLoggingA(this, "logging", {
      provider,
      bucket: this.bucket.id,
      targetBucket: props.accessLogBucket?.bucketName ?? plan.accessLogs.name,
      targetPrefix: accessLogPrefix(archive.name),
      ...(props.accessLogBucket ? { dependsOn: [props.accessLogBucket.policy] } : {}),
    });

    ({ document: this.policyDocument, policy: this.policy } = bucketPolicy(this, this.bucket.id, provider, archivePolicyStatements(plan), publicAccess));

    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;
  }
}

function archivePolicyStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
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

  if (plan.key.readerArns.length > 0) {
    // Read-only access for the named log readers (they also need kms:Decrypt: see estate-key.ts).
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
