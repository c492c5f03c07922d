// AWS Config managed rules that keep checking the logging estate itself
// (identifiers from the AWS Config managed rules list; the NCSC CAF and
// Logging conformance packs use the same ones).
export interface ManagedRule {
  readonly name: string;
  readonly identifier: string;
  /** Only when the estate turns the feature on (e.g. Object Lock). */
  readonly when?: "objectLock" | "cloudWatchLogs";
}

export const LOGGING_CONFIG_RULES: readonly ManagedRule[] = Object.freeze([
  { name: "cloudtrail-enabled", identifier: "CLOUD_TRAIL_ENABLED" },
  { name: "multi-region-cloudtrail-enabled", identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED" },
  { name: "cloud-trail-log-file-validation-enabled", identifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED" },
  { name: "cloud-trail-encryption-enabled", identifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED" },
  { name: "cloud-trail-cloud-watch-logs-enabled", identifier: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", when: "cloudWatchLogs" },
  { name: "cmk-backing-key-rotation-enabled", identifier: "CMK_BACKING_KEY_ROTATION_ENABLED" },
  { name: "s3-bucket-versioning-enabled", identifier: "S3_BUCKET_VERSIONING_ENABLED" },
  { name: "s3-bucket-ssl-requests-only", identifier: "S3_BUCKET_SSL_REQUESTS_ONLY" },
  { name: "s3-bucket-logging-enabled", identifier: "S3_BUCKET_LOGGING_ENABLED" },
  { name: "s3-bucket-public-read-prohibited", identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED" },
  { name: "s3-bucket-default-lock-enabled", identifier: "S3_BUCKET_DEFAULT_LOCK_ENABLED", when: "objectLock" },
  { name: "cloudwatch-log-group-encrypted", identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", when: "cloudWatchLogs" },
  { name: "cw-loggroup-retention-period-check", identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK", when: "cloudWatchLogs" },
  { name: "cloudwatch-alarm-action-check", identifier: "CLOUDWATCH_ALARM_ACTION_CHECK" },
]);
