import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import type { AlertTier, MetricAlarmPlan, ResolvedPlan } from "../model/plan.js";
import { AlarmDashboard } from "./alarm-dashboard.js";

export interface CisAlarmsProps {
  /** The resolved plan; reads `alarms`, `alarmNamespace`, `dashboard`, `name`. */
  readonly plan: ResolvedPlan;
  /**
   * Name of the log group the trail delivers to (a TrailLogGroup's
   * logGroupName, so the filters wait for the group). No default.
   */
  readonly logGroupName: string;
  /** Topic ARN for every tier an alarm uses (AlertTopics.topicArnByTier). No default. */
  readonly topicArnByTier: Readonly<Partial<Record<AlertTier, string>>>;
  /** Provider for the management account: same account and region as the trail's group (pitfall 12). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/** Construct id kept for the optional dashboard, so no alarm id may take it. */
const DASHBOARD_ID = "dashboard";

/**
 * The CIS / Security Hub CloudWatch.1-14 metric filters and their alarms.
 * Security Hub passes only on the exact prescribed pattern (controls.md 2a,
 * pitfall 12), so each pattern is passed through untouched.
 */
export class CisAlarms extends Construct {
  public readonly alarms: readonly CloudwatchMetricAlarm[];
  public readonly filters: readonly CloudwatchLogMetricFilter[];
  /** ARNs of every alarm, in plan order. */
  public readonly alarmArns: readonly string[];
  public readonly dashboard: AlarmDashboard | undefined;

  constructor(scope: Construct, id: string, props: CisAlarmsProps) {
    super(scope, id);
    const { plan, provider } = props;
    const alarms: CloudwatchMetricAlarm[] = [];
    const filters: CloudwatchLogMetricFilter[] = [];

    for (const item of plan.alarms) {
      const topicArn = props.topicArnByTier[item.tier];
      if (!topicArn) {
        throw new Error(`CisAlarms: alarm "${item.id}" goes to the ${item.tier} tier, which has no topic; add one to plan.topics`);
      }
      // Scope ids are Terraform addresses: "root-usage" -> cis_alarms_root_usage_alarm.
      const scopeId = alarmConstructId(item.id);
      if (scopeId === DASHBOARD_ID) throw new Error(`CisAlarms: alarm id "${item.id}" is reserved for the dashboard; rename it`);
      if (this.node.tryFindChild(scopeId)) throw new Error(`CisAlarms: two alarms map to the id "${scopeId}"`);
      const s = new Construct(this, scopeId);
      const name = `${plan.name}-${item.id}`;

      filters.push(
        new CloudwatchLogMetricFilter(s, "filter", {
          provider,
          name,
          logGroupName: props.logGroupName,
          pattern: item.pattern,
          metricTransformation: { name: item.metricName, namespace: plan.alarmNamespace, value: "1" },
        }),
      );
      alarms.push(
        new CloudwatchMetricAlarm(s, "alarm", {
          provider,
          alarmName: name,
          alarmDescription: alarmDescription(item),
          namespace: plan.alarmNamespace,
          metricName: item.metricName,
          // Values from the LZA sample security config (controls.md 2a).
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          threshold: 1,
          period: 300,
          evaluationPeriods: 1,
          statistic: "Sum",
          // No matching events is the normal state, not a reason to alert.
          treatMissingData: "notBreaching",
          // Security Hub CloudWatch.15 (has an action) and CloudWatch.17 (actions enabled).
          actionsEnabled: true,
          alarmActions: [topicArn],
        }),
      );
    }
    this.alarms = alarms;
    this.filters = filters;
    this.alarmArns = alarms.map((a) => a.arn);
    this.dashboard =
      plan.dashboard && alarms.length > 0
        ? new AlarmDashboard(this, DASHBOARD_ID, {
            provider,
            dashboardName: `${plan.name}-audit-alarms`,
            // "audit audit alarms" read badly when the estate is named audit (the default).
            title: /audit/.test(plan.name) ? `${plan.name} alarms` : `${plan.name} audit alarms`,
            alarmArns: plan.alarms.map((item) => alarmArn(plan, `${plan.name}-${item.id}`)),
            dependsOn: alarms,
          })
        : undefined;
  }
}

/** Known before apply: alarms live in the management account, in the home region (pitfalls.md 12). */
function alarmArn(plan: ResolvedPlan, alarmName: string): string {
  return `arn:aws:cloudwatch:${plan.homeRegion}:${plan.accounts.management.id}:alarm:${alarmName}`;
}

/** "root-usage" -> "root_usage"; throws for ids that cannot be a stable address. */
export function alarmConstructId(id: string): string {
  const out = id.replace(/-/g, "_");
  if (!/^[a-z][a-z0-9_]*$/.test(out)) {
    throw new Error(`CisAlarms: alarm id "${id}" must be lower-case letters, digits and "-" (it becomes a Terraform address)`);
  }
  return out;
}

function alarmDescription(item: MetricAlarmPlan): string {
  const ids = [
    item.cis ? `CIS AWS Foundations ${item.cis}` : undefined,
    item.securityHub ? `Security Hub ${item.securityHub}` : undefined,
    item.prowler ? `Prowler ${item.prowler}` : undefined,
  ].filter((x): x is string => x !== undefined);
  const refs = ids.length > 0 ? ` (${ids.join("; ")})` : "";
  return `${item.title}: one or more CloudTrail events matched the metric filter in the last 5 minutes${refs}.`;
}
