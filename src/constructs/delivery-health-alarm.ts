import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import type { DeliveryHealthPlan } from "../model/plan.js";

export interface DeliveryHealthAlarmProps {
  /** Silence period and tier (`plan.deliveryHealth`). */
  readonly health: DeliveryHealthPlan;
  readonly alarmName: string;
  /** The log group the trail delivers to. */
  readonly logGroupName: string;
  /** The tier's topic: told when delivery stops and when it resumes. */
  readonly topicArn: string;
  /** Provider for the management account, beside the log group. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/** CloudWatch alarm periods are 5 minutes here, as the CIS alarms'. */
const PERIOD_SECONDS = 300;

/**
 * Fires when the trail stops delivering to CloudWatch Logs: a broken key policy, bucket policy
 * or delivery role otherwise fails silently (CloudTrail just stops writing). It watches
 * IncomingLogEvents, which CloudWatch Logs publishes per log group
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch-Logs-Monitoring-CloudWatch-Metrics.html).
 * No datapoint at all is the failure being watched for, so missing data breaches.
 */
export class DeliveryHealthAlarm extends Construct {
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: DeliveryHealthAlarmProps) {
    super(scope, id);
    const periods = Math.max(1, Math.ceil((props.health.silentMinutes * 60) / PERIOD_SECONDS));
    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      provider: props.provider,
      alarmName: props.alarmName,
      alarmDescription: `No CloudTrail event reached ${props.logGroupName} for ${props.health.silentMinutes} minutes: check the trail's status (GetTrailStatus LatestCloudWatchLogsDeliveryError), the key policy and the delivery role.`,
      namespace: "AWS/Logs",
      metricName: "IncomingLogEvents",
      dimensions: { LogGroupName: props.logGroupName },
      statistic: "Sum",
      period: PERIOD_SECONDS,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: "LessThanThreshold",
      threshold: 1,
      treatMissingData: "breaching",
      actionsEnabled: true,
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
    });
  }
}
