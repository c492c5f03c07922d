// Which file of the root module each block of the estate goes to: the layout
// Terraform users expect (versions.tf, providers.tf, one file per concern,
// outputs.tf), so a reviewer reads the key policy in keys.tf and the alarms in
// alarms.tf instead of scrolling a 2,000-line main.tf. Terraform reads every
// .tf (or .tf.json) file of a folder as one configuration, so where a block
// sits changes nothing it plans; the addresses stay the construct ids.
//
// The assignment is data, not code: the first rule whose construct id (the
// first segment under the stack in the construct path, i.e. the address
// prefix) and resource type both match wins. A construct no rule names lands
// in a file named after its id (`workspaces` -> workspaces.tf), so a new
// construct set gets a file of its own without touching this table.
import { ESTATE_COMPONENTS } from "../docs/estate-components.js";

export interface FileRule {
  /** File name without the extension (".tf" or ".tf.json" is added per format). */
  readonly file: string;
  /** Construct ids this rule takes (the first segment under the stack). */
  readonly constructs: readonly string[];
  /** Only blocks of these types (`aws_config_config_rule`, `data.aws_iam_policy_document`); all types when absent. */
  readonly types?: readonly string[];
}

const C = ESTATE_COMPONENTS;

/**
 * The estate's resource files, in the order a reviewer reads them (the key,
 * then where logs land, the trail, what watches it, Config, guardrails).
 * Alarms and Config rules have files apart from their filters and recorder:
 * together they would pass the size a review can take (see MAX_FILE_LINES).
 */
export const FILE_RULES: readonly FileRule[] = [
  { file: "keys", constructs: [C.key, C.monitoringKey] },
  { file: "archive-bucket", constructs: [C.archive] },
  { file: "access-log-bucket", constructs: [C.accessLogs] },
  { file: "trail", constructs: [C.trail, C.logGroup] },
  { file: "alert-topics", constructs: [C.alerts] },
  { file: "metric-filters", constructs: [C.alarms], types: ["aws_cloudwatch_log_metric_filter"] },
  { file: "alarms", constructs: [C.alarms, C.deliveryHealth] },
  { file: "config-rules", constructs: [C.config], types: ["aws_config_config_rule"] },
  // Recorders in up to three accounts: recorders, roles and the delivery bucket each get a file.
  {
    file: "config-recorders",
    constructs: [C.config],
    types: ["aws_config_configuration_recorder", "aws_config_configuration_recorder_status", "aws_config_delivery_channel", "aws_config_configuration_aggregator"],
  },
  { file: "config-roles", constructs: [C.config], types: ["aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "data.aws_iam_policy_document"] },
  { file: "config", constructs: [C.config] },
  { file: "guardrails", constructs: [C.guardrails] },
  // The named queries are the catalog's SQL, long by nature: a file of their own.
  { file: "forensic-queries", constructs: [C.forensics], types: ["aws_athena_named_query"] },
  // The CloudTrail table spells out every column: apart from the workgroup and roles.
  { file: "forensic-table", constructs: [C.forensics], types: ["aws_glue_catalog_database", "aws_glue_catalog_table"] },
  { file: "forensics", constructs: [C.forensics] },
  // The state machine carries the daily-review SQL once; its saved copy goes beside the other queries' file.
  { file: "review-query", constructs: [C.review], types: ["aws_athena_named_query"] },
  { file: "reviews", constructs: [C.review] },
  { file: "account-guards", constructs: [C.accountGuard] },
  // WorkSpaces monitoring (optional): by kind, so each file stays reviewable with several sites.
  { file: "workspaces-keys-topics", constructs: [C.workspaces], types: ["aws_kms_key", "aws_kms_alias", "aws_sns_topic", "aws_sns_topic_policy", "aws_sns_topic_subscription"] },
  { file: "workspaces-alarms", constructs: [C.workspaces], types: ["aws_cloudwatch_metric_alarm"] },
  { file: "workspaces-after-hours", constructs: [C.workspaces], types: ["aws_scheduler_schedule", "aws_iam_role", "aws_iam_role_policy"] },
  { file: "workspaces-dashboards", constructs: [C.workspaces], types: ["aws_cloudwatch_dashboard"] },
  { file: "workspaces-policies", constructs: [C.workspaces], types: ["data.aws_iam_policy_document", "aws_cloudwatch_log_resource_policy"] },
  { file: "workspaces", constructs: [C.workspaces] },
];

/** Terraform's own top-level sections and their conventional files. */
export const SECTION_FILES: Readonly<Record<string, string>> = {
  terraform: "versions",
  provider: "providers",
  variable: "variables",
  locals: "locals",
  output: "outputs",
  import: "imports",
  moved: "moved",
};

/** Where a block with no construct path goes (cdktf always records one; a hand-made override may not). */
export const FALLBACK_FILE = "main";

/**
 * Review budget per generated .tf file, checked on every preset by
 * test/estate/file-layout.test.ts: a file a reviewer can read in one sitting.
 */
export const MAX_FILE_LINES = 400;
export const MAX_FILE_BYTES = 20 * 1024;

/** The file (without extension) for a resource or data block. */
export function fileForBlock(constructId: string | undefined, type: string, rules: readonly FileRule[] = FILE_RULES): string {
  if (constructId === undefined) return FALLBACK_FILE;
  const rule = rules.find((r) => r.constructs.includes(constructId) && (r.types === undefined || r.types.includes(type)));
  return rule ? rule.file : constructId.replace(/_/g, "-");
}
