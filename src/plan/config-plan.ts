// AWS Config at organization scale (reference/organization.md D): recorders where the
// resources are, rules in the account that holds what they check, an aggregator in security.
import { LOGGING_CONFIG_RULES } from "../catalog/config-rules.js";
import type { TrailwrightConfig } from "../config/schema.js";
import type { AccountRole, ConfigPlan, ConfigRulePlan, TopicPlan } from "../model/plan.js";

export interface ConfigPlanInputs {
  readonly name: string;
  readonly region: string;
  readonly managementId: string;
  readonly bucketName: string;
  readonly objectLock: boolean;
  readonly hotDays: number;
  readonly topics: readonly TopicPlan[];
  /** Accounts of the estate's alarms that are none of the three roles (WorkSpaces sites), sorted and distinct. */
  readonly otherAlarmAccounts: readonly string[];
  /** Forensics puts the Athena results bucket in security (src/plan/forensics.ts). */
  readonly resultsBucketInSecurity: boolean;
}

const ROLES: readonly AccountRole[] = ["management", "logArchive", "security"];

/**
 * Which accounts get a recorder from the estate. AWS Config allows one customer-managed
 * recorder and one delivery channel per account and Region
 * (https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html), so an
 * account that already records cannot get another: creating one there fails the apply.
 * Control Tower records in every enrolled account but not in the management account
 * (https://docs.aws.amazon.com/controltower/latest/userguide/existing-config-resources.html;
 * SRA's config_management_account adds that one), so under Control Tower only management gets ours.
 */
function recorderPlacement(cfg: TrailwrightConfig, roles: readonly AccountRole[]): { create: AccountRole[]; existing: AccountRole[] } {
  if (cfg.configRecorders === "existing") return { create: [], existing: [...roles] };
  // Under Control Tower its enrolled accounts always record, so "create" can only mean management.
  if (cfg.controlTower) {
    return { create: roles.filter((r) => r === "management"), existing: roles.filter((r) => r !== "management") };
  }
  return { create: [...roles], existing: [] };
}

export function planConfig(cfg: TrailwrightConfig, x: ConfigPlanInputs): ConfigPlan {
  const organization = cfg.topology === "organization";
  // In one account every role is the same account: one recorder, every rule there.
  const roles: AccountRole[] = organization ? [...ROLES] : ["management"];
  const { create, existing } = recorderPlacement(cfg, roles);
  const cloudWatchLogs = !cfg.controlTower;
  const rules: ConfigRulePlan[] = LOGGING_CONFIG_RULES.filter(
    (r) => !r.when || (r.when === "objectLock" ? x.objectLock : cloudWatchLogs),
  ).flatMap((r) =>
    (organization ? [...r.accounts, ...(x.resultsBucketInSecurity && r.resultsBucket ? (["security"] as const) : [])] : (["management"] as const)).map((account) => ({
      account,
      name: r.name,
      identifier: r.identifier,
      inputParameters: ruleParameters(r.identifier, x),
    })),
  );
  return {
    bucketName: x.bucketName,
    bucketArn: `arn:aws:s3:::${x.bucketName}`,
    recorderName: `${x.name}-recorder`,
    recorderAccounts: create,
    existingRecorderAccounts: existing,
    rules,
    // Control Tower landing zone 4.0 makes the Config-integration account delegated admin with
    // a service-linked aggregator (https://docs.aws.amazon.com/controltower/latest/userguide/config.html):
    // a second organization aggregator would duplicate it.
    aggregator: organization && !cfg.controlTower ? { name: `${x.name}-organization`, roleName: `${x.name}-config-aggregator` } : undefined,
    // A recorder there would need the Config bucket, key and SCP to grow per account, and such
    // accounts usually record already (Control Tower, Security Hub): left to the owner, and said.
    alarmAccountsWithoutConfig: x.otherAlarmAccounts,
  };
}

function ruleParameters(identifier: string, x: ConfigPlanInputs): Readonly<Record<string, string>> | undefined {
  if (identifier === "CW_LOGGROUP_RETENTION_PERIOD_CHECK") return { MinRetentionTime: String(x.hotDays) };
  if (identifier === "CLOUDWATCH_ALARM_ACTION_CHECK") {
    // https://docs.aws.amazon.com/config/latest/developerguide/cloudwatch-alarm-action-check.html:
    // insufficientDataActionRequired defaults to true, and the estate's alarms (rightly) have no
    // INSUFFICIENT_DATA action, so the defaults would mark every one NON_COMPLIANT. action1-5
    // name the ARNs an alarm's actions must include one of: the estate's tier topics.
    const topicArns = x.topics.slice(0, 5).map((t) => `arn:aws:sns:${x.region}:${x.managementId}:${t.name}`);
    return {
      alarmActionRequired: "true",
      insufficientDataActionRequired: "false",
      okActionRequired: "false",
      ...Object.fromEntries(topicArns.map((arn, i) => [`action${i + 1}`, arn])),
    };
  }
  return undefined;
}
