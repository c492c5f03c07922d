import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging/index.js";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration/index.js";
import type { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { type AccessLogBucket, accessLogPrefix } from "./access-log-bucket.js";
import { archivePolicyStatements } from "../policies/archive-bucket-policy.js";
import { blockPublicAccessAndAcls, bucketPolicy } from "./bucket-hardening.js";

export interface LogArchiveBucketProps {
  /** The resolved plan; the bucket is `plan.archive` in the log-archive account. */
  readonly plan: ResolvedPlan;
  /** ARN of the estate key (the estate CustomerKey's `keyArn`) for default SSE-KMS. Required: a full ARN, since the key is in another account in organization topology. */
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
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  readonly policy: S3BucketPolicy;
  readonly policyDocument: DataAwsIamPolicyDocument;
  /** Undefined when `plan.archive.objectLock` is unset. */
  readonly objectLock: S3BucketObjectLockConfigurationA | undefined;
  /** Undefined when `plan.archive.lifecycle` is unset (MFA delete, pitfall 2). */
  readonly lifecycle: S3BucketLifecycleConfiguration | undefined;
  readonly bucketName: string;
  readonly bucketArn: string;

  /**
   * What the trail must wait for on first apply (reference/organization.md G): the policy
   * (else InsufficientS3BucketPolicyException, terraform-provider-aws#27945), and the Object
   * Lock default retention, default encryption and versioning, which apply to new objects only
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html), so logs delivered
   * before them would land unlocked or unencrypted by the estate key.
   */
  get firstDeliveryPrerequisites(): ITerraformDependable[] {
    return [this.policy, this.encryption, this.versioning, ...(this.objectLock ? [this.objectLock] : [])];
  }

  constructor(scope: Construct, id: string, props: LogArchiveBucketProps) {
    super(scope, id);
    const { plan, provider } = props;
    const archive = plan.archive;
    if (!props.kmsKeyArn) {
      throw new Error("LogArchiveBucket: `kmsKeyArn` is empty; pass the estate CustomerKey's keyArn.");
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

    this.encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
          // Fewer KMS calls. CloudTrail then needs kms:Decrypt on the key to create or update the
          // trail (AllowCloudTrailDecryptForBucketKey in key-policies.ts).
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
