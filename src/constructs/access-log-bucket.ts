import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import type { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { denyInsecureTransport } from "../policies/deny-insecure-transport.js";
import { blockPublicAccessAndAcls, bucketPolicy } from "./bucket-hardening.js";

/** A bucket whose server access logs land in the access-log bucket. */
export interface AccessLogSource {
  readonly name: string;
  readonly arn: string;
}

/** Key prefix a source bucket's server access logs are written under: `<source-bucket>/`. */
export function accessLogPrefix(sourceBucketName: string): string {
  return `${sourceBucketName}/`;
}

export interface AccessLogBucketProps {
  /** The resolved plan; the bucket is `plan.accessLogs` in the log-archive account. */
  readonly plan: ResolvedPlan;
  /** Provider for the log-archive account. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
  /**
   * Buckets allowed to deliver server access logs here, each under `accessLogPrefix(name)`.
   * Default: the archive bucket, plus the Config bucket when `plan.config` is set.
   */
  readonly sources?: readonly AccessLogSource[];
  /** Days before noncurrent versions are removed. Default: 30. */
  readonly noncurrentExpirationDays?: number;
  /** Days before incomplete multipart uploads are aborted. Default: 7. */
  readonly abortIncompleteMultipartDays?: number;
}

/**
 * The S3 server-access-log target. A separate bucket because an Object Lock bucket cannot be a
 * logging target (pitfall 4), with SSE-S3 because SSE-KMS is not supported for log-delivery
 * targets, and a bucket policy instead of the `log-delivery-write` ACL, which fails under
 * BucketOwnerEnforced (pitfall 5).
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  readonly policyDocument: DataAwsIamPolicyDocument;
  readonly lifecycle: S3BucketLifecycleConfiguration;
  /** Bucket name as a reference, so a logging configuration that uses it depends on it. */
  readonly bucketName: string;
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const { plan, provider } = props;
    const sources = props.sources ?? defaultSources(plan);
    if (sources.length === 0) {
      throw new Error("AccessLogBucket: `sources` is empty; pass at least one bucket that logs here or omit the prop.");
    }
    const arn = plan.accessLogs.arn;

    this.bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: plan.accessLogs.name,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });

    const { publicAccess } = blockPublicAccessAndAcls(this, this.bucket.id, provider);

    // SSE-S3: server access log delivery does not support SSE-KMS targets (pitfall 5;
    // the plan's CKV_AWS_145 suppression explains it to scanners).
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });

    const versioning = new S3BucketVersioningA(this, "versioning", {
      provider,
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });

    this.lifecycle = new S3BucketLifecycleConfiguration(this, "lifecycle", {
      provider,
      bucket: this.bucket.id,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{}],
          expiration: [{ days: plan.accessLogs.expirationDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentExpirationDays ?? 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: props.abortIncompleteMultipartDays ?? 7 }],
        },
      ],
      dependsOn: [versioning],
    });

    const statements: DataAwsIamPolicyDocumentStatement[] = [
      denyInsecureTransport(arn),
      {
        // S3 guide, "Enabling Amazon S3 server access logging" (bucket-policy method): the
        // logging service principal, pinned to the source buckets and their owning account
        // so no other bucket can push logs here (confused deputy).
        sid: "S3ServerAccessLogsPolicy",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
        actions: ["s3:PutObject"],
        resources: sources.map((s) => `${arn}/${accessLogPrefix(s.name)}*`),
        condition: [
          { test: "ArnLike", variable: "aws:SourceArn", values: sources.map((s) => s.arn) },
          { test: "StringEquals", variable: "aws:SourceAccount", values: [plan.accounts.logArchive.id] },
        ],
      },
    ];
    ({ document: this.policyDocument, policy: this.policy } = bucketPolicy(this, this.bucket.id, provider, statements, publicAccess));

    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;
  }
}

function defaultSources(plan: ResolvedPlan): AccessLogSource[] {
  const sources: AccessLogSource[] = [{ name: plan.archive.name, arn: plan.archive.arn }];
  if (plan.config) sources.push({ name: plan.config.bucketName, arn: plan.config.bucketArn });
  return sources;
}
