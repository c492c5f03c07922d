// A small planned estate built by hand in the shape `terraform show -json`
// gives (planned values, configuration expressions with references,
// depends_on), valid against every apply rule in its organization form. Each
// rule test breaks exactly one thing in a copy and expects that rule's finding.
import type { ConfigResourceJson, PlanJson, PlannedResourceJson } from "../../src/apply-rules/plan-json.js";
import type { ApplyRuleInput, EstateFacts, ProviderSettings } from "../../src/apply-rules/planned.js";

export const MGMT = "111111111111";
export const ARCHIVE = "222222222222";
export const SECURITY = "333333333333";
export const BUCKET = "audit-archive-222222222222";
export const LOG_GROUP = "audit-trail-logs";
export const TOPIC = "audit-alerts";
export const DEPLOY_ROLE = "trailwright-deploy";

export interface DraftResource {
  type: string;
  name: string;
  provider: string;
  values: Record<string, unknown>;
  /** attribute -> referenced resource addresses (what `references` lists). */
  refs: Record<string, string[]>;
  dependsOn: string[];
}

export interface Draft {
  providers: ProviderSettings[];
  facts: EstateFacts;
  resources: Map<string, DraftResource>;
  /** The resource at `address`; throws when absent so a typo cannot make a test pass. */
  at(address: string): DraftResource;
  /** The parsed policy document under `attribute` of `address`, edited and written back. */
  editPolicy(address: string, attribute: string, edit: (doc: { Statement: Record<string, unknown>[] }) => void): void;
}

const json = (doc: unknown) => JSON.stringify(doc);

function keyPolicy(): string {
  return json({
    Version: "2012-10-17",
    Statement: [
      { Sid: "KeyAdministration", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${SECURITY}:root` }, Action: ["kms:Describe*", "kms:Put*", "kms:Get*"], Resource: "*" },
      {
        Sid: "CloudTrailEncrypt",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "kms:GenerateDataKey*",
        Resource: "*",
        Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${MGMT}:trail/*` } },
      },
      { Sid: "CloudTrailDescribe", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*" },
      {
        Sid: "CloudTrailBucketKeyDecrypt",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:eu-west-2:${MGMT}:trail/audit` } },
      },
    ],
  });
}

function bucketPolicy(): string {
  return json({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AWSCloudTrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/*` },
      {
        Sid: "DenyNonCloudTrailWrites",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/*`,
        Condition: { StringNotEqualsIfExists: { "aws:PrincipalServiceName": "cloudtrail.amazonaws.com" } },
      },
      {
        Sid: "InvestigatorRead",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${SECURITY}:role/audit-investigator` },
        Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/AWSLogs/*`],
      },
    ],
  });
}

export const EXEMPT_ROLES = [
  "arn:aws:iam::*:role/BreakGlass",
  `arn:aws:iam::*:role/${DEPLOY_ROLE}`,
  "arn:aws:iam::*:role/AWSControlTowerExecution",
  "arn:aws:iam::*:role/aws-controltower-*",
];

function scpContent(): string {
  return json({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ProtectArchive",
        Effect: "Deny",
        Action: ["s3:DeleteBucket", "s3:PutBucketPolicy"],
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
        Condition: { ArnNotLike: { "aws:PrincipalARN": EXEMPT_ROLES } },
      },
      {
        Sid: "ProtectEstateKey",
        Effect: "Deny",
        Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey"],
        Resource: [`arn:aws:kms:*:${SECURITY}:key/*`],
        Condition: { ArnNotLike: { "aws:PrincipalARN": EXEMPT_ROLES } },
      },
    ],
  });
}

function validResources(): DraftResource[] {
  const r = (type: string, name: string, provider: string, values: Record<string, unknown>, refs: Record<string, string[]> = {}, dependsOn: string[] = []): DraftResource => ({
    type,
    name,
    provider,
    values,
    refs,
    dependsOn,
  });
  const bucketRef = { bucket: ["aws_s3_bucket.archive"] };
  return [
    r("aws_kms_key", "estate", "aws.security", { policy: keyPolicy(), enable_key_rotation: true }),
    r("aws_s3_bucket", "archive", "aws.log_archive", { bucket: BUCKET, object_lock_enabled: true }),
    r("aws_s3_bucket_policy", "archive", "aws.log_archive", { policy: bucketPolicy() }, bucketRef),
    r("aws_s3_bucket_object_lock_configuration", "archive", "aws.log_archive", { rule: [{ default_retention: [{ mode: "COMPLIANCE", days: 2555 }] }] }, bucketRef),
    r("aws_s3_bucket_server_side_encryption_configuration", "archive", "aws.log_archive", { rule: [{ bucket_key_enabled: true }] }, { ...bucketRef, rule: ["aws_kms_key.estate"] }),
    r("aws_s3_bucket_versioning", "archive", "aws.log_archive", { versioning_configuration: [{ status: "Enabled" }] }, bucketRef),
    r("aws_cloudwatch_log_group", "trail", "aws.management", { name: LOG_GROUP, retention_in_days: 365 }),
    r("aws_iam_role", "trail_logs", "aws.management", { name: "audit-trail-logs" }),
    r("aws_iam_role_policy", "trail_logs", "aws.management", { name: "deliver" }, { role: ["aws_iam_role.trail_logs"] }),
    r(
      "aws_cloudtrail",
      "trail",
      "aws.management",
      {
        name: "audit",
        s3_bucket_name: BUCKET,
        is_organization_trail: true,
        advanced_event_selector: [{ name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] }],
      },
      { kms_key_id: ["aws_kms_key.estate"], cloud_watch_logs_group_arn: ["aws_cloudwatch_log_group.trail"], cloud_watch_logs_role_arn: ["aws_iam_role.trail_logs"] },
      [
        "aws_s3_bucket_policy.archive",
        "aws_s3_bucket_object_lock_configuration.archive",
        "aws_s3_bucket_server_side_encryption_configuration.archive",
        "aws_s3_bucket_versioning.archive",
        "aws_kms_key.estate",
        "aws_iam_role_policy.trail_logs",
      ],
    ),
    r("aws_sns_topic", "alerts", "aws.management", { name: TOPIC }),
    r(
      "aws_cloudwatch_metric_alarm",
      "delivery",
      "aws.management",
      { namespace: "AWS/Logs", metric_name: "IncomingLogEvents", dimensions: { LogGroupName: LOG_GROUP }, treat_missing_data: "breaching", statistic: "Sum", period: 900 },
      { alarm_actions: ["aws_sns_topic.alerts"] },
    ),
    r(
      "aws_cloudwatch_metric_alarm",
      "root_usage",
      "aws.management",
      { namespace: "CISBenchmark", metric_name: "RootAccountUsage", treat_missing_data: "notBreaching", statistic: "Sum", period: 300 },
      { alarm_actions: ["aws_sns_topic.alerts"] },
    ),
    r("aws_config_configuration_recorder", "management", "aws.management", { name: "audit" }),
    r("aws_config_configuration_recorder", "log_archive", "aws.log_archive", { name: "audit" }),
    r("aws_config_config_rule", "s3_versioning", "aws.log_archive", { name: "s3-bucket-versioning-enabled", source: [{ owner: "AWS", source_identifier: "S3_BUCKET_VERSIONING_ENABLED" }] }),
    r("aws_config_config_rule", "alarm_action", "aws.management", {
      name: "cloudwatch-alarm-action-check",
      source: [{ owner: "AWS", source_identifier: "CLOUDWATCH_ALARM_ACTION_CHECK" }],
      input_parameters: json({ alarmActionRequired: "true", insufficientDataActionRequired: "false", action1: `arn:aws:sns:eu-west-2:${MGMT}:${TOPIC}` }),
    }),
    r(
      "aws_athena_workgroup",
      "investigations",
      "aws.security",
      {
        name: "audit-investigations",
        configuration: [
          {
            enforce_workgroup_configuration: true,
            bytes_scanned_cutoff_per_query: 1_000_000_000_000,
            engine_version: [{ selected_engine_version: "Athena engine version 3" }],
            result_configuration: [{ output_location: "s3://audit-athena-results/", encryption_configuration: [{ encryption_option: "SSE_KMS" }] }],
          },
        ],
      },
      { configuration: ["aws_kms_key.estate"] },
    ),
    r("aws_organizations_policy", "protect", "aws.management", { name: "audit-log-protection", type: "SERVICE_CONTROL_POLICY", content: scpContent() }),
    r("aws_organizations_policy_attachment", "protect", "aws.management", { target_id: "r-ab12" }, { policy_id: ["aws_organizations_policy.protect"] }),
  ];
}

function validProviders(): ProviderSettings[] {
  return [
    { key: "aws.management", region: "eu-west-2", allowedAccountIds: [MGMT], assumeRoleArns: [] },
    { key: "aws.log_archive", region: "eu-west-2", allowedAccountIds: [ARCHIVE], assumeRoleArns: [`arn:aws:iam::${ARCHIVE}:role/${DEPLOY_ROLE}`] },
    { key: "aws.security", region: "eu-west-2", allowedAccountIds: [SECURITY], assumeRoleArns: [`arn:aws:iam::${SECURITY}:role/${DEPLOY_ROLE}`] },
  ];
}

export function draft(): Draft {
  const resources = new Map(validResources().map((r) => [`${r.type}.${r.name}`, r]));
  const at = (address: string) => {
    const found = resources.get(address);
    if (!found) throw new Error(`the hand-built plan has no ${address}`);
    return found;
  };
  return {
    providers: validProviders(),
    facts: { accounts: { management: MGMT, logArchive: ARCHIVE, security: SECURITY }, controlTower: false, deployRoleName: DEPLOY_ROLE },
    resources,
    at,
    editPolicy(address, attribute, edit) {
      const r = at(address);
      const doc = JSON.parse(String(r.values[attribute])) as { Statement: Record<string, unknown>[] };
      edit(doc);
      r.values[attribute] = json(doc);
    },
  };
}

/** The draft as `terraform show -json` would give it, plus providers and facts. */
export function toInput(d: Draft, modulePrefix = ""): ApplyRuleInput {
  const planned: PlannedResourceJson[] = [];
  const configured: ConfigResourceJson[] = [];
  for (const [address, r] of d.resources) {
    planned.push({ address: modulePrefix + address, mode: "managed", type: r.type, name: r.name, provider_name: "registry.terraform.io/hashicorp/aws", values: r.values });
    const expressions: Record<string, unknown> = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, { constant_value: v }]));
    for (const [attribute, targets] of Object.entries(r.refs)) {
      expressions[attribute] = { references: targets.flatMap((t) => [`${t}.arn`, t]) };
    }
    configured.push({ address, mode: "managed", type: r.type, name: r.name, provider_config_key: r.provider, expressions, ...(r.dependsOn.length ? { depends_on: r.dependsOn } : {}) });
  }
  const module = modulePrefix.replace(/^module\.|\.$/g, "");
  const plan: PlanJson = {
    format_version: "1.2",
    planned_values: {
      root_module: modulePrefix ? { child_modules: [{ address: modulePrefix.slice(0, -1), resources: planned }] } : { resources: planned },
    },
    configuration: {
      root_module: modulePrefix ? { module_calls: { [module]: { source: `./${module}`, module: { resources: configured } } } } : { resources: configured },
    },
  };
  return { plan, providers: d.providers, facts: d.facts };
}
