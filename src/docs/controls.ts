// The controls the estate can provide, each with the requirement areas it
// serves, how to find the Terraform that implements it (resource types and
// construct prefixes, never literal addresses), and the scanner ids from
// shared/reference/controls.md. COMPLIANCE.md is rendered from this catalog,
// the plan and the synthesized address list. CIS ids read
// "v1.4 / v3.0-v5.0 / v6-v7" (the benchmark renumbered its sections).
import type { ResolvedPlan } from "../model/plan.js";
import { archiveTiers, MINIMUM_TRANSITION_SIZE as MIN } from "./archive-tiers.js";
import type { AddressMatcher } from "./address-index.js";
import type { RequirementAreaId } from "./requirement-areas.js";
import { reviewRouting } from "./forensics-context.js";

export interface ScannerIds {
  readonly cis?: string;
  readonly securityHub?: string;
  readonly checkov?: string;
  readonly prowler?: string;
}

/** Why a control is not in this estate, what scanners will say, and what the organisation does instead. */
export interface ControlGap {
  readonly reason: string;
  readonly instead: string;
}

export interface EstateControl {
  /** Stable id, cited in COMPLIANCE.md. */
  readonly id: string;
  readonly title: string;
  readonly areas: readonly RequirementAreaId[];
  readonly applies: (plan: ResolvedPlan) => boolean;
  /** What the control does in this estate, with the plan's numbers. */
  readonly describe: (plan: ResolvedPlan) => string;
  /** Every matcher must find at least one address when the control applies. */
  readonly implementedBy: (plan: ResolvedPlan) => readonly AddressMatcher[];
  readonly ids: ScannerIds;
  /** AWS Config managed rules (names) that keep checking it, when the plan records Config. */
  readonly configRules?: readonly string[];
  /** Only for controls a scanner or framework expects: why it is absent and what to do instead. */
  readonly whenAbsent?: (plan: ResolvedPlan) => ControlGap;
}

const hasDataEvents = (p: ResolvedPlan) => p.trail.s3DataEvents !== "off";
const orgWide = (p: ResolvedPlan) => (p.trail.isOrganizationTrail ? "every account in the organization" : "the account");

const TRAIL: AddressMatcher = { type: "aws_cloudtrail", component: "trail" };
const KEY: AddressMatcher = { type: "aws_kms_key", component: "key" };
/** True when the estate creates recorders, and so the Config bucket they deliver to. */
function hasConfigBucket(p: ResolvedPlan): boolean {
  return (p.config?.recorderAccounts.length ?? 0) > 0;
}
const MONITORING_KEY: AddressMatcher = { type: "aws_kms_key", component: "monitoringKey" };

export const ESTATE_CONTROLS: readonly EstateControl[] = Object.freeze([
  {
    id: "trail-multi-region",
    title: "Multi-region trail recording read and write management events",
    areas: ["monitoring"],
    applies: (p) => p.trail.managementEvents,
    describe: (p) =>
      `${p.trail.isOrganizationTrail ? "Organization" : "Account"} trail ${p.trail.name} records management events (read and write) in every region, including global services, for ${orgWide(p)}; logging is on.`,
    implementedBy: () => [TRAIL],
    ids: {
      cis: "3.1 / 3.1 / 4.1",
      securityHub: "CloudTrail.1",
      checkov: "CKV_AWS_67, CKV_AWS_251",
      prowler: "cloudtrail_multi_region_enabled, cloudtrail_multi_region_enabled_logging_management_events",
    },
    configRules: ["cloudtrail-enabled", "multi-region-cloudtrail-enabled"],
    whenAbsent: () => ({
      reason: "Control Tower's organization trail already records management events, so this estate's trail records data events only (a second copy would be billed).",
      instead: "Keep Control Tower's trail enabled and its log archive untouched; its findings for CloudTrail.1 are the evidence for this control.",
    }),
  },
  {
    id: "trail-kms-encryption",
    title: "Log files encrypted with the estate's customer-managed KMS key",
    areas: ["access-control", "integrity"],
    applies: () => true,
    describe: (p) =>
      `Log files are encrypted with ${p.key.alias}; the key policy lets CloudTrail encrypt only for trails of account ${p.accounts.management.id} (encryption context and aws:SourceArn) and lets only named readers${p.forensics ? " and the Athena investigator and review roles" : ""} decrypt, through S3.`,
    implementedBy: () => [TRAIL, KEY, { type: "aws_kms_alias", component: "key" }, { type: "data.aws_iam_policy_document", component: "key" }],
    ids: { cis: "3.7 / 3.5 / 4.5", securityHub: "CloudTrail.2", checkov: "CKV_AWS_35", prowler: "cloudtrail_kms_encryption_enabled" },
    configRules: ["cloud-trail-encryption-enabled"],
  },
  {
    id: "log-file-validation",
    title: "Log file integrity validation, with digests kept as long as the logs",
    areas: ["integrity"],
    applies: () => true,
    describe: (p) => {
      const deep = archiveTiers(p);
      const reach = deep.deepArchive
        ? `; log files in S3 Glacier Deep Archive (${MIN} or more, after ${deep.deepArchiveDay} days) must be restored before it can read them (README.md, "Archive storage and validate-logs")`
        : "";
      return `CloudTrail signs an hourly digest of every log file; ${p.archive.lifecycle ? "one lifecycle rule expires logs and digests together" : "nothing expires digests before logs"}, so \`aws cloudtrail validate-logs\` can check the whole ${p.retention.archiveDays.value}-day archive${reach}.`;
    },
    implementedBy: (p) => [TRAIL, ...(p.archive.lifecycle ? [{ type: "aws_s3_bucket_lifecycle_configuration", component: "archive" } as const] : [])],
    ids: { cis: "3.2 / 3.2 / 4.2", securityHub: "CloudTrail.4", checkov: "CKV_AWS_36", prowler: "cloudtrail_log_file_validation_enabled" },
    configRules: ["cloud-trail-log-file-validation-enabled"],
  },
  {
    id: "cloudwatch-logs-delivery",
    title: "Trail delivers to CloudWatch Logs through a least-privilege role",
    areas: ["monitoring"],
    applies: (p) => p.trail.cloudWatchLogs,
    describe: (p) => `The trail delivers every event to ${p.logGroup.name} within minutes, through a role that may only create streams and put events in that group.`,
    implementedBy: () => [
      TRAIL,
      { type: "aws_cloudwatch_log_group", component: "logGroup" },
      { type: "aws_iam_role", component: "logGroup" },
      { type: "aws_iam_role_policy", component: "logGroup" },
      { type: "data.aws_iam_policy_document", component: "logGroup" },
    ],
    ids: { cis: "3.4 / - / -", securityHub: "CloudTrail.5", checkov: "CKV2_AWS_10", prowler: "cloudtrail_cloudwatch_logging_enabled" },
    configRules: ["cloud-trail-cloud-watch-logs-enabled"],
    whenAbsent: (p) => ({
      reason: `Control Tower's trail already delivers to ${p.logGroup.name}; this estate's data-events-only trail does not deliver there too.`,
      instead: `Keep Control Tower's CloudWatch Logs delivery on; the alarms in this estate read ${p.logGroup.name}.`,
    }),
  },
  {
    id: "control-tower-log-group",
    title: "Alarms read Control Tower's existing trail log group",
    areas: ["monitoring"],
    applies: (p) => !p.logGroup.managed,
    describe: (p) => `The metric filters read ${p.logGroup.name}, which Control Tower's trail feeds; the estate only reads it, so Control Tower sees no drift.`,
    implementedBy: () => [{ type: "data.aws_cloudwatch_log_group", component: "logGroup" }],
    ids: {},
  },
  {
    id: "s3-data-events",
    title: "S3 object-level read and write events, excluding the estate's own log buckets",
    areas: ["monitoring", "access-control"],
    applies: hasDataEvents,
    describe: (p) =>
      p.trail.s3DataEvents === "all"
        ? `Object reads and writes in every bucket except ${p.trail.excludedBucketArns.length} estate log buckets (so the trail never logs its own deliveries).`
        : `Object reads and writes in ${p.trail.s3DataEvents === "off" ? "no bucket" : p.trail.s3DataEvents.buckets.join(", ")}.`,
    implementedBy: () => [TRAIL],
    ids: {
      cis: "3.10, 3.11 / 3.8, 3.9 / 4.8, 4.9",
      securityHub: "S3.22, S3.23",
      prowler: "cloudtrail_s3_dataevents_write_enabled, cloudtrail_s3_dataevents_read_enabled",
    },
    whenAbsent: () => ({
      reason: "S3 data events are off in this estate (they are billed per event).",
      instead: "Turn on data events for the buckets that hold regulated data (dataEvents.s3=named with dataEvents.s3Buckets), or accept Security Hub S3.22/S3.23 findings with this reason.",
    }),
  },
  {
    id: "lambda-data-events",
    title: "Lambda invocation events",
    areas: ["monitoring"],
    applies: (p) => p.trail.lambdaDataEvents,
    describe: () => "Every Lambda function invocation is recorded as a data event.",
    implementedBy: () => [TRAIL],
    ids: {},
  },
  {
    id: "cloudtrail-insights",
    title: "CloudTrail Insights on API call rate and API error rate",
    areas: ["monitoring"],
    applies: (p) => p.trail.insights,
    describe: () => "CloudTrail learns the normal rate of write calls and of errors and records an Insights event when either departs from it.",
    implementedBy: () => [TRAIL],
    ids: { prowler: "cloudtrail_insights_exist" },
    whenAbsent: () => ({
      reason: "Insights is off in this estate (it is billed per management event analysed).",
      instead: "Rely on the unauthorized-API-calls alarm to catch error spikes, or set insights=true.",
    }),
  },
  {
    id: "archive-object-lock",
    title: "Object Lock on the log archive, set at bucket creation",
    areas: ["immutability", "retention"],
    applies: (p) => p.archive.objectLock !== undefined,
    describe: (p) => {
      const lock = p.archive.objectLock!;
      const who = lock.mode === "COMPLIANCE" ? "nobody, the root user included, can delete a log version or shorten its lock" : "only a principal allowed s3:BypassGovernanceRetention (the break-glass role) can remove a log early";
      return `Every log version is locked in ${lock.mode} mode for ${lock.days} days: ${who}.`;
    },
    implementedBy: () => [
      { type: "aws_s3_bucket", component: "archive" },
      { type: "aws_s3_bucket_object_lock_configuration", component: "archive" },
    ],
    ids: { securityHub: "S3.15", checkov: "CKV_AWS_143", prowler: "s3_bucket_object_lock" },
    configRules: ["s3-bucket-default-lock-enabled"],
    whenAbsent: () => ({
      reason: "Object Lock is off in this estate.",
      instead: "Protect logs from deletion by other means (MFA delete, bucket policy, SCP), or turn Object Lock on at bucket creation: it cannot be added to this bucket later without replacing it.",
    }),
  },
  {
    id: "archive-versioning",
    title: "Versioning on the log archive",
    areas: ["immutability"],
    applies: () => true,
    describe: () => "Every overwrite or delete keeps the previous version, so no log file can be silently replaced (on the access-log and Config buckets too).",
    implementedBy: (p) => [
      { type: "aws_s3_bucket_versioning", component: "archive" },
      { type: "aws_s3_bucket_versioning", component: "accessLogs" },
      ...(hasConfigBucket(p) ? [{ type: "aws_s3_bucket_versioning", component: "config" } as const] : []),
    ],
    ids: { securityHub: "S3.14", checkov: "CKV_AWS_21", prowler: "s3_bucket_object_versioning" },
    configRules: ["s3-bucket-versioning-enabled"],
  },
  {
    id: "archive-mfa-delete",
    title: "MFA delete on the log archive",
    areas: ["immutability"],
    applies: (p) => p.archive.mfaDelete,
    describe: () =>
      "Deleting a version or changing versioning needs the bucket owner's root user and an MFA code. It is turned on after apply by the root runbook in README.md; Terraform never holds the MFA code.",
    implementedBy: () => [{ type: "aws_s3_bucket_versioning", component: "archive" }],
    ids: { cis: "2.1.3 / 2.1.2 / 3.1.2", securityHub: "S3.20", prowler: "s3_bucket_no_mfa_delete, cloudtrail_bucket_requires_mfa_delete" },
    whenAbsent: (p) => ({
      reason: `MFA delete is off: S3 refuses lifecycle rules on an MFA-delete bucket, and this estate expires logs with a lifecycle rule${p.archive.objectLock ? `; Object Lock ${p.archive.objectLock.mode} protects every version instead` : ""}.`,
      instead: p.archive.objectLock
        ? "Record Object Lock as the compensating control for CIS 2.1.3 / Security Hub S3.20 and suppress that finding with this reason."
        : "Turn on Object Lock, or MFA delete with storage.lifecycle=false and expire logs by hand.",
    }),
  },
  {
    id: "archive-lifecycle",
    title: "Lifecycle: colder storage classes and expiry at the end of the retention period",
    areas: ["retention"],
    applies: (p) => p.archive.lifecycle !== undefined,
    describe: (p) => {
      const lc = p.archive.lifecycle!;
      return `${archiveTiers(p).rule} Superseded versions are deleted ${lc.noncurrentExpirationDays} days later; incomplete uploads are aborted after ${lc.abortIncompleteMultipartDays} days.`;
    },
    implementedBy: () => [{ type: "aws_s3_bucket_lifecycle_configuration", component: "archive" }],
    ids: { securityHub: "S3.10, S3.13", checkov: "CKV2_AWS_61, CKV_AWS_300", prowler: "s3_bucket_lifecycle_enabled" },
  },
  {
    id: "archive-encryption",
    title: "Default SSE-KMS encryption with a bucket key on the log archive",
    areas: ["access-control"],
    applies: () => true,
    describe: (p) => `Every object is encrypted at rest with ${p.key.alias}; the bucket key cuts KMS calls.`,
    implementedBy: () => [{ type: "aws_s3_bucket_server_side_encryption_configuration", component: "archive" }],
    ids: { cis: "2.1.1 / - / -", securityHub: "S3.4, S3.17", checkov: "CKV_AWS_19, CKV_AWS_145", prowler: "s3_bucket_default_encryption, s3_bucket_kms_encryption" },
  },
  {
    id: "no-public-access",
    title: "Log buckets block all public access and disable ACLs",
    areas: ["access-control"],
    applies: () => true,
    describe: () => "All four public-access-block settings are on and object ownership is BucketOwnerEnforced on every estate bucket.",
    implementedBy: (p) => [
      { type: "aws_s3_bucket_public_access_block", component: "archive" },
      { type: "aws_s3_bucket_ownership_controls", component: "archive" },
      { type: "aws_s3_bucket_public_access_block", component: "accessLogs" },
      { type: "aws_s3_bucket_ownership_controls", component: "accessLogs" },
      ...(p.config
        ? ([
            { type: "aws_s3_bucket_public_access_block", component: "config" },
            { type: "aws_s3_bucket_ownership_controls", component: "config" },
          ] as const)
        : []),
    ],
    ids: {
      cis: "3.3 / - / -",
      securityHub: "CloudTrail.6",
      checkov: "CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV2_AWS_65",
      prowler: "cloudtrail_logs_s3_bucket_is_not_publicly_accessible, s3_bucket_level_public_access_block, s3_bucket_acl_prohibited",
    },
    configRules: ["s3-bucket-public-read-prohibited"],
  },
  {
    id: "tls-only",
    title: "Bucket policies deny any request not made over TLS",
    areas: ["access-control"],
    applies: () => true,
    describe: () => "Each estate bucket policy denies every S3 action when aws:SecureTransport is false.",
    implementedBy: (p) => [
      { type: "aws_s3_bucket_policy", component: "archive" },
      { type: "aws_s3_bucket_policy", component: "accessLogs" },
      { type: "data.aws_iam_policy_document", component: "accessLogs" },
      ...(hasConfigBucket(p) ? ([{ type: "aws_s3_bucket_policy", component: "config" }, { type: "data.aws_iam_policy_document", component: "config", nameIncludes: "_config_policy_document_" }] as const) : []),
    ],
    ids: { cis: "2.1.2 / 2.1.1 / 3.1.1", securityHub: "S3.5", checkov: "CKV_AWS_379", prowler: "s3_bucket_secure_transport_policy" },
    configRules: ["s3-bucket-ssl-requests-only"],
  },
  {
    id: "archive-write-and-delete-policy",
    title: "Archive bucket policy: only this trail writes, only break-glass deletes",
    areas: ["access-control", "immutability"],
    applies: () => true,
    describe: (p) => {
      const org = p.organizationId ? `; requests from outside organization ${p.organizationId} are denied (aws:PrincipalOrgID)` : "";
      const breakGlass = p.guardrails?.breakGlassRoleName ?? "BreakGlass";
      return `CloudTrail may write only for trail ${p.trail.arn} (aws:SourceArn)${org}; deleting objects, versions or the bucket is denied to everyone except the ${breakGlass} role in account ${p.accounts.logArchive.id}.`;
    },
    implementedBy: () => [
      { type: "aws_s3_bucket_policy", component: "archive" },
      { type: "data.aws_iam_policy_document", component: "archive" },
    ],
    ids: { securityHub: "S3.6", checkov: "CKV_AWS_70", prowler: "s3_bucket_cross_account_access" },
  },
  {
    id: "log-readers",
    title: "Named log readers may read and decrypt the archive",
    areas: ["access-control"],
    applies: (p) => p.key.readerArns.length > 0,
    describe: (p) => `Read access (bucket policy) and kms:Decrypt (key policy) for ${p.key.readerArns.join(", ")}, and no one else outside the estate.`,
    implementedBy: () => [
      { type: "data.aws_iam_policy_document", component: "archive" },
      { type: "data.aws_iam_policy_document", component: "key" },
    ],
    ids: {},
  },
  {
    id: "access-logging",
    title: "Server access logging of the archive to a separate bucket",
    areas: ["monitoring", "access-control"],
    applies: () => true,
    describe: (p) =>
      `Every request to the archive is logged to ${p.accessLogs.name} (SSE-S3, no Object Lock: S3 cannot deliver access logs to a locked bucket), kept ${p.accessLogs.expirationDays} days.`,
    implementedBy: () => [
      { type: "aws_s3_bucket_logging", component: "archive" },
      { type: "aws_s3_bucket", component: "accessLogs" },
      { type: "aws_s3_bucket_server_side_encryption_configuration", component: "accessLogs" },
      { type: "aws_s3_bucket_policy", component: "accessLogs" },
      { type: "aws_s3_bucket_lifecycle_configuration", component: "accessLogs" },
    ],
    ids: { cis: "3.6 / 3.4 / 4.4", securityHub: "CloudTrail.7, S3.9", checkov: "CKV_AWS_18", prowler: "cloudtrail_logs_s3_bucket_access_logging_enabled" },
    configRules: ["s3-bucket-logging-enabled"],
  },
  {
    id: "evidence-not-destroyed",
    title: "Evidence cannot be destroyed by accident",
    areas: ["immutability"],
    applies: () => true,
    describe: (p) =>
      `The log buckets${p.logGroup.managed ? ", the log group" : ""} and both keys carry prevent_destroy, so a rename or a stray terraform destroy fails at plan time; the keys' deletion window is ${p.key.deletionWindowDays} days, the maximum.`,
    implementedBy: (p) => [
      { type: "aws_s3_bucket", component: "archive" },
      { type: "aws_s3_bucket", component: "accessLogs" },
      KEY,
      MONITORING_KEY,
      ...(p.logGroup.managed ? [{ type: "aws_cloudwatch_log_group", component: "logGroup" } as const] : []),
    ],
    ids: { securityHub: "KMS.3", checkov: "CKV_AWS_227", prowler: "kms_cmk_not_deleted_unintentionally" },
  },
  {
    id: "key-rotation",
    title: "Automatic rotation of the estate key",
    areas: ["access-control"],
    applies: () => true,
    describe: (p) => `${p.key.alias} and ${p.monitoringKey.alias} rotate their key material every ${p.key.rotationPeriodDays} days.`,
    implementedBy: () => [KEY, MONITORING_KEY, { type: "aws_kms_alias", component: "monitoringKey" }],
    ids: { cis: "3.8 / 3.6 / 4.6", securityHub: "KMS.4", checkov: "CKV_AWS_7", prowler: "kms_cmk_rotation_enabled" },
    configRules: ["cmk-backing-key-rotation-enabled"],
  },
  {
    id: "key-policy",
    title: "Explicit, least-privilege key policy",
    areas: ["access-control"],
    applies: () => true,
    describe: () =>
      "Each key policy names each service with its encryption-context and source conditions and grants no unconditioned \"*\" principal; the key's own account administers it without data access (no kms:Decrypt, no kms:CreateGrant), so only the principals named in the policy can read what it protects.",
    implementedBy: () => [KEY, MONITORING_KEY, { type: "data.aws_iam_policy_document", component: "key" }, { type: "data.aws_iam_policy_document", component: "monitoringKey" }],
    ids: { securityHub: "KMS.1, KMS.2", checkov: "CKV_AWS_33, CKV2_AWS_64", prowler: "kms_key_not_publicly_accessible" },
  },
  {
    id: "home-region",
    title: "Evidence kept in the home region",
    areas: ["residency"],
    applies: (p) => p.residency,
    describe: (p) =>
      `Every bucket, the key and the log group are created in ${p.homeRegion} by providers pinned to it; the key is single-Region, and nothing replicates across regions.`,
    implementedBy: (p) => [
      { type: "aws_s3_bucket", component: "archive" },
      { type: "aws_s3_bucket", component: "accessLogs" },
      KEY,
      ...(p.logGroup.managed ? [{ type: "aws_cloudwatch_log_group", component: "logGroup" } as const] : []),
    ],
    ids: { prowler: "kms_cmk_not_multi_region" },
  },
  {
    id: "region-deny-scp",
    title: "Service control policy denying regions outside the jurisdiction",
    areas: ["residency"],
    applies: (p) => p.guardrails?.regionDeny !== undefined,
    describe: (p) =>
      `Member accounts cannot use regions other than ${p.guardrails?.regionDeny?.allowedRegions.join(", ")}, except for ${p.guardrails?.regionDeny?.exemptActions.length} global-service actions.`,
    implementedBy: () => [
      { type: "aws_organizations_policy", component: "guardrails", nameIncludes: "_region_deny_" },
      { type: "aws_organizations_policy_attachment", component: "guardrails", nameIncludes: "_region_deny_" },
      { type: "data.aws_iam_policy_document", component: "guardrails", nameIncludes: "_region_deny_" },
    ],
    ids: {},
  },
  {
    id: "log-protection-scp",
    title: "Service control policy protecting the member-account buckets, key, Config and exempt roles",
    areas: ["immutability", "access-control"],
    applies: (p) => p.guardrails !== undefined,
    describe: (p) =>
      `In member accounts: only ${p.guardrails?.breakGlassRoleName} may delete evidence or disable or delete the estate key; only it and the deploy role ${p.access.deployRoleName} may change the log buckets' settings or the key's policy; only ${p.access.bootstrapRoleName} may edit those roles${p.config ? "; only break-glass may stop a Config recorder" : ""}. SCPs never bind the management account, so the trail, log group, alarms and topics there are not protected by it (README, "What is protected").`,
    implementedBy: () => [
      { type: "aws_organizations_policy", component: "guardrails", nameIncludes: "_log_protection_" },
      { type: "aws_organizations_policy_attachment", component: "guardrails", nameIncludes: "_log_protection_" },
      { type: "data.aws_iam_policy_document", component: "guardrails", nameIncludes: "_log_protection_" },
      { type: "data.aws_organizations_organization", component: "guardrails" },
    ],
    ids: {},
  },
  {
    id: "log-group-encryption",
    title: "Trail log group encrypted with the estate key",
    areas: ["access-control"],
    applies: (p) => p.logGroup.managed,
    describe: (p) => `${p.logGroup.name} is encrypted with ${p.monitoringKey.alias}; the key policy admits CloudWatch Logs only for this log group's ARN.`,
    implementedBy: () => [{ type: "aws_cloudwatch_log_group", component: "logGroup" }],
    ids: { checkov: "CKV_AWS_158", prowler: "cloudwatch_log_group_kms_encryption_enabled" },
    configRules: ["cloudwatch-log-group-encrypted"],
  },
  {
    id: "log-group-retention",
    title: "Trail log group retention of at least a year",
    areas: ["retention"],
    applies: (p) => p.logGroup.managed,
    describe: (p) => `${p.logGroup.name} keeps events searchable for ${p.logGroup.retentionDays} days (the reason is under Numbers and where they come from).`,
    implementedBy: () => [{ type: "aws_cloudwatch_log_group", component: "logGroup" }],
    ids: { securityHub: "CloudWatch.16", checkov: "CKV_AWS_66, CKV_AWS_338", prowler: "cloudwatch_log_group_retention_policy_specific_days_enabled" },
    configRules: ["cw-loggroup-retention-period-check"],
  },
  {
    id: "cis-metric-alarms",
    title: "CIS metric filters and alarms with the exact Security Hub patterns",
    areas: ["monitoring"],
    applies: (p) => p.alarms.length > 0,
    describe: (p) => `${p.alarms.length} metric filters on ${p.logGroup.name}, each with an alarm (threshold 1 in 5 minutes); CIS monitoring alarms lists each one.`,
    implementedBy: () => [
      { type: "aws_cloudwatch_log_metric_filter", component: "alarms" },
      { type: "aws_cloudwatch_metric_alarm", component: "alarms" },
    ],
    // Per-alarm CIS, Security Hub and Prowler ids are in the alarms table.
    ids: { cis: "4.1-4.15 / 4.1-4.15 / 5.1-5.15", securityHub: "CloudWatch.1-CloudWatch.14" },
  },
  {
    id: "alarm-actions",
    title: "Every alarm notifies a topic, with actions enabled",
    areas: ["monitoring", "review"],
    applies: (p) => p.alarms.length > 0,
    describe: (p) => `Alarms notify one SNS topic per tier (${p.topics.map((t) => `${t.tier}: ${t.emails.length} recipient${t.emails.length === 1 ? "" : "s"}`).join(", ")}).`,
    implementedBy: () => [
      { type: "aws_cloudwatch_metric_alarm", component: "alarms" },
      { type: "aws_sns_topic", component: "alerts" },
      { type: "aws_sns_topic_subscription", component: "alerts" },
    ],
    ids: { securityHub: "CloudWatch.15, CloudWatch.17", prowler: "cloudwatch_alarm_actions_alarm_state_configured, cloudwatch_alarm_actions_enabled" },
    configRules: ["cloudwatch-alarm-action-check"],
  },
  {
    id: "sns-encryption",
    title: "Alert topics encrypted with the customer-managed key",
    areas: ["access-control"],
    applies: (p) => p.topics.length > 0,
    describe: (p) => `Topics use ${p.monitoringKey.alias}, whose policy lets CloudWatch alarms encrypt to them (the AWS-managed SNS key cannot).`,
    implementedBy: () => [{ type: "aws_sns_topic", component: "alerts" }],
    ids: { securityHub: "SNS.1", checkov: "CKV_AWS_26", prowler: "sns_topics_kms_encryption_at_rest_enabled" },
  },
  {
    id: "sns-topic-policy",
    title: "Alert topics publishable only by the estate's alarms and reviews",
    areas: ["access-control"],
    applies: (p) => p.topics.length > 0,
    // The scheduled review publishes its summary too (src/query/estate/forensic-grants.ts, LogReviewPublish).
    describe: (p) =>
      `Only cloudwatch.amazonaws.com, for alarms of account ${p.accounts.management.id} in ${p.homeRegion}, may publish${p.forensics ? `, and the log review role ${p.forensics.reviewRoleArn} to the topics its summary goes to` : ""}; the topics are never public.`,
    implementedBy: () => [
      { type: "aws_sns_topic_policy", component: "alerts" },
      { type: "data.aws_iam_policy_document", component: "alerts" },
    ],
    ids: { checkov: "CKV_AWS_169, CKV_AWS_385", prowler: "sns_topics_not_publicly_accessible" },
  },
  {
    id: "delivery-health",
    title: "Alarm when the trail stops delivering",
    areas: ["monitoring", "integrity"],
    applies: () => true,
    describe: (p) =>
      `An alarm on the log group's IncomingLogEvents notifies the ${p.deliveryHealth.tier} tier after ${p.deliveryHealth.silentMinutes} minutes without a single event (missing data counts as breaching), so a broken key, bucket policy or delivery role is noticed: ${p.deliveryHealth.reason}.`,
    implementedBy: () => [{ type: "aws_cloudwatch_metric_alarm", component: "deliveryHealth" }],
    ids: {},
  },
  {
    id: "alarm-dashboard",
    title: "CloudWatch dashboard of the alarms",
    areas: ["review"],
    applies: (p) => p.dashboard && p.alarms.length > 0,
    describe: () => "One dashboard shows every alarm's state, for the daily review.",
    implementedBy: () => [{ type: "aws_cloudwatch_dashboard" }],
    ids: {},
  },
  {
    id: "config-recorder",
    title: "AWS Config recorders delivering to their own bucket",
    areas: ["monitoring", "integrity"],
    applies: (p) => hasConfigBucket(p),
    describe: (p) =>
      p.config && p.config.recorderAccounts.length > 0
        ? `Config records resource changes in ${p.homeRegion} of ${p.config.recorderAccounts.length} estate account${p.config.recorderAccounts.length === 1 ? "" : "s"} and delivers under ${p.key.alias} to ${p.config.bucketName} (Config cannot deliver to an Object Lock bucket with default retention)${p.config.existingRecorderAccounts.length > 0 ? "; the other estate accounts keep their existing recorders" : ""}.`
        : `The estate's rules rely on the recorders already in its accounts (${p.homeRegion}); the estate creates none.`,
    implementedBy: () => [
      { type: "aws_config_configuration_recorder", component: "config" },
      { type: "aws_config_delivery_channel", component: "config" },
      { type: "aws_config_configuration_recorder_status", component: "config" },
      { type: "aws_iam_role", component: "config" },
      { type: "aws_iam_role_policy", component: "config" },
      { type: "aws_iam_role_policy_attachment", component: "config" },
      { type: "data.aws_iam_policy_document", component: "config" },
      { type: "aws_s3_bucket", component: "config" },
      { type: "aws_s3_bucket_server_side_encryption_configuration", component: "config" },
      { type: "aws_s3_bucket_lifecycle_configuration", component: "config" },
      { type: "aws_s3_bucket_logging", component: "config" },
    ],
    ids: { cis: "3.5 / 3.3 / 4.3", securityHub: "Config.1", checkov: "CKV_AWS_121, CKV2_AWS_45, CKV2_AWS_48", prowler: "config_recorder_all_regions_enabled" },
    whenAbsent: () => ({
      reason: "AWS Config is not part of this estate.",
      instead: "Enable AWS Config in every region and account (config=true here covers the management account's home region), or show the organisation's existing Config setup for CIS 3.3 / Security Hub Config.1.",
    }),
  },
  {
    id: "config-aggregator",
    title: "AWS Config organization aggregator in the security account",
    areas: ["monitoring", "review"],
    applies: (p) => p.config?.aggregator !== undefined,
    describe: (p) => `One view of every account's Config compliance, in the security account ${p.accounts.security.id}, for ${p.allowedRegions.join(", ")}.`,
    implementedBy: () => [{ type: "aws_config_configuration_aggregator", component: "config" }],
    ids: {},
  },
  {
    id: "config-rules",
    title: "AWS Config managed rules that keep checking the logging estate",
    areas: ["monitoring", "review"],
    applies: (p) => (p.config?.rules.length ?? 0) > 0,
    describe: (p) => `${p.config?.rules.length} managed rules, listed with their identifiers in "AWS Config rules" below.`,
    implementedBy: () => [{ type: "aws_config_config_rule", component: "config" }],
    ids: {},
  },
  {
    id: "workspaces-user-activity",
    title: "Amazon WorkSpaces user activity recorded and alarmed",
    areas: ["monitoring"],
    applies: (p) => p.workspaces !== undefined,
    describe: (p) =>
      `Successful WorkSpaces logins (EventBridge WorkSpaces Access) recorded in ${p.workspaces!.sites.length} account and region${p.workspaces!.sites.length === 1 ? "" : "s"}, alarmed from outside allowed networks and after hours; WorkSpaces administrator actions alarmed from the trail; health alarms and dashboards. AWS records no WorkSpaces login in CloudTrail and no location (see the WorkSpaces section).`,
    implementedBy: () => [
      { type: "aws_cloudwatch_event_rule", component: "workspaces" },
      { type: "aws_cloudwatch_event_target", component: "workspaces" },
      { type: "aws_cloudwatch_log_group", component: "workspaces" },
      { type: "aws_cloudwatch_log_resource_policy", component: "workspaces" },
      { type: "aws_scheduler_schedule", component: "workspaces" },
      { type: "aws_cloudwatch_dashboard", component: "workspaces" },
      { type: "aws_cloudwatch_log_metric_filter", component: "workspaces" },
      { type: "aws_cloudwatch_metric_alarm", component: "workspaces" },
    ],
    ids: {},
  },
  {
    id: "forensic-query",
    title: "The archive queryable in Athena: one saved query per review check, read-only investigator role",
    areas: ["review", "access-control"],
    applies: (p) => p.forensics !== undefined,
    describe: (p) =>
      `Glue table ${p.forensics!.databaseName}.${p.forensics!.tableName} projects the archive by account (${p.forensics!.accountIds.length}), Region (${p.forensics!.regions.join(", ")}) and day; workgroup ${p.forensics!.workgroupName} is enforced (engine v3, results SSE-KMS in ${p.forensics!.resultsBucket.name}, kept ${p.forensics!.resultsBucket.expirationDays} days, at most ${Math.round(p.forensics!.bytesScannedCutoff / 1024 ** 3)} GB scanned per query) and holds one saved query per check; role ${p.forensics!.investigatorRoleName} may read the logs through it and change nothing.${p.forensics!.s3DataEvents ? "" : " The trail records no S3 data events, so object reads cannot be investigated."}`,
    implementedBy: () => [
      { type: "aws_glue_catalog_table", component: "forensics" },
      { type: "aws_athena_workgroup", component: "forensics" },
      { type: "aws_athena_named_query", component: "forensics" },
      { type: "aws_s3_bucket", component: "forensics" },
      { type: "aws_iam_role", component: "forensics" },
      { type: "aws_iam_role_policy", component: "forensics" },
      { type: "aws_glue_catalog_database", component: "forensics" },
      { type: "aws_s3_bucket_server_side_encryption_configuration", component: "forensics" },
      { type: "aws_s3_bucket_lifecycle_configuration", component: "forensics" },
      { type: "aws_s3_bucket_versioning", component: "forensics" },
      { type: "aws_s3_bucket_public_access_block", component: "forensics" },
      { type: "aws_s3_bucket_ownership_controls", component: "forensics" },
      { type: "aws_s3_bucket_policy", component: "forensics" },
      { type: "data.aws_iam_policy_document", component: "forensics" },
    ],
    ids: {},
  },
  {
    id: "scheduled-log-review",
    title: "Automated daily and weekly log review (PCI DSS 10.4.1, 10.4.1.1)",
    areas: ["review", "monitoring"],
    applies: (p) => p.forensics !== undefined,
    describe: (p) =>
      `EventBridge Scheduler runs state machine ${p.forensics!.stateMachineName} daily (${p.forensics!.dailyCron}) and weekly (${p.forensics!.weeklyCron}) in ${p.forensics!.timeZone}; it counts every catalog check over the previous day or week in one Athena scan and ${reviewRouting(p)}. A person still reads it and follows up (10.4.1 is a review by people, helped by 10.4.1.1's automation).`,
    implementedBy: () => [
      { type: "aws_sfn_state_machine", component: "review" },
      { type: "aws_scheduler_schedule", component: "review" },
      { type: "aws_iam_role", component: "review" },
      { type: "aws_iam_role_policy", component: "review" },
      { type: "aws_athena_named_query", component: "review" },
      { type: "data.aws_iam_policy_document", component: "review" },
    ],
    ids: {},
  },
] satisfies EstateControl[]);
