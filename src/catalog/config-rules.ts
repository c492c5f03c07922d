// AWS Config managed rules that keep checking the logging estate itself
// (identifiers from the AWS Config managed rules list; the NCSC CAF and
// Logging conformance packs use the same ones).
import type { AccountRole } from "../model/plan.js";

export interface ManagedRule {
  readonly name: string;
  readonly identifier: string;
  /**
   * Where the rule runs: a Config rule evaluates only resources of its own account
   * (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config.html), so each
   * runs in the account that holds what it checks (reference/organization.md D).
   */
  readonly accounts: readonly AccountRole[];
  /** Only when the estate turns the feature on (e.g. Object Lock). */
  readonly when?: "objectLock" | "cloudWatchLogs";
  /**
   * Also runs in security when forensics puts the Athena results bucket there. Not the lock rule:
   * results are working copies with a lifecycle, deliberately not locked. Not the logging rule:
   * server access logs must go to a bucket in the source bucket's own account
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html), and
   * the results bucket has none; Athena's own API calls are in the trail.
   */
  readonly resultsBucket?: true;
}

export const LOGGING_CONFIG_RULES: readonly ManagedRule[] = Object.freeze([
  // The trail, its log group and the alarms live in the management account.
  { name: "cloudtrail-enabled", identifier: "CLOUD_TRAIL_ENABLED", accounts: ["management"] },
  { name: "multi-region-cloudtrail-enabled", identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED", accounts: ["management"] },
  { name: "cloud-trail-log-file-validation-enabled", identifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", accounts: ["management"] },
  { name: "cloud-trail-encryption-enabled", identifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED", accounts: ["management"] },
  { name: "cloud-trail-cloud-watch-logs-enabled", identifier: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", accounts: ["management"], when: "cloudWatchLogs" },
  // The estate key is in security, the monitoring key in management.
  { name: "cmk-backing-key-rotation-enabled", identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", accounts: ["management", "security"] },
  // The buckets are in log-archive.
  { name: "s3-bucket-versioning-enabled", identifier: "S3_BUCKET_VERSIONING_ENABLED", accounts: ["logArchive"], resultsBucket: true },
  { name: "s3-bucket-ssl-requests-only", identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", accounts: ["logArchive"], resultsBucket: true },
  { name: "s3-bucket-logging-enabled", identifier: "S3_BUCKET_LOGGING_ENABLED", accounts: ["logArchive"] },
  { name: "s3-bucket-public-read-prohibited", identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED", accounts: ["logArchive"], resultsBucket: true },
  { name: "s3-bucket-default-lock-enabled", identifier: "S3_BUCKET_DEFAULT_LOCK_ENABLED", accounts: ["logArchive"], when: "objectLock" },
  { name: "cloudwatch-log-group-encrypted", identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", accounts: ["management"], when: "cloudWatchLogs" },
  { name: "cw-loggroup-retention-period-check", identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK", accounts: ["management"], when: "cloudWatchLogs" },
  // Parameters set in resolve-plan.ts: the defaults demand insufficient-data actions, which
  // would leave every estate alarm NON_COMPLIANT.
  { name: "cloudwatch-alarm-action-check", identifier: "CLOUDWATCH_ALARM_ACTION_CHECK", accounts: ["management"] },
]);
