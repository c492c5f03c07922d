import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import type { WorkspacesFilterAlarmPlan } from "../../model/plan.js";

export interface FilterAlarmProps {
  readonly item: WorkspacesFilterAlarmPlan;
  /** Log group the filter reads (a resource attribute, so the filter waits for the group). */
  readonly logGroupName: string;
  readonly namespace: string;
  /** Alarm and filter name. */
  readonly name: string;
  readonly topicArn: string;
  readonly provider: TerraformProvider | undefined;
}

/**
 * One metric filter counting matches (value 1) and its alarm: Sum >= the
 * item's threshold within its period, missing data not breaching (no match is
 * the normal state), actions on (Security Hub CloudWatch.15 and .17).
 */
export class FilterAlarm extends Construct {
  public readonly filter: CloudwatchLogMetricFilter;
  public readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: FilterAlarmProps) {
    super(scope, id);
    const { item, provider } = props;
    if (item.pattern.length > 1024) {
      throw new Error(`FilterAlarm: the pattern of "${item.id}" is ${item.pattern.length} characters; CloudWatch allows 1,024 (PutMetricFilter)`);
    }
    this.filter = new CloudwatchLogMetricFilter(this, "filter", {
      provider,
      name: props.name,
      logGroupName: props.logGroupName,
      pattern: item.pattern,
      metricTransformation: { name: item.metricName, namespace: props.namespace, value: "1" },
    });
    const window = item.periodSeconds % 60 === 0 ? `${item.periodSeconds / 60} minutes` : `${item.periodSeconds} seconds`;
    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      provider,
      alarmName: props.name,
      alarmDescription: `${item.title}: ${item.threshold === 1 ? "one or more events" : `${item.threshold} or more events`} matched in ${window}. Source: ${item.source}.`.slice(0, 1024),
      namespace: props.namespace,
      metricName: item.metricName,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: item.threshold,
      period: item.periodSeconds,
      evaluationPeriods: 1,
      statistic: "Sum",
      treatMissingData: "notBreaching",
      actionsEnabled: true,
      alarmActions: [props.topicArn],
      dependsOn: [this.filter],
    });
  }
}
