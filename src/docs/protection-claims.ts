// Every protection the documents claim, each tied to the policy statement (by Sid) or resource
// that delivers it, and the limits no policy can remove. `presets show`, README.md and
// COMPLIANCE.md print these; test/docs/protection-claims.test.ts checks each Sid and resource
// exists in the synthesized Terraform, so no document can claim what the Terraform lacks.
import type { ResolvedPlan } from "../model/plan.js";

/** Which generated policy carries a statement. */
export type PolicyName = "archive-bucket" | "estate-key" | "monitoring-key" | "log-protection-scp";

export type Delivery =
  | { readonly policy: PolicyName; readonly sid: string }
  | { readonly resource: string };

export interface ProtectionClaim {
  readonly id: string;
  readonly text: string;
  readonly deliveredBy: readonly Delivery[];
}

export function protectionClaims(plan: ResolvedPlan): ProtectionClaim[] {
  const org = plan.topology === "organization";
  const breakGlass = plan.guardrails?.breakGlassRoleName ?? "BreakGlass";
  const claims: ProtectionClaim[] = [];
  const lock = plan.archive.objectLock;
  if (lock) {
    claims.push({
      id: "object-lock",
      text:
        lock.mode === "COMPLIANCE"
          ? `Every log file version is locked for ${lock.days} days in COMPLIANCE mode: no principal in any account, the root user included, can delete or overwrite it before then.`
          : `Every log file version is locked for ${lock.days} days in GOVERNANCE mode: only a principal allowed s3:BypassGovernanceRetention can remove a lock early, and the bucket policy denies that to all but ${breakGlass}.`,
      deliveredBy: [{ resource: "aws_s3_bucket_object_lock_configuration.log_archive_object_lock" }, ...(lock.mode === "GOVERNANCE" ? [{ policy: "archive-bucket", sid: "DenyDeleteExceptBreakGlass" } as const] : [])],
    });
  }
  claims.push(
    {
      id: "only-cloudtrail-writes",
      text: "Only CloudTrail, for this trail, can write under AWSLogs/ in the archive: the bucket policy denies s3:PutObject there to every other principal.",
      deliveredBy: [{ policy: "archive-bucket", sid: "AWSCloudTrailWrite" }, { policy: "archive-bucket", sid: "DenyLogWritesExceptCloudTrail" }],
    },
    {
      id: "deletes-break-glass",
      text: `Only the ${breakGlass} role of the log-archive account can delete log objects, versions, the bucket or its policy, or bypass a governance lock.`,
      deliveredBy: [{ policy: "archive-bucket", sid: "DenyDeleteExceptBreakGlass" }],
    },
    {
      id: "named-readers",
      text: readersClaim(plan),
      deliveredBy: [
        { policy: "estate-key", sid: "KeyAdministrationWithoutDataAccess" },
        ...(plan.key.readerArns.length > 0 ? [{ policy: "estate-key", sid: "AllowLogReadersDecryptViaS3" } as const, { policy: "archive-bucket", sid: "AllowLogReadersRead" } as const] : []),
        // Forensics' investigator and review roles read through Athena (src/query/estate/forensic-grants.ts).
        ...(plan.forensics ? [{ policy: "estate-key", sid: "ForensicsDecryptViaS3" } as const, { policy: "archive-bucket", sid: "ForensicsReadLogs" } as const] : []),
      ],
    },
    {
      id: "estate-key-deletion",
      text: `Nobody but the ${breakGlass} role of the key's own account can disable the estate key or schedule its deletion.`,
      deliveredBy: [{ policy: "estate-key", sid: "DenyKeyDeletionExceptBreakGlass" }],
    },
    {
      id: "monitoring-key-deletion",
      text: "The monitoring key's policy denies disabling or deleting it to everyone; an administrator must first rewrite the policy, which the trail records.",
      deliveredBy: [{ policy: "monitoring-key", sid: "DenyKeyDisableOrDeletion" }],
    },
    {
      id: "digests",
      text: "Log file validation signs an hourly digest of every log file, so deleting or altering a file is detectable with `aws cloudtrail validate-logs`.",
      deliveredBy: [{ resource: "aws_cloudtrail.trail_main" }],
    },
    {
      id: "delivery-health",
      text: `An alarm fires when no event reaches the log group for ${plan.deliveryHealth.silentMinutes} minutes, so a broken key, bucket policy or delivery role is noticed, not silent.`,
      deliveredBy: [{ resource: "aws_cloudwatch_metric_alarm.delivery_health_alarm" }],
    },
  );
  if (org) {
    claims.push({
      id: "organization-only",
      text: `Nobody outside organization ${plan.organizationId} can reach the archive bucket.`,
      deliveredBy: [{ policy: "archive-bucket", sid: "DenyOutsideOrganization" }],
    });
  }
  if (plan.guardrails) {
    claims.push(
      {
        id: "scp-bucket-settings",
        text: `In member accounts, nobody but ${breakGlass} and the deploy role ${plan.access.deployRoleName} can change the log buckets' policy, lifecycle, versioning, lock, encryption, logging or public-access settings, and only ${breakGlass} can delete evidence.`,
        deliveredBy: [{ policy: "log-protection-scp", sid: "ProtectLogBucketSettings" }, { policy: "log-protection-scp", sid: "ProtectLogEvidence" }],
      },
      {
        id: "scp-estate-key",
        text: `In the security account, nobody but ${breakGlass} can disable or delete the estate key, and nobody but ${breakGlass} and the deploy role can rewrite its policy, grant around it, turn rotation off or remove its tag.`,
        deliveredBy: [{ policy: "log-protection-scp", sid: "ProtectEstateKeyDeletion" }, { policy: "log-protection-scp", sid: "ProtectEstateKeySettings" }],
      },
      {
        id: "scp-exempt-roles",
        text: `Nobody in a member account but ${breakGlass} can edit the ${breakGlass}, deploy or ${plan.access.bootstrapRoleName} roles, so no exemption can be widened from inside (bootstrap/ runs before the guardrails are attached; to change the deploy role later, use ${breakGlass}).`,
        deliveredBy: [{ policy: "log-protection-scp", sid: "ProtectExemptRoles" }],
      },
    );
    if (plan.config) {
      claims.push({
        id: "scp-config",
        text: `In member accounts, nobody but ${breakGlass} can stop or delete an AWS Config recorder or delivery channel.`,
        deliveredBy: [{ policy: "log-protection-scp", sid: "ProtectConfigRecorders" }],
      });
    }
  }
  return claims;
}

/** What no generated policy can protect, and what the organisation does instead. */
export function protectionLimits(plan: ResolvedPlan): string[] {
  const org = plan.topology === "organization";
  const out: string[] = [];
  if (org) {
    out.push(
      "SCPs never apply to the management account (AWS Organizations user guide). A management-account administrator can stop or change the trail, its log group, the metric filters, alarms and topics, the monitoring key, and can detach the SCPs themselves. Instead: use the management account only for tasks that need it, with few administrators and MFA (AWS's management-account best practice); the API call that makes any such change is recorded by the trail and kept in the locked log-archive copy; the CloudTrail-changes, KMS and Organizations-changes alarms notify on it; and the Config rules in management report a trail that is off.",
      `Whoever may assume the deploy role (${plan.access.deployerArn}) can change the log buckets' settings and the estate key's policy through it, though not delete locked logs. Name a single CI role as accounts.deployerArn and guard it.`,
    );
    if (plan.controlTower) out.push("Control Tower's own trail, log group, buckets and recorders are Control Tower's: the estate reads them and changes none of them.");
    out.push("Security Hub CloudWatch.1-14 evaluate only in the account that owns the trail, in its home region: they pass in the management account and show NO_DATA in member accounts.");
  } else {
    out.push(
      "A single account has no service control policies: an administrator of the account can change the trail, the buckets' settings and the key policies (though not delete locked logs). The CIS alarms notify on such changes, and the API call that makes each one is recorded in the locked archive.",
    );
  }
  if (plan.archive.objectLock?.mode === "GOVERNANCE") out.push(`GOVERNANCE-mode locks can be removed early by ${plan.guardrails?.breakGlassRoleName ?? "BreakGlass"}; choose COMPLIANCE mode where no one may ever remove them.`);
  if (!plan.archive.objectLock) out.push("Object Lock is off: log files are protected from deletion only by the bucket policy and, in an organization, the SCP.");
  return out;
}

/** Who can decrypt log files: the named readers and, with forensics, the Athena roles, all through S3 only. */
function readersClaim(plan: ResolvedPlan): string {
  const readers = [...plan.key.readerArns, ...(plan.forensics ? [plan.forensics.investigatorRoleArn, plan.forensics.reviewRoleArn] : [])];
  if (readers.length === 0) return "Nobody can decrypt log files through the estate key: its own account administers it without data access and no reader is named.";
  const who = plan.forensics
    ? `the named readers${plan.key.readerArns.length > 0 ? ` (${plan.key.readerArns.join(", ")})` : " (none named)"} and the Athena investigator and review roles (${plan.forensics.investigatorRoleArn}, ${plan.forensics.reviewRoleArn})`
    : `the named readers (${readers.join(", ")})`;
  return `Only ${who} can decrypt log files, and only through S3: the estate key's own account administers the key without data access, and CloudTrail's Decrypt is pinned to this trail.`;
}
