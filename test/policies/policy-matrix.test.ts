// The estate's policies, evaluated offline with @cloud-copilot/iam-simulate:
// principal x action x resource -> expected allow/deny and the statement that
// decided it, for every preset. Policies are the generated documents as
// attached in the synthesized Terraform (estate-policies.ts); the guards against
// a test passing for the wrong reason live in evaluate-request.ts.
//
// Reading a row: `when` keeps a row to the presets that have the control (a
// single account has no organization and no SCPs); `by` lists the deciding
// statements as <policy type>:<Sid>, or implicit:<policy type> when nothing
// granted the request. Administrators are modelled at their most powerful
// (identity policy Allow * on *), so every Deny below holds against an admin.
import { beforeAll, describe, expect, it } from "vitest";
import type { EvaluationResult } from "@cloud-copilot/iam-simulate";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";
import { presetTfJson } from "../helpers/estate-cache.js";
import { estatePolicies, type IamPolicy } from "./estate-policies.js";
import { ADMINISTRATOR_ACCESS, evaluateRequest, type PolicyRequest, type Verdict } from "./evaluate-request.js";
import { buildWorld, isServicePrincipal, type Context, type World } from "./policy-world.js";

interface Expected {
  readonly result: EvaluationResult;
  readonly by: readonly string[];
}

interface RowRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  /** The resource's own policy (bucket, key or topic), if it has one. */
  readonly policy: IamPolicy | undefined;
  readonly context: Context;
  /** Condition keys AWS would not send for this caller. */
  readonly absent?: readonly string[];
}

interface Row {
  readonly name: string;
  readonly when?: (plan: ResolvedPlan) => boolean;
  readonly request: (w: World) => RowRequest;
  readonly expect: Expected | ((w: World) => Expected);
}

const allowed = (...by: string[]): Expected => ({ result: "Allowed", by });
const denied = (...by: string[]): Expected => ({ result: "ExplicitlyDenied", by });
const notGranted = (...by: string[]): Expected => ({ result: "ImplicitlyDenied", by });
const ADMIN = "identity:AdministratorAccess";

// Which presets have which control.
const isOrg = (p: ResolvedPlan) => p.topology === "organization";
const hasScps = (p: ResolvedPlan) => p.guardrails !== undefined;
const hasRegionDeny = (p: ResolvedPlan) => p.guardrails?.regionDeny !== undefined;
const hasConfig = (p: ResolvedPlan) => p.config !== undefined;
const hasReaders = (p: ResolvedPlan) => p.key.readerArns.length > 0;
const managedLogGroup = (p: ResolvedPlan) => p.logGroup.managed;
const hasForensics = (p: ResolvedPlan) => p.forensics !== undefined;

// The resources' own policies.
const archivePolicy = (w: World) => w.policies.bucket(w.plan.archive.name);
const accessLogPolicy = (w: World) => w.policies.bucket(w.plan.accessLogs.name);
const configPolicy = (w: World) => w.policies.bucket(w.plan.config!.bucketName);
const keyPolicy = (w: World) => w.policies.key;
const monitoringKeyPolicy = (w: World) => w.policies.monitoringKey;
const hasConfigBucket = (p: ResolvedPlan) => (p.config?.recorderAccounts.length ?? 0) > 0;

/** CloudTrail delivering for this estate's trail. */
function cloudTrail(w: World, action: string, resource: string, overrides: Context = {}): RowRequest {
  return {
    principal: "cloudtrail.amazonaws.com",
    action,
    resource,
    resourceAccount: resource.startsWith("arn:aws:s3") ? w.archive : w.keyAccount,
    policy: resource.startsWith("arn:aws:s3") ? archivePolicy(w) : keyPolicy(w),
    context: { ...w.serviceContext(w.plan.trail.arn, w.mgmt), "aws:PrincipalServiceName": "cloudtrail.amazonaws.com", ...overrides },
    absent: w.serviceAbsentKeys,
  };
}

function cloudTrailPut(w: World, key: string, overrides: Context = {}): RowRequest {
  return cloudTrail(w, "s3:PutObject", w.object(w.plan.archive.arn, key), { "s3:x-amz-acl": "bucket-owner-full-control", ...overrides });
}

/** An IAM role acting on one of the estate's buckets. */
function onBucket(w: World, principal: string, action: string, bucketArn: string, key: string | undefined, policy: IamPolicy, options: Parameters<World["iamContext"]>[1] = {}): RowRequest {
  return {
    principal,
    action,
    resource: key === undefined ? bucketArn : w.object(bucketArn, key),
    resourceAccount: w.archive,
    policy,
    context: w.iamContext(principal, options),
    // An IAM principal's request carries no aws:PrincipalServiceName (only service principals do).
    absent: [...(options.orgId === null ? ["aws:PrincipalOrgID"] : []), "aws:PrincipalServiceName"],
  };
}

/** A request on the estate key; the key carries the estate's tag, which the SCP's key statements match. */
function onKey(w: World, principal: string, action: string, context: Context, absent?: readonly string[]): RowRequest {
  const tag: Context = isServicePrincipal(principal) ? {} : { "aws:ResourceTag/trailwright-estate": w.plan.name };
  // An IAM principal's request here carries no S3 encryption context (no S3 object is involved).
  const noContext = isServicePrincipal(principal) ? [] : ["kms:EncryptionContext:aws:s3:arn"];
  return { principal, action, resource: w.keyArn, resourceAccount: w.keyAccount, policy: keyPolicy(w), context: { ...tag, ...context }, absent: [...(absent ?? []), ...noContext] };
}

function onMonitoringKey(w: World, principal: string, action: string, context: Context, absent?: readonly string[]): RowRequest {
  return { principal, action, resource: w.monitoringKeyArn, resourceAccount: w.mgmt, policy: monitoringKeyPolicy(w), context, absent };
}

function logsService(w: World, action: string, context: Context, region = w.region): RowRequest {
  return {
    principal: `logs.${region}.amazonaws.com`,
    action,
    resource: w.monitoringKeyArn,
    resourceAccount: w.mgmt,
    policy: monitoringKeyPolicy(w),
    context: { ...w.serviceContext(w.plan.logGroup.arn, w.mgmt), ...context },
    absent: w.serviceAbsentKeys,
  };
}

function alarmPublish(w: World, topic: string, sourceAccount: string): RowRequest {
  return {
    principal: "cloudwatch.amazonaws.com",
    action: "sns:Publish",
    resource: w.topicArn(topic),
    resourceAccount: w.mgmt,
    policy: w.policies.topic(topic),
    context: w.serviceContext(`arn:aws:cloudwatch:${w.region}:${sourceAccount}:alarm:audit-root-account-usage`, sourceAccount),
    absent: w.serviceAbsentKeys,
  };
}

/** An IAM role publishing to the topic of `tier`. */
function topicCall(w: World, principal: string, tier: string): RowRequest {
  const topic = w.plan.topics.find((t) => t.tier === tier)!.name;
  return { principal, action: "sns:Publish", resource: w.topicArn(topic), resourceAccount: w.mgmt, policy: w.policies.topic(topic), context: w.iamContext(principal) };
}

/** A member-account role calling a regional (or global) API in `region`. */
function regionalCall(w: World, principal: string, action: string, resource: string, region: string): RowRequest {
  return { principal, action, resource, resourceAccount: w.archive, policy: undefined, context: w.iamContext(principal, { region }) };
}

const ec2Instance = (w: World, region: string) => `arn:aws:ec2:${region}:${w.archive}:instance/i-0123456789abcdef0`;
const TIERS = ["critical", "warning", "info"] as const;
const topicOf = (p: ResolvedPlan, tier: string) => p.topics.find((t) => t.tier === tier)?.name;

const MATRIX: readonly Row[] = [
  // ---- CloudTrail writes to the log prefix of this trail, and nowhere else --------------------------------
  { name: "CloudTrail checks the archive bucket ACL", request: (w) => cloudTrail(w, "s3:GetBucketAcl", w.plan.archive.arn), expect: allowed("resource:AWSCloudTrailAclCheck") },
  { name: "CloudTrail writes under AWSLogs/<management account>/", request: (w) => cloudTrailPut(w, w.trailLogKey(w.mgmt)), expect: allowed("resource:AWSCloudTrailWrite") },
  {
    // An organization trail writes member accounts' logs under AWSLogs/<org id>/<account>/ (pitfall 8).
    name: "CloudTrail writes a member account's logs under AWSLogs/<org id>/",
    when: isOrg,
    request: (w) => cloudTrailPut(w, w.trailLogKey(w.archive, { underOrg: true })),
    expect: allowed("resource:AWSCloudTrailWrite"),
  },
  { name: "CloudTrail cannot write outside AWSLogs/", request: (w) => cloudTrailPut(w, "exports/2025/01/31/dump.json.gz"), expect: notGranted("implicit:resource") },
  { name: "CloudTrail cannot write under another account's prefix", request: (w) => cloudTrailPut(w, w.trailLogKey(w.outsider)), expect: notGranted("implicit:resource") },
  {
    // Confused deputy: the same service writing for a trail that is not this estate's.
    name: "CloudTrail writing for another trail is not granted",
    request: (w) => cloudTrailPut(w, w.trailLogKey(w.mgmt), { "aws:SourceArn": `arn:aws:cloudtrail:${w.region}:${w.mgmt}:trail/shadow-trail` }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "CloudTrail writing without bucket-owner-full-control is not granted",
    request: (w) => cloudTrailPut(w, w.trailLogKey(w.mgmt), { "s3:x-amz-acl": "private" }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "CloudTrail cannot write into the access-log bucket",
    request: (w) => ({ ...cloudTrailPut(w, w.trailLogKey(w.mgmt)), resource: w.object(w.plan.accessLogs.arn, w.trailLogKey(w.mgmt)), policy: accessLogPolicy(w) }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "CloudTrail cannot write into the Config bucket",
    when: hasConfigBucket,
    request: (w) => ({ ...cloudTrailPut(w, w.trailLogKey(w.mgmt)), resource: w.object(w.plan.config!.bucketArn, w.trailLogKey(w.mgmt)), policy: configPolicy(w) }),
    expect: notGranted("implicit:resource"),
  },
  { name: "CloudTrail encrypts with the key for this trail", request: (w) => cloudTrail(w, "kms:GenerateDataKey", w.keyArn, { "kms:EncryptionContext:aws:cloudtrail:arn": w.plan.trail.arn }), expect: allowed("resource:AllowCloudTrailEncryptLogs") },
  {
    name: "CloudTrail encrypting for another trail is not granted",
    request: (w) => {
      const shadow = `arn:aws:cloudtrail:${w.region}:${w.mgmt}:trail/shadow-trail`;
      return cloudTrail(w, "kms:GenerateDataKey", w.keyArn, { "aws:SourceArn": shadow, "kms:EncryptionContext:aws:cloudtrail:arn": shadow });
    },
    expect: notGranted("implicit:resource"),
  },
  { name: "CloudTrail describes the key for this trail", request: (w) => cloudTrail(w, "kms:DescribeKey", w.keyArn), expect: allowed("resource:AllowCloudTrailDescribeKey") },
  {
    // The archive has an S3 Bucket Key: CloudTrail needs Decrypt to create or update the trail.
    name: "CloudTrail may decrypt with the key for this trail (Bucket Key)",
    request: (w) => cloudTrail(w, "kms:Decrypt", w.keyArn),
    expect: allowed("resource:AllowCloudTrailDecryptForBucketKey"),
  },
  {
    name: "CloudTrail decrypting for another trail is not granted",
    request: (w) => cloudTrail(w, "kms:Decrypt", w.keyArn, { "aws:SourceArn": `arn:aws:cloudtrail:${w.region}:${w.mgmt}:trail/shadow-trail` }),
    expect: notGranted("implicit:resource"),
  },
  {
    // "Only this trail writes": IAM principals of the bucket's own account, admins included.
    name: "an archive-account admin cannot write a forged log under AWSLogs/",
    request: (w) => onBucket(w, w.admin(w.archive), "s3:PutObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },
  {
    name: "another AWS service cannot write under AWSLogs/ in the archive",
    request: (w) => ({
      ...cloudTrailPut(w, w.trailLogKey(w.mgmt), { "aws:PrincipalServiceName": "config.amazonaws.com" }),
      principal: "config.amazonaws.com",
    }),
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },

  // ---- Requests without TLS are denied ----------------------------------------------------------------------
  { name: "CloudTrail over plain HTTP is denied", request: (w) => cloudTrailPut(w, w.trailLogKey(w.mgmt), { "aws:SecureTransport": "false" }), expect: denied("resource:DenyInsecureTransport") },
  {
    name: "an archive-account admin reading a log over plain HTTP is denied",
    request: (w) => onBucket(w, w.admin(w.archive), "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w), { tls: false }),
    expect: denied("resource:DenyInsecureTransport"),
  },
  {
    name: "listing the access-log bucket over plain HTTP is denied",
    request: (w) => onBucket(w, w.admin(w.archive), "s3:ListBucket", w.plan.accessLogs.arn, undefined, accessLogPolicy(w), { tls: false }),
    expect: denied("resource:DenyInsecureTransport"),
  },
  {
    name: "reading the Config bucket over plain HTTP is denied",
    when: hasConfigBucket,
    request: (w) => onBucket(w, w.admin(w.archive), "s3:GetObject", w.plan.config!.bucketArn, `AWSLogs/${w.mgmt}/Config/x.json.gz`, configPolicy(w), { tls: false }),
    expect: denied("resource:DenyInsecureTransport"),
  },

  // ---- Principals outside the organization (or, for one account, outside the account) ----------------------
  {
    name: "an outside admin (another organization) cannot read the archive",
    request: (w) => onBucket(w, w.admin(w.outsider), "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w), { orgId: w.outsiderOrgId }),
    expect: (w) => (w.org ? denied("resource:DenyOutsideOrganization") : notGranted("implicit:resource")),
  },
  {
    name: "an outside admin (another organization) cannot write to the archive",
    request: (w) => onBucket(w, w.admin(w.outsider), "s3:PutObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w), { orgId: w.outsiderOrgId }),
    expect: (w) => (w.org ? denied("resource:DenyOutsideOrganization", "resource:DenyLogWritesExceptCloudTrail") : denied("resource:DenyLogWritesExceptCloudTrail")),
  },
  {
    // aws:PrincipalOrgID is absent for an account in no organization: StringNotEquals on a missing key is true.
    name: "an outside admin in no organization cannot read the archive",
    request: (w) => onBucket(w, w.admin(w.outsider), "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w), { orgId: null }),
    expect: (w) => (w.org ? denied("resource:DenyOutsideOrganization") : notGranted("implicit:resource")),
  },
  {
    name: "an outside admin cannot read the access logs",
    request: (w) => onBucket(w, w.admin(w.outsider), "s3:GetObject", w.plan.accessLogs.arn, `${w.plan.archive.name}/2025-01-31-00-00-00-ABCDEF`, accessLogPolicy(w), { orgId: w.outsiderOrgId }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "an outside admin cannot decrypt with the key",
    request: (w) => onKey(w, w.admin(w.outsider), "kms:Decrypt", { ...w.iamContext(w.admin(w.outsider), { orgId: w.outsiderOrgId }), "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "the named log reader (security account) reads the archive",
    when: hasReaders,
    request: (w) => onBucket(w, w.plan.key.readerArns[0]!, "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
    expect: allowed(ADMIN, "resource:AllowLogReadersRead"),
  },
  {
    name: "the named log reader decrypts through S3",
    when: hasReaders,
    request: (w) => onKey(w, w.plan.key.readerArns[0]!, "kms:Decrypt", { ...w.iamContext(w.plan.key.readerArns[0]!), "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
    expect: allowed(ADMIN, "resource:AllowLogReadersDecryptViaS3"),
  },
  {
    // The reader grant is for S3 reads only.
    name: "the named log reader cannot decrypt directly",
    when: hasReaders,
    request: (w) => ({ ...onKey(w, w.plan.key.readerArns[0]!, "kms:Decrypt", { ...w.iamContext(w.plan.key.readerArns[0]!) }), absent: ["kms:ViaService", "kms:EncryptionContext:aws:s3:arn"] }),
    expect: notGranted("implicit:resource"),
  },
  {
    // The key's own account administers it without data access: an IAM Allow on kms:* is not enough.
    name: "an admin of the key's own account cannot decrypt log files, even through S3",
    request: (w) => onKey(w, w.admin(w.keyAccount), "kms:Decrypt", { ...w.iamContext(w.admin(w.keyAccount)), "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "an admin of the key's own account cannot grant itself Decrypt",
    request: (w) => onKey(w, w.admin(w.keyAccount), "kms:CreateGrant", w.iamContext(w.admin(w.keyAccount))),
    expect: (w) => (w.scpsReach(w.keyAccount) ? denied("scp:ProtectEstateKeySettings") : notGranted("implicit:resource")),
  },
  {
    name: "a management-account admin cannot decrypt log files through S3",
    when: isOrg,
    request: (w) => onKey(w, w.admin(w.mgmt), "kms:Decrypt", { ...w.iamContext(w.admin(w.mgmt)), "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
    expect: notGranted("implicit:resource"),
  },

  // ---- Forensics: Athena's roles in the security account read the logs, and nothing else -------------------
  {
    name: "the investigator role (security account) reads a log file",
    when: hasForensics,
    request: (w) => onBucket(w, w.plan.forensics!.investigatorRoleArn, "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt, { underOrg: w.org }), archivePolicy(w)),
    expect: allowed(ADMIN, "resource:ForensicsReadLogs"),
  },
  {
    name: "the review role lists the archive (Athena lists a partition's files)",
    when: hasForensics,
    request: (w) => onBucket(w, w.plan.forensics!.reviewRoleArn, "s3:ListBucket", w.plan.archive.arn, undefined, archivePolicy(w)),
    expect: allowed(ADMIN, "resource:ForensicsListArchive"),
  },
  {
    name: "the investigator role cannot write into the archive",
    when: hasForensics,
    request: (w) => onBucket(w, w.plan.forensics!.investigatorRoleArn, "s3:PutObject", w.plan.archive.arn, w.trailLogKey(w.mgmt, { underOrg: w.org }), archivePolicy(w)),
    // Not merely ungranted: the archive denies every writer but CloudTrail.
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },
  {
    name: "another security-account role does not get the investigator's read",
    when: hasForensics,
    request: (w) => onBucket(w, w.admin(w.security), "s3:GetObject", w.plan.archive.arn, w.trailLogKey(w.mgmt, { underOrg: w.org }), archivePolicy(w)),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "the investigator role decrypts log files and results through S3",
    when: hasForensics,
    request: (w) => onKey(w, w.plan.forensics!.investigatorRoleArn, "kms:Decrypt", { ...w.iamContext(w.plan.forensics!.investigatorRoleArn), "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
    expect: allowed(ADMIN, "resource:ForensicsDecryptViaS3"),
  },
  {
    name: "the investigator role cannot decrypt directly (the topics' and log group's data share the key)",
    when: hasForensics,
    request: (w) => onKey(w, w.plan.forensics!.investigatorRoleArn, "kms:Decrypt", { ...w.iamContext(w.plan.forensics!.investigatorRoleArn) }, ["kms:ViaService"]),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "the review role publishes its summary to the info topic",
    when: hasForensics,
    request: (w) => topicCall(w, w.plan.forensics!.reviewRoleArn, "info"),
    expect: allowed(ADMIN, "resource:LogReviewPublish"),
  },
  {
    name: "the investigator role cannot publish to the alert topics",
    when: hasForensics,
    request: (w) => topicCall(w, w.plan.forensics!.investigatorRoleArn, "warning"),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "the review role encrypts for the topics through SNS (the monitoring key, management)",
    when: hasForensics,
    request: (w) => onMonitoringKey(w, w.plan.forensics!.reviewRoleArn, "kms:GenerateDataKey", { ...w.iamContext(w.plan.forensics!.reviewRoleArn), "kms:ViaService": `sns.${w.region}.amazonaws.com` }),
    expect: allowed(ADMIN, "resource:LogReviewEncryptForTopics"),
  },

  // ---- Only the break-glass role deletes evidence, stops logging or deletes the key -------------------------
  ...(["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"] as const).map(
    (action): Row => ({
      name: `an archive-account admin cannot ${action} on a log object`,
      request: (w) => onBucket(w, w.admin(w.archive), action, w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
      expect: (w) => denied("resource:DenyDeleteExceptBreakGlass", ...(w.scpsReach(w.archive) ? ["scp:ProtectLogEvidence"] : [])),
    }),
  ),
  {
    name: "an archive-account admin cannot delete the archive bucket",
    request: (w) => onBucket(w, w.admin(w.archive), "s3:DeleteBucket", w.plan.archive.arn, undefined, archivePolicy(w)),
    expect: (w) => denied("resource:DenyDeleteExceptBreakGlass", ...(w.scpsReach(w.archive) ? ["scp:ProtectLogEvidence"] : [])),
  },
  {
    name: "the terraform deploy role cannot delete a log object version either",
    when: isOrg,
    request: (w) => onBucket(w, w.plan.accounts.logArchive.assumeRoleArn!, "s3:DeleteObjectVersion", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
    expect: denied("resource:DenyDeleteExceptBreakGlass", "scp:ProtectLogEvidence"),
  },
  {
    // Object Lock still refuses locked versions; the simulator models policies only.
    name: "the break-glass role may delete a log object version (as far as policies go)",
    request: (w) => onBucket(w, w.breakGlass(w.archive), "s3:DeleteObjectVersion", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
    expect: allowed(ADMIN),
  },
  {
    // The SCP exempts a break-glass role in any account; the bucket policy only the archive account's own.
    name: "a break-glass role in another account cannot delete log objects",
    when: isOrg,
    request: (w) => onBucket(w, w.breakGlass(w.security), "s3:DeleteObject", w.plan.archive.arn, w.trailLogKey(w.mgmt), archivePolicy(w)),
    expect: denied("resource:DenyDeleteExceptBreakGlass"),
  },
  {
    name: "an archive-account admin cannot delete access-log objects",
    when: hasScps,
    request: (w) => onBucket(w, w.admin(w.archive), "s3:DeleteObject", w.plan.accessLogs.arn, `${w.plan.archive.name}/2025-01-31-00-00-00-ABCDEF`, accessLogPolicy(w)),
    expect: denied("scp:ProtectLogEvidence"),
  },
  {
    name: "an archive-account admin cannot rewrite the archive bucket policy",
    when: hasScps,
    request: (w) => onBucket(w, w.admin(w.archive), "s3:PutBucketPolicy", w.plan.archive.arn, undefined, archivePolicy(w)),
    expect: denied("scp:ProtectLogBucketSettings"),
  },
  {
    name: "the terraform deploy role may still manage the archive bucket policy",
    when: hasScps,
    request: (w) => onBucket(w, w.plan.accounts.logArchive.assumeRoleArn!, "s3:PutBucketPolicy", w.plan.archive.arn, undefined, archivePolicy(w)),
    expect: allowed(ADMIN),
  },
  ...(["kms:ScheduleKeyDeletion", "kms:DisableKey"] as const).map(
    (action): Row => ({
      name: `an admin of the estate key's account cannot ${action}`,
      request: (w) => onKey(w, w.admin(w.keyAccount), action, w.iamContext(w.admin(w.keyAccount))),
      expect: (w) => denied("resource:DenyKeyDeletionExceptBreakGlass", ...(w.scpsReach(w.keyAccount) ? ["scp:ProtectEstateKeyDeletion"] : [])),
    }),
  ),
  ...(["kms:ScheduleKeyDeletion", "kms:DisableKey"] as const).map(
    (action): Row => ({
      // No SCP reaches the management account: the monitoring key's own policy holds.
      name: `a management-account admin cannot ${action} the monitoring key`,
      request: (w) => onMonitoringKey(w, w.admin(w.mgmt), action, w.iamContext(w.admin(w.mgmt))),
      expect: denied("resource:DenyKeyDisableOrDeletion"),
    }),
  ),
  {
    name: "the key account's break-glass role may schedule estate-key deletion",
    request: (w) => onKey(w, w.breakGlass(w.keyAccount), "kms:ScheduleKeyDeletion", w.iamContext(w.breakGlass(w.keyAccount))),
    expect: allowed(ADMIN, "resource:KeyAdministrationWithoutDataAccess"),
  },
  {
    name: "a management-account admin administers the monitoring key (no data access)",
    request: (w) => onMonitoringKey(w, w.admin(w.mgmt), "kms:EnableKeyRotation", w.iamContext(w.admin(w.mgmt))),
    expect: allowed(ADMIN, "resource:KeyAdministrationWithoutDataAccess"),
  },
  {
    name: "a security-account admin cannot rewrite the estate key's policy",
    when: hasScps,
    request: (w) => onKey(w, w.admin(w.security), "kms:PutKeyPolicy", w.iamContext(w.admin(w.security))),
    expect: denied("scp:ProtectEstateKeySettings"),
  },
  {
    name: "the deploy role in security may maintain the estate key's policy",
    when: hasScps,
    request: (w) => onKey(w, w.plan.accounts.security.assumeRoleArn!, "kms:PutKeyPolicy", w.iamContext(w.plan.accounts.security.assumeRoleArn!)),
    expect: allowed(ADMIN, "resource:KeyAdministrationWithoutDataAccess"),
  },
  {
    name: "a log-archive admin cannot schedule estate-key deletion",
    when: hasScps,
    request: (w) => onKey(w, w.admin(w.archive), "kms:ScheduleKeyDeletion", w.iamContext(w.admin(w.archive))),
    expect: denied("resource:DenyKeyDeletionExceptBreakGlass", "scp:ProtectEstateKeyDeletion"),
  },
  {
    // Every exemption names a role; nobody in a member account may rewrite those roles but bootstrap.
    name: "a log-archive admin cannot rewrite the deploy role's trust policy",
    when: hasScps,
    request: (w) => ({ principal: w.admin(w.archive), action: "iam:UpdateAssumeRolePolicy", resource: w.plan.accounts.logArchive.assumeRoleArn!, resourceAccount: w.archive, policy: undefined, context: w.iamContext(w.admin(w.archive)) }),
    expect: denied("scp:ProtectExemptRoles"),
  },
  {
    name: "a log-archive admin cannot stop the Config recorder",
    when: (p) => hasScps(p) && hasConfig(p),
    request: (w) => ({
      principal: w.admin(w.archive),
      action: "config:StopConfigurationRecorder",
      resource: `arn:aws:config:${w.region}:${w.archive}:configuration-recorder/${w.plan.config!.recorderName}/abcdef`,
      resourceAccount: w.archive,
      policy: undefined,
      context: w.iamContext(w.admin(w.archive)),
    }),
    expect: denied("scp:ProtectConfigRecorders"),
  },

  // ---- AWS Config delivers its history under the estate key, from the recorder accounts only ---------------
  {
    name: "AWS Config (for a recorder account) may generate data keys for delivery",
    when: hasConfigBucket,
    request: (w) => ({ ...onKey(w, "config.amazonaws.com", "kms:GenerateDataKey", w.serviceContext(`arn:aws:config:${w.region}:${w.archive}:config-recorder`, w.archive)), absent: w.serviceAbsentKeys }),
    expect: allowed("resource:AllowConfigServiceDelivery"),
  },
  {
    name: "AWS Config for another account gets nothing from the key",
    when: hasConfigBucket,
    request: (w) => ({ ...onKey(w, "config.amazonaws.com", "kms:GenerateDataKey", w.serviceContext(`arn:aws:config:${w.region}:${w.outsider}:config-recorder`, w.outsider)), absent: w.serviceAbsentKeys }),
    expect: notGranted("implicit:resource"),
  },


  // ---- CloudWatch Logs uses the key only with the log group's encryption context ----------------------------
  ...(["kms:GenerateDataKey", "kms:Decrypt", "kms:Encrypt"] as const).map(
    (action): Row => ({
      name: `CloudWatch Logs may ${action} with the log group's encryption context`,
      when: managedLogGroup,
      request: (w) => logsService(w, action, { "kms:EncryptionContext:aws:logs:arn": w.plan.logGroup.arn }),
      expect: allowed("resource:AllowCloudWatchLogsLogGroup"),
    }),
  ),
  {
    name: "CloudWatch Logs cannot use the key for another log group",
    when: managedLogGroup,
    request: (w) => logsService(w, "kms:Decrypt", { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${w.region}:${w.mgmt}:log-group:app-logs` }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "CloudWatch Logs cannot use the key without an encryption context",
    when: managedLogGroup,
    request: (w) => ({ ...logsService(w, "kms:Decrypt", {}), absent: [...w.serviceAbsentKeys, "kms:EncryptionContext:aws:logs:arn"] }),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "CloudWatch Logs of another region cannot use the key",
    when: managedLogGroup,
    request: (w) => logsService(w, "kms:Decrypt", { "kms:EncryptionContext:aws:logs:arn": w.plan.logGroup.arn }, w.otherRegion),
    expect: notGranted("implicit:resource"),
  },

  // ---- Alarms publish to the alert topics; nobody outside does ---------------------------------------------
  ...TIERS.flatMap((tier): Row[] => [
    {
      name: `CloudWatch alarms publish to the ${tier} topic`,
      when: (p) => topicOf(p, tier) !== undefined,
      request: (w) => alarmPublish(w, topicOf(w.plan, tier)!, w.mgmt),
      expect: allowed("resource:CloudWatchAlarmsPublish"),
    },
    {
      // Confused deputy: alarms of another account reaching this topic through the same service.
      name: `another account's alarms cannot publish to the ${tier} topic`,
      when: (p) => topicOf(p, tier) !== undefined,
      request: (w) => alarmPublish(w, topicOf(w.plan, tier)!, w.outsider),
      expect: notGranted("implicit:resource"),
    },
    {
      name: `an outside admin cannot publish to the ${tier} topic`,
      when: (p) => topicOf(p, tier) !== undefined,
      request: (w) => {
        const topic = topicOf(w.plan, tier)!;
        const who = w.admin(w.outsider);
        return { principal: who, action: "sns:Publish", resource: w.topicArn(topic), resourceAccount: w.mgmt, policy: w.policies.topic(topic), context: w.iamContext(who, { orgId: w.outsiderOrgId }) };
      },
      expect: notGranted("implicit:resource"),
    },
  ]),
  {
    name: "CloudWatch alarms may encrypt messages for the encrypted topics",
    request: (w) => ({ ...onMonitoringKey(w, "cloudwatch.amazonaws.com", "kms:GenerateDataKey", w.serviceContext(`arn:aws:cloudwatch:${w.region}:${w.mgmt}:alarm:audit-root-account-usage`, w.mgmt)), absent: w.serviceAbsentKeys }),
    expect: allowed("resource:AllowCloudWatchAlarmsEncryptedTopics"),
  },
  {
    name: "another account's alarms cannot use the key",
    request: (w) => ({ ...onMonitoringKey(w, "cloudwatch.amazonaws.com", "kms:GenerateDataKey", w.serviceContext(`arn:aws:cloudwatch:${w.region}:${w.outsider}:alarm:x`, w.outsider)), absent: w.serviceAbsentKeys }),
    expect: notGranted("implicit:resource"),
  },

  // ---- S3 server access logs land in the access-log bucket only for the estate's buckets --------------------
  {
    name: "S3 delivers the archive bucket's access logs",
    request: (w) => ({
      principal: "logging.s3.amazonaws.com",
      action: "s3:PutObject",
      resource: w.object(w.plan.accessLogs.arn, `${w.plan.archive.name}/2025-01-31-00-00-00-ABCDEF`),
      resourceAccount: w.archive,
      policy: accessLogPolicy(w),
      context: w.serviceContext(w.plan.archive.arn, w.archive),
      absent: w.serviceAbsentKeys,
    }),
    expect: allowed("resource:S3ServerAccessLogsPolicy"),
  },
  {
    name: "S3 cannot deliver another account's bucket logs into the access-log bucket",
    request: (w) => ({
      principal: "logging.s3.amazonaws.com",
      action: "s3:PutObject",
      resource: w.object(w.plan.accessLogs.arn, `${w.plan.archive.name}/2025-01-31-00-00-00-ABCDEF`),
      resourceAccount: w.archive,
      policy: accessLogPolicy(w),
      context: w.serviceContext("arn:aws:s3:::someone-elses-bucket", w.outsider),
      absent: w.serviceAbsentKeys,
    }),
    expect: notGranted("implicit:resource"),
  },

  // ---- The region-deny SCP: other regions denied, documented global services exempt --------------------------
  {
    name: "a member-account admin cannot launch an instance in another region",
    when: hasRegionDeny,
    request: (w) => regionalCall(w, w.admin(w.archive), "ec2:RunInstances", ec2Instance(w, w.otherRegion), w.otherRegion),
    expect: denied("scp:DenyOutsideAllowedRegions"),
  },
  {
    name: "a member-account admin cannot create a bucket from another region",
    when: hasRegionDeny,
    request: (w) => regionalCall(w, w.admin(w.archive), "s3:CreateBucket", "arn:aws:s3:::shadow-copy-of-logs", w.otherRegion),
    expect: denied("scp:DenyOutsideAllowedRegions"),
  },
  {
    name: "a member-account admin launches an instance in the home region",
    when: hasRegionDeny,
    request: (w) => regionalCall(w, w.admin(w.archive), "ec2:RunInstances", ec2Instance(w, w.region), w.region),
    expect: allowed(ADMIN),
  },
  ...([
    ["iam:CreateRole", (w: World) => w.role(w.archive, "app-role")],
    ["cloudfront:CreateInvalidation", (w: World) => `arn:aws:cloudfront::${w.archive}:distribution/EDFDVBD6EXAMPLE`],
    ["route53:ChangeResourceRecordSets", () => "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"],
  ] as const).map(
    ([action, resource]): Row => ({
      // Global services are served from us-east-1; the SCP exempts them (AWS Organizations example).
      name: `${action} in us-east-1 is exempt from the region deny`,
      when: hasRegionDeny,
      request: (w) => regionalCall(w, w.admin(w.archive), action, resource(w), w.otherRegion),
      expect: allowed(ADMIN),
    }),
  ),
  {
    name: "the break-glass role works in any region",
    when: hasRegionDeny,
    request: (w) => regionalCall(w, w.breakGlass(w.archive), "ec2:RunInstances", ec2Instance(w, w.otherRegion), w.otherRegion),
    expect: allowed(ADMIN),
  },
];

/**
 * Statements no row decides, each with the reason. Every other Sid of every
 * policy the estate attaches must decide at least one row of the matrix.
 */
const NOT_IN_MATRIX: Readonly<Record<string, string>> = {
  OwnerAccountManage: "topic administration by the owning account: the default SNS grant, no security property to prove",
  AllowConfigRecorderRolesViaS3:
    "an IAM role's request with an S3 encryption context: iam-simulate 0.1.173 drops kms:EncryptionContext values for non-service requests (toolchain.md), so no row can show it deciding; its ViaService and bucket-context conditions are asserted in test/constructs/customer-key.test.ts",
  AWSConfigBucketPermissionsCheck: "AWS Config delivery; proven in test/constructs/config-recorder.test.ts",
  AWSConfigBucketExistenceCheck: "AWS Config delivery; proven in test/constructs/config-recorder.test.ts",
  AWSConfigBucketDelivery: "AWS Config delivery; proven in test/constructs/config-recorder.test.ts",
};

function sidsOf(policy: IamPolicy): string[] {
  return policy.Statement.map((s) => s.Sid);
}

function requestFor(world: World, row: Row): PolicyRequest {
  const req = row.request(world);
  return {
    principal: req.principal,
    action: req.action,
    resource: req.resource,
    resourceAccount: req.resourceAccount,
    context: req.context,
    absent: req.absent,
    resourcePolicy: req.policy,
    // A service principal has no identity policy and no SCP applies to it.
    identityPolicy: isServicePrincipal(req.principal) ? undefined : ADMINISTRATOR_ACCESS,
    scps: world.scpLevelsFor(req.principal),
  };
}

describe.each(PRESET_IDS)("%s policies, evaluated", (id) => {
  const plan = presetPlan(id);
  const rows = MATRIX.filter((row) => row.when?.(plan) ?? true);
  let world: World;
  // Every row is evaluated up front, so the coverage check below does not depend on test order or filters.
  const verdicts = new Map<Row, Verdict | Error>();

  beforeAll(async () => {
    world = buildWorld(plan, estatePolicies(await presetTfJson(id), plan));
    for (const row of rows) {
      try {
        verdicts.set(row, await evaluateRequest(requestFor(world, row)));
      } catch (error) {
        verdicts.set(row, error as Error);
      }
    }
  });

  it.each(rows.map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const verdict = verdicts.get(row);
    if (verdict instanceof Error) throw verdict;
    const expected = typeof row.expect === "function" ? row.expect(world) : row.expect;
    expect(verdict).toEqual({ result: expected.result, by: [...expected.by].sort() });
  });

  it("every statement of the attached policies decides some row, or is listed with a reason", () => {
    const decided = new Set([...verdicts.values()].flatMap((v) => (v instanceof Error ? [] : v.by.map((by) => by.split(":")[1]!))));
    const policies = world.policies;
    const all = [
      ...sidsOf(policies.key),
      ...sidsOf(policies.monitoringKey),
      ...[plan.archive.name, plan.accessLogs.name, ...(hasConfigBucket(plan) ? [plan.config!.bucketName] : [])].flatMap((b) => sidsOf(policies.bucket(b))),
      ...plan.topics.flatMap((t) => sidsOf(policies.topic(t.name))),
      ...policies.rootScps.flatMap((s) => sidsOf(s.policy)),
    ];
    const uncovered = [...new Set(all)].filter((sid) => !decided.has(sid) && !(sid in NOT_IN_MATRIX));
    expect(uncovered).toEqual([]);
    expect(rows.length).toBeGreaterThan(20);
  });

  it("attaches the guardrail SCPs at the organization root exactly when the preset has guardrails", () => {
    expect(world.policies.rootScps.map((s) => s.name).sort()).toEqual(
      plan.guardrails ? [`${plan.name}-log-protection`, ...(plan.guardrails.regionDeny ? [`${plan.name}-region-deny`] : [])].sort() : [],
    );
  });
});
