// The policy matrix on the documents exactly as AWS receives them: the bucket,
// key and service control policies are read from a real offline `terraform
// plan` of uk-bank (planned values, every reference already resolved), not
// converted from the synthesized Terraform. A principal in each account (an
// administrator, the deploy role, a log reader, an outsider, and the CloudTrail,
// Config and CloudWatch services) against the archive bucket, the estate key in
// security, the monitoring key in management and the SCPs; each row asserts the
// outcome and the statement that decided it (evaluate-request.ts guards against
// a row passing for the wrong reason: unknown keys, missing context, wildcards).
import { beforeAll, describe, expect, it } from "vitest";
import type { EvaluationResult } from "@cloud-copilot/iam-simulate";
import { PlannedEstate } from "../../src/apply-rules/planned.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { planConfig } from "../helpers/planned-estate.js";
import { presetConfig, presetPlan } from "../helpers/preset-answers.js";
import type { IamPolicy } from "./estate-policies.js";
import { ADMINISTRATOR_ACCESS, evaluateRequest, FULL_AWS_ACCESS, type ScpLevel } from "./evaluate-request.js";

type Context = Record<string, string>;

interface Row {
  readonly name: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  /** The resource's own policy; none for an IAM role changed by an IAM call. */
  readonly policy?: "archive" | "estateKey" | "monitoringKey";
  readonly identity?: IamPolicy;
  readonly context?: Context;
  readonly absent?: readonly string[];
  readonly expect: { result: EvaluationResult; by: readonly string[] };
}

const allowed = (...by: string[]) => ({ result: "Allowed" as const, by });
const denied = (...by: string[]) => ({ result: "ExplicitlyDenied" as const, by });
const notGranted = (...by: string[]) => ({ result: "ImplicitlyDenied" as const, by });
const ADMIN = "identity:AdministratorAccess";

/** What a log reader's own role carries: read the archive, decrypt through S3. */
const LOG_READER: IamPolicy = {
  Version: "2012-10-17",
  Statement: [{ Sid: "ReadAuditLogs", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket", "kms:Decrypt"], Resource: ["*"] }],
};

interface Setting {
  readonly plan: ResolvedPlan;
  readonly policies: Record<NonNullable<Row["policy"]>, IamPolicy>;
  readonly rootScps: readonly { name: string; policy: IamPolicy }[];
}

let setting: Setting;

beforeAll(async () => {
  const config = presetConfig("uk-bank");
  const plan = presetPlan("uk-bank");
  const { json, providers } = await planConfig(config);
  const estate = new PlannedEstate({ plan: json, providers, facts: { accounts: { management: plan.accounts.management.id, logArchive: plan.accounts.logArchive.id, security: plan.accounts.security.id }, controlTower: false } });
  const parse = (text: unknown) => JSON.parse(String(text)) as IamPolicy;
  const trail = estate.ofType("aws_cloudtrail")[0]!;
  const group = estate.ofType("aws_cloudwatch_log_group")[0]!;
  const archivePolicy = estate.forBucket("aws_s3_bucket_policy", plan.archive.name)[0]!;
  const scps = new Map(estate.ofType("aws_organizations_policy").map((p) => [p.address, p]));
  setting = {
    plan,
    policies: {
      archive: parse(archivePolicy.values.policy),
      estateKey: parse(estate.keyOf(trail, "kms_key_id")!.values.policy),
      monitoringKey: parse(estate.keyOf(group, "kms_key_id")!.values.policy),
    },
    rootScps: estate.ofType("aws_organizations_policy_attachment").map((a) => {
      const policy = estate.referenced(a, "policy_id").map((p) => scps.get(p.address)).find((p) => p !== undefined)!;
      return { name: String(policy.values.name), policy: parse(policy.values.content) };
    }),
  };
}, 600_000);

// Accounts and principals of the uk-bank test answers (test/helpers/preset-answers.ts).
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const SECURITY = "333333333333";
const OUTSIDER = "999999999999";
const ORG = "o-abc123defg";
const REGION = "eu-west-2";
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const BUCKET = `audit-cloudtrail-${ARCHIVE}-${REGION}`;
const LOG_OBJECT = `arn:aws:s3:::${BUCKET}/AWSLogs/${ORG}/${ARCHIVE}/CloudTrail/${REGION}/2025/01/31/${ARCHIVE}_CloudTrail_${REGION}_20250131T2355Z_Ab12Cd34Ef56Gh78.json.gz`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${MGMT}:trail/audit-org-trail`;
const ESTATE_KEY = `arn:aws:kms:${REGION}:${SECURITY}:key/0f3c2d1e-7a6b-4c5d-9e8f-0123456789ab`;
const MONITORING_KEY = `arn:aws:kms:${REGION}:${MGMT}:key/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d`;
const LOG_GROUP = `arn:aws:logs:${REGION}:${MGMT}:log-group:audit-cloudtrail`;

function iam(principal: string, extra: Context = {}): Context {
  const account = principal.split(":")[4]!;
  return {
    "aws:PrincipalArn": principal,
    "aws:PrincipalAccount": account,
    "aws:PrincipalIsAWSService": "false",
    "aws:SecureTransport": "true",
    "aws:RequestedRegion": REGION,
    ...(account === OUTSIDER ? { "aws:PrincipalOrgID": "o-zz9y8x7w6v" } : { "aws:PrincipalOrgID": ORG }),
    ...extra,
  };
}

function service(name: string, extra: Context): Context {
  return { "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": name, "aws:SecureTransport": "true", "aws:RequestedRegion": REGION, ...extra };
}

const SERVICE_ABSENT = ["aws:PrincipalOrgID", "aws:PrincipalArn"];
const IAM_ABSENT = ["aws:PrincipalServiceName"];
const ESTATE_TAG = { "aws:ResourceTag/trailwright-estate": "audit" };
/**
 * A decrypt through S3 carries the S3 encryption context (the archive bucket's ARN, with a Bucket
 * Key), which the Config statement's pattern (the Config bucket) does not match. The simulator
 * takes an encryption context only without an identity policy (evaluate-request.ts), so for an
 * IAM caller the key is declared absent: the statement is left out either way.
 */
const VIA_S3_ABSENT = ["kms:EncryptionContext:aws:s3:arn"];

const ROWS: readonly Row[] = [
  // --- archive bucket (log-archive): only CloudTrail writes under AWSLogs/, readers by name, outsiders never
  {
    name: "CloudTrail delivers a log file for the organization trail",
    principal: "cloudtrail.amazonaws.com",
    action: "s3:PutObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    context: service("cloudtrail.amazonaws.com", { "aws:SourceArn": TRAIL, "aws:SourceAccount": MGMT, "s3:x-amz-acl": "bucket-owner-full-control" }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AWSCloudTrailWrite"),
  },
  {
    name: "the log-archive administrator cannot forge a log file",
    principal: role(ARCHIVE, "Admin"),
    action: "s3:PutObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "Admin")),
    absent: IAM_ABSENT,
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },
  {
    name: "the log-archive deploy role cannot forge a log file either",
    principal: role(ARCHIVE, "trailwright-deploy"),
    action: "s3:PutObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "trailwright-deploy")),
    absent: IAM_ABSENT,
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },
  {
    name: "AWS Config (another service) cannot write under AWSLogs/",
    principal: "config.amazonaws.com",
    action: "s3:PutObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    context: service("config.amazonaws.com", { "aws:SourceAccount": ARCHIVE, "s3:x-amz-acl": "bucket-owner-full-control" }),
    absent: SERVICE_ABSENT,
    expect: denied("resource:DenyLogWritesExceptCloudTrail"),
  },
  {
    name: "the named reader in security reads a log file",
    principal: role(SECURITY, "audit-log-reader"),
    action: "s3:GetObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: LOG_READER,
    context: iam(role(SECURITY, "audit-log-reader")),
    expect: allowed("identity:ReadAuditLogs", "resource:AllowLogReadersRead"),
  },
  {
    name: "the security administrator is not a reader",
    principal: role(SECURITY, "Admin"),
    action: "s3:GetObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(SECURITY, "Admin")),
    expect: notGranted("implicit:resource"),
  },
  {
    name: "an administrator outside the organization is refused",
    principal: role(OUTSIDER, "Admin"),
    action: "s3:GetObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(OUTSIDER, "Admin")),
    expect: denied("resource:DenyOutsideOrganization"),
  },
  {
    name: "the management administrator cannot delete a log file",
    principal: role(MGMT, "Admin"),
    action: "s3:DeleteObject",
    resource: LOG_OBJECT,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(MGMT, "Admin")),
    expect: denied("resource:DenyDeleteExceptBreakGlass"),
  },
  {
    name: "the log-archive administrator cannot replace the archive's bucket policy (SCP)",
    principal: role(ARCHIVE, "Admin"),
    action: "s3:PutBucketPolicy",
    resource: `arn:aws:s3:::${BUCKET}`,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "Admin")),
    expect: denied("scp:ProtectLogBucketSettings"),
  },
  {
    name: "nor can OrganizationAccountAccessRole, which any management admin can assume (SCP)",
    principal: role(ARCHIVE, "OrganizationAccountAccessRole"),
    action: "s3:PutBucketPolicy",
    resource: `arn:aws:s3:::${BUCKET}`,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "OrganizationAccountAccessRole")),
    expect: denied("scp:ProtectLogBucketSettings"),
  },
  {
    name: "the deploy role manages the archive's settings",
    principal: role(ARCHIVE, "trailwright-deploy"),
    action: "s3:PutBucketPolicy",
    resource: `arn:aws:s3:::${BUCKET}`,
    resourceAccount: ARCHIVE,
    policy: "archive",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "trailwright-deploy")),
    expect: allowed(ADMIN),
  },

  {
    name: "the log-archive administrator cannot rewrite the deploy role's trust (SCP)",
    principal: role(ARCHIVE, "Admin"),
    action: "iam:UpdateAssumeRolePolicy",
    resource: role(ARCHIVE, "trailwright-deploy"),
    resourceAccount: ARCHIVE,
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "Admin")),
    expect: denied("scp:ProtectExemptRoles"),
  },
  {
    name: "nor can OrganizationAccountAccessRole, so a narrowed deployer stays narrow (SCP)",
    principal: role(ARCHIVE, "OrganizationAccountAccessRole"),
    action: "iam:UpdateAssumeRolePolicy",
    resource: role(ARCHIVE, "trailwright-deploy"),
    resourceAccount: ARCHIVE,
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(ARCHIVE, "OrganizationAccountAccessRole")),
    expect: denied("scp:ProtectExemptRoles"),
  },

  // --- estate key (security): CloudTrail and Config use it, readers decrypt through S3, nobody else reads
  {
    name: "CloudTrail encrypts a log file under the trail's encryption context",
    principal: "cloudtrail.amazonaws.com",
    action: "kms:GenerateDataKey",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    context: service("cloudtrail.amazonaws.com", { "aws:SourceArn": TRAIL, "aws:SourceAccount": MGMT, "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AllowCloudTrailEncryptLogs"),
  },
  {
    name: "CloudTrail decrypts for the archive's S3 Bucket Key",
    principal: "cloudtrail.amazonaws.com",
    action: "kms:Decrypt",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    context: service("cloudtrail.amazonaws.com", { "aws:SourceArn": TRAIL, "aws:SourceAccount": MGMT }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AllowCloudTrailDecryptForBucketKey"),
  },
  {
    name: "AWS Config encrypts configuration history for a member account",
    principal: "config.amazonaws.com",
    action: "kms:GenerateDataKey",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    context: service("config.amazonaws.com", { "aws:SourceAccount": ARCHIVE }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AllowConfigServiceDelivery"),
  },
  {
    name: "the named reader decrypts through S3",
    principal: role(SECURITY, "audit-log-reader"),
    action: "kms:Decrypt",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: LOG_READER,
    context: iam(role(SECURITY, "audit-log-reader"), { "kms:ViaService": `s3.${REGION}.amazonaws.com` }),
    absent: VIA_S3_ABSENT,
    expect: allowed("identity:ReadAuditLogs", "resource:AllowLogReadersDecryptViaS3"),
  },
  {
    name: "the security administrator administers the key but cannot decrypt with it",
    principal: role(SECURITY, "Admin"),
    action: "kms:Decrypt",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(SECURITY, "Admin"), { "kms:ViaService": `s3.${REGION}.amazonaws.com` }),
    absent: VIA_S3_ABSENT,
    expect: notGranted("implicit:resource"),
  },
  {
    name: "the security administrator cannot change the key policy (SCP)",
    principal: role(SECURITY, "Admin"),
    action: "kms:PutKeyPolicy",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(SECURITY, "Admin"), ESTATE_TAG),
    expect: denied("scp:ProtectEstateKeySettings"),
  },
  {
    name: "the security deploy role changes the key policy",
    principal: role(SECURITY, "trailwright-deploy"),
    action: "kms:PutKeyPolicy",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(SECURITY, "trailwright-deploy"), ESTATE_TAG),
    expect: allowed(ADMIN, "resource:KeyAdministrationWithoutDataAccess"),
  },
  {
    name: "nobody but BreakGlass schedules the key's deletion (key policy and SCP)",
    principal: role(SECURITY, "trailwright-deploy"),
    action: "kms:ScheduleKeyDeletion",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(SECURITY, "trailwright-deploy"), ESTATE_TAG),
    expect: denied("resource:DenyKeyDeletionExceptBreakGlass", "scp:ProtectEstateKeyDeletion"),
  },
  {
    name: "the management administrator cannot decrypt the archive's key",
    principal: role(MGMT, "Admin"),
    action: "kms:Decrypt",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(MGMT, "Admin"), { "kms:ViaService": `s3.${REGION}.amazonaws.com` }),
    absent: VIA_S3_ABSENT,
    expect: notGranted("implicit:resource"),
  },
  {
    name: "an outsider cannot decrypt",
    principal: role(OUTSIDER, "Admin"),
    action: "kms:Decrypt",
    resource: ESTATE_KEY,
    resourceAccount: SECURITY,
    policy: "estateKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(OUTSIDER, "Admin")),
    expect: notGranted("implicit:resource"),
  },

  // --- monitoring key (management): CloudWatch Logs for the trail's group, CloudWatch for the topics
  {
    name: "CloudWatch Logs encrypts the trail's log group",
    principal: `logs.${REGION}.amazonaws.com`,
    action: "kms:GenerateDataKey",
    resource: MONITORING_KEY,
    resourceAccount: MGMT,
    policy: "monitoringKey",
    context: service(`logs.${REGION}.amazonaws.com`, { "aws:SourceAccount": MGMT, "kms:EncryptionContext:aws:logs:arn": LOG_GROUP }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AllowCloudWatchLogsLogGroup"),
  },
  {
    name: "CloudWatch alarms publish to the encrypted topics",
    principal: "cloudwatch.amazonaws.com",
    action: "kms:GenerateDataKey",
    resource: MONITORING_KEY,
    resourceAccount: MGMT,
    policy: "monitoringKey",
    context: service("cloudwatch.amazonaws.com", { "aws:SourceAccount": MGMT }),
    absent: SERVICE_ABSENT,
    expect: allowed("resource:AllowCloudWatchAlarmsEncryptedTopics"),
  },
  {
    name: "the management administrator cannot read the log group's data key directly",
    principal: role(MGMT, "Admin"),
    action: "kms:Decrypt",
    resource: MONITORING_KEY,
    resourceAccount: MGMT,
    policy: "monitoringKey",
    identity: ADMINISTRATOR_ACCESS,
    context: iam(role(MGMT, "Admin")),
    expect: notGranted("implicit:resource"),
  },
];

/** SCPs reach IAM principals in member accounts only (never management, services or outsiders). */
function scpsFor(principal: string): ScpLevel[] {
  const account = principal.split(":")[4];
  if (account !== ARCHIVE && account !== SECURITY) return [];
  return [
    { orgIdentifier: "r-ab12", policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...setting.rootScps] },
    { orgIdentifier: account, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }] },
  ];
}

describe("uk-bank's planned bucket, key and SCP statements, principal by principal", () => {
  it.each(ROWS.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    const verdict = await evaluateRequest({
      principal: row.principal,
      action: row.action,
      resource: row.resource,
      resourceAccount: row.resourceAccount,
      context: row.context ?? {},
      ...(row.identity ? { identityPolicy: row.identity } : {}),
      ...(row.policy ? { resourcePolicy: setting.policies[row.policy] } : {}),
      scps: scpsFor(row.principal),
      ...(row.absent ? { absent: row.absent } : {}),
    });
    expect(verdict).toEqual(row.expect);
  });
});
