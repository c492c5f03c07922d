// AWS Config rules evaluate only the account (and Region) they are deployed in, so each rule must
// run where the resources it checks live; and a rule needs a recorder there ("AWS Config must be
// recording" in that account, one customer-managed recorder per account and Region).
// cloudwatch-alarm-action-check's defaults are "alarmActionRequired: true,
// insufficientDataActionRequired: true, okActionRequired: false"; the estate's alarms have no
// insufficient-data action, so it must say insufficientDataActionRequired=false and name the
// alarm topic as action1 (https://docs.aws.amazon.com/config/latest/developerguide/cloudwatch-alarm-action-check.html).
import type { PlannedEstate, PlannedResource } from "../planned.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const ALARM_ACTION_CHECK = "CLOUDWATCH_ALARM_ACTION_CHECK";

interface DeployedRule {
  readonly resource: PlannedResource;
  readonly identifier: string;
  /** Accounts it evaluates: its own, or every account but the excluded ones for an organization rule. */
  readonly covers: (account: string) => boolean;
}

function deployedRules(planned: PlannedEstate): DeployedRule[] {
  const own = planned.ofType("aws_config_config_rule").map((resource) => {
    const source = (resource.values.source as { owner?: unknown; source_identifier?: unknown }[] | undefined)?.[0];
    return { resource, identifier: String(source?.source_identifier ?? ""), covers: (a: string) => a === resource.account };
  });
  const organization = planned.ofType("aws_config_organization_managed_rule").map((resource) => {
    const excluded = (resource.values.excluded_accounts as string[] | undefined) ?? [];
    return { resource, identifier: String(resource.values.rule_identifier ?? ""), covers: (a: string) => !excluded.includes(a) };
  });
  return [...own, ...organization];
}

function accountsOf(resources: readonly PlannedResource[]): string[] {
  return [...new Set(resources.map((r) => r.account).filter((a): a is string => a !== undefined))].sort();
}

export const configPlacement: ApplyRule = {
  id: "config-placement",
  title: "Config rules run in the account holding what they check, with a recorder there and parameters that fit the estate",
  source: "https://docs.aws.amazon.com/config/latest/developerguide/cloudwatch-alarm-action-check.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    const rules = deployedRules(planned);
    if (rules.length === 0) return findings;

    // S3 rules: every account owning an estate bucket the rule is about is evaluated, and no S3 rule
    // runs where there is none. The lock rule is about locked buckets and the logging rule about
    // access-logged ones: an unlocked working bucket (Athena results) is not a lock rule's business.
    const allBuckets = planned.ofType("aws_s3_bucket");
    const accountsFor = (identifier: string): string[] => {
      if (identifier === "S3_BUCKET_DEFAULT_LOCK_ENABLED") return accountsOf(allBuckets.filter((b) => b.values.object_lock_enabled === true));
      if (identifier === "S3_BUCKET_LOGGING_ENABLED") return accountsOf(planned.ofType("aws_s3_bucket_logging"));
      return accountsOf(allBuckets);
    };
    const s3Identifiers = [...new Set(rules.filter((r) => r.identifier.startsWith("S3_")).map((r) => r.identifier))].sort();
    for (const identifier of s3Identifiers) {
      const bucketAccounts = accountsFor(identifier);
      for (const account of bucketAccounts) {
        if (!rules.some((r) => r.identifier === identifier && r.covers(account))) {
          findings.push(finding(identifier, `${identifier} does not run in account ${account}, which owns the estate's buckets: deploy it through that account's provider`));
        }
      }
      for (const rule of rules.filter((r) => r.identifier === identifier && r.resource.type === "aws_config_config_rule")) {
        if (!bucketAccounts.includes(rule.resource.account ?? "")) {
          findings.push(finding(rule.resource.address, `checks S3 buckets in account ${rule.resource.account ?? "(unpinned)"}, which owns none of the estate's buckets (${bucketAccounts.join(", ")})`));
        }
      }
    }

    // The alarm-action rule: where the alarms are, with parameters the estate's alarms satisfy.
    // Accounts the documents name as outside Config's reach are a stated gap, not a defect.
    const withoutConfig = planned.facts.alarmAccountsWithoutConfig ?? [];
    const alarmAccounts = accountsOf(planned.ofType("aws_cloudwatch_metric_alarm")).filter((a) => !withoutConfig.includes(a));
    const topics = planned.ofType("aws_sns_topic");
    for (const rule of rules.filter((r) => r.identifier === ALARM_ACTION_CHECK)) {
      const r = rule.resource;
      for (const account of alarmAccounts) {
        if (!rule.covers(account)) findings.push(finding(r.address, `does not run in account ${account}, where the alarms are`));
      }
      if (rule.resource.type === "aws_config_config_rule" && !alarmAccounts.includes(r.account ?? "")) {
        findings.push(finding(r.address, `runs in account ${r.account ?? "(unpinned)"}, which has none of the estate's alarms`));
      }
      const text = r.values.input_parameters;
      if (typeof text !== "string") {
        const referencesTopic = planned.referenced(r, "input_parameters").some((t) => t.type === "aws_sns_topic");
        if (!referencesTopic) findings.push(finding(r.address, "has no input parameters: its defaults require insufficient-data actions, which no estate alarm has, so every alarm is NON_COMPLIANT"));
        continue; // parameters built from a topic ARN only exist after apply
      }
      const params = JSON.parse(text) as Record<string, unknown>;
      if (params.alarmActionRequired !== "true") findings.push(finding(r.address, `alarmActionRequired is ${JSON.stringify(params.alarmActionRequired)}, not "true"`));
      if (params.insufficientDataActionRequired !== "false") {
        findings.push(finding(r.address, `insufficientDataActionRequired is ${JSON.stringify(params.insufficientDataActionRequired)} (default true): the estate's alarms have no insufficient-data action, so set it to "false"`));
      }
      const action1 = String(params.action1 ?? "");
      const topicArn = /^arn:[\w-]+:sns:[\w-]+:(\d{12}):([\w-]+)$/.exec(action1);
      if (!topicArn || !topics.some((t) => t.values.name === topicArn[2] && t.account === topicArn[1])) {
        findings.push(finding(r.address, `action1 is ${JSON.stringify(params.action1)}, not the ARN of one of the estate's alarm topics`));
      }
    }

    // Recorders: every account a rule evaluates must record.
    const recorded = new Set([...accountsOf(planned.ofType("aws_config_configuration_recorder")), ...(planned.facts.existingRecorderAccounts ?? [])]);
    for (const account of accountsOf(planned.ofType("aws_config_config_rule"))) {
      if (!recorded.has(account)) findings.push(finding(`account ${account}`, `has Config rules but no recorder, created or declared existing: the rules would never evaluate`));
    }
    return findings;
  },
};
