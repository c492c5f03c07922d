import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target/index.js";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy/index.js";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import { CloudwatchQueryDefinition } from "@cdktf/provider-aws/lib/cloudwatch-query-definition/index.js";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { DirectoryServiceLogSubscription } from "@cdktf/provider-aws/lib/directory-service-log-subscription/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule/index.js";
import type { AlertTier, ResolvedPlan, WorkspacesPlan, WorkspacesSitePlan } from "../../model/plan.js";
import { alarmConstructId } from "../cis-alarms.js";
import { accessLogQueries, workspacesDashboardBody } from "./dashboard-body.js";
import { FilterAlarm } from "./filter-alarm.js";

export interface WorkspacesSiteProps {
  /** Reads `workspaces`, `name`. */
  readonly plan: ResolvedPlan;
  readonly site: WorkspacesSitePlan;
  /** Customer-managed key in the site's account and region for its log groups (and topics). */
  readonly kmsKeyArn: string;
  /** Topics in the site's account and region, by tier. */
  readonly topicArnByTier: Readonly<Partial<Record<AlertTier, string>>>;
  /** Alarms of the same account and region to show on the dashboard besides the site's own (the trail's WorkSpaces alarms in a single account). */
  readonly extraAlarmNames?: readonly string[];
  /** Failed-sign-in metric published in this account and region (single account, Identity Center). */
  readonly signinFailureMetric?: string;
  /** Provider for the site's account and region. */
  readonly provider: TerraformProvider | undefined;
}

/** The EventBridge event pattern for WorkSpaces logins (EventBridge events reference, WorkSpaces). */
export const ACCESS_EVENT_PATTERN = JSON.stringify({ source: ["aws.workspaces"], "detail-type": ["WorkSpaces Access"] });

const CRON_DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

/**
 * Everything that watches WorkSpaces users in one account and region. The
 * WorkSpaces Access event is delivered (best effort) to the default event bus
 * of the WorkSpace's own account and region, so the rule, its log group and
 * every alarm on what it records live there.
 */
export class WorkspacesSite extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly rule: CloudwatchEventRule;
  public readonly alarms: readonly CloudwatchMetricAlarm[];
  public readonly alarmNames: readonly string[];
  public readonly afterHoursAlarm: CloudwatchMetricAlarm;
  public readonly schedulerRole: IamRole;
  public readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: WorkspacesSiteProps) {
    super(scope, id);
    const { plan, site, provider } = props;
    const ws = plan.workspaces as WorkspacesPlan;
    if (!ws) throw new Error("WorkspacesSite: plan.workspaces is undefined");
    const topic = (tier: AlertTier) => {
      const arn = props.topicArnByTier[tier];
      if (!arn) throw new Error(`WorkspacesSite: no ${tier} topic in ${site.accountId} ${site.region}`);
      return arn;
    };
    const alarms: CloudwatchMetricAlarm[] = [];

    // --- Access events -> log group -------------------------------------------------------
    // Named /aws/events/... like the groups the console creates for EventBridge targets; the
    // resource policy below is generated regardless, because the console's automatic one
    // exists only where someone used the console (aws/aws-cdk#9953).
    this.logGroup = new CloudwatchLogGroup(this, "access_log_group", {
      provider,
      name: site.logGroupName,
      retentionInDays: ws.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    this.rule = new CloudwatchEventRule(this, "access_rule", {
      provider,
      name: site.ruleName,
      description: "WorkSpaces Access events (successful logins) into the WorkSpaces access log group",
      eventPattern: ACCESS_EVENT_PATTERN,
    });
    // A CloudWatch Logs target takes no role: EventBridge writes through the log group's
    // resource policy (EventBridge user guide, "Using resource-based policies for Amazon
    // EventBridge", CloudWatch Logs permissions). Both principals are needed: deliveries fail
    // without delivery.logs.amazonaws.com (hashicorp/terraform-provider-aws#30388; provider docs,
    // cloudwatch_event_target "Cloudwatch Log Group Usage").
    const writers = new DataAwsIamPolicyDocument(this, "access_log_policy_document", {
      provider,
      statement: [
        {
          sid: "EventBridgeWritesAccessEvents",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${site.logGroupArn}:*`],
          condition: [{ test: "ArnEquals", variable: "aws:SourceArn", values: [site.ruleArn] }],
        },
        {
          // Vended-log delivery identifies the source account (CloudWatch Logs guide,
          // "Enabling logging from AWS services", confused-deputy conditions).
          sid: "LogDeliveryWritesAccessEvents",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${site.logGroupArn}:*`],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }],
        },
      ],
    });
    const writePolicy = new CloudwatchLogResourcePolicy(this, "access_log_policy", {
      provider,
      policyName: `${plan.name}-workspaces-access-events`,
      policyDocument: writers.json,
    });
    new CloudwatchEventTarget(this, "access_target", {
      provider,
      rule: this.rule.name,
      targetId: "workspaces-access-log-group",
      arn: this.logGroup.arn,
      dependsOn: [writePolicy],
    });

    // --- Filters and alarms on the access events ------------------------------------------
    new CloudwatchLogMetricFilter(this, "login_count", {
      provider,
      name: `${plan.name}-ws-logins`,
      logGroupName: this.logGroup.name,
      pattern: ws.loginFilter.pattern,
      metricTransformation: { name: ws.loginFilter.metricName, namespace: ws.namespace, value: "1" },
    });
    for (const item of ws.accessAlarms) {
      const fa = new FilterAlarm(this, alarmConstructId(item.id), {
        item,
        logGroupName: this.logGroup.name,
        namespace: ws.namespace,
        name: `${site.alarmNamePrefix}${item.id}`,
        topicArn: topic(item.tier),
        provider,
      });
      alarms.push(fa.alarm);
    }
    // FailedInvocations is published only when non-zero (EventBridge user guide, "Monitoring
    // Amazon EventBridge"), so missing data is the healthy state.
    alarms.push(
      new CloudwatchMetricAlarm(this, "delivery_failures_alarm", {
        provider,
        alarmName: `${site.alarmNamePrefix}ws-access-delivery-failures`,
        alarmDescription: `EventBridge could not deliver WorkSpaces Access events from rule ${site.ruleName} to ${site.logGroupName} (AWS/Events FailedInvocations): logins are going unrecorded. Check the log group's resource policy and key.`,
        namespace: "AWS/Events",
        metricName: "FailedInvocations",
        dimensions: { RuleName: site.ruleName },
        statistic: "Sum",
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [topic("warning")],
        dependsOn: [this.rule],
      }),
    );

    // --- After hours: an "any login" alarm whose actions a schedule switches ---------------
    // Metric filters cannot test the time of day, so EventBridge Scheduler enables the alarm's
    // actions when business hours end and disables them when they start, in the configured time
    // zone (Scheduler user guide, "Schedule types", cron with schedule_expression_timezone;
    // universal targets call cloudwatch:EnableAlarmActions / DisableAlarmActions).
    const hours = ws.businessHours;
    this.afterHoursAlarm = new CloudwatchMetricAlarm(this, "after_hours_alarm", {
      provider,
      alarmName: site.afterHoursAlarmName,
      alarmDescription: `A WorkSpaces login outside business hours (${hours.start}-${hours.end} ${hours.days.join(",")}, ${hours.timeZone}). EventBridge Scheduler enables these actions at ${hours.end} and disables them at ${hours.start}.`,
      namespace: ws.namespace,
      metricName: ws.loginFilter.metricName,
      statistic: "Sum",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      period: 300,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
      // The schedules own this switch; Terraform sets it once (off, until the first evening
      // schedule runs) and then leaves it alone.
      actionsEnabled: false,
      alarmActions: [topic(ws.afterHoursTier)],
      lifecycle: { ignoreChanges: ["actions_enabled"] },
    });
    alarms.push(this.afterHoursAlarm);
    const trust = new DataAwsIamPolicyDocument(this, "scheduler_trust", {
      provider,
      statement: [
        {
          sid: "SchedulerAssume",
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["scheduler.amazonaws.com"] }],
          // Scheduler user guide, "Set up the execution role": confused-deputy protection.
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }],
        },
      ],
    });
    const permissions = new DataAwsIamPolicyDocument(this, "scheduler_permissions", {
      provider,
      statement: [
        {
          sid: "SwitchAfterHoursAlarmOnly",
          effect: "Allow",
          actions: ["cloudwatch:EnableAlarmActions", "cloudwatch:DisableAlarmActions"],
          resources: [site.afterHoursAlarmArn],
        },
      ],
    });
    this.schedulerRole = new IamRole(this, "scheduler_role", {
      provider,
      name: site.schedulerRoleName,
      description: `EventBridge Scheduler switches the actions of ${site.afterHoursAlarmName} at business hours`,
      assumeRolePolicy: trust.json,
    });
    const rolePolicy = new IamRolePolicy(this, "scheduler_policy", {
      provider,
      name: "switch-after-hours-alarm",
      role: this.schedulerRole.name,
      policy: permissions.json,
    });
    const days = CRON_DAYS.filter((d) => hours.days.includes(d)).join(",");
    const schedule = (sid: string, clock: string, action: "enableAlarmActions" | "disableAlarmActions", what: string) => {
      const [h, m] = clock.split(":").map(Number) as [number, number];
      new SchedulerSchedule(this, sid, {
        provider,
        name: `${plan.name}-ws-after-hours-${action === "enableAlarmActions" ? "on" : "off"}`,
        description: what,
        scheduleExpression: `cron(${m} ${h} ? * ${days} *)`,
        scheduleExpressionTimezone: hours.timeZone,
        flexibleTimeWindow: { mode: "OFF" },
        target: {
          arn: `arn:aws:scheduler:::aws-sdk:cloudwatch:${action}`,
          roleArn: this.schedulerRole.arn,
          input: JSON.stringify({ AlarmNames: [site.afterHoursAlarmName] }),
        },
        dependsOn: [rolePolicy, this.afterHoursAlarm],
      });
    };
    schedule("after_hours_on", hours.end, "enableAlarmActions", `Business hours end (${hours.end} ${hours.timeZone}): after-hours login alarm on`);
    schedule("after_hours_off", hours.start, "disableAlarmActions", `Business hours start (${hours.start} ${hours.timeZone}): after-hours login alarm off`);

    // --- Native AWS/WorkSpaces metrics -------------------------------------------------------
    for (const n of ws.nativeAlarms) {
      alarms.push(
        new CloudwatchMetricAlarm(this, `${alarmConstructId(n.id)}_alarm`, {
          provider,
          alarmName: `${site.alarmNamePrefix}${n.id}`,
          alarmDescription: n.description,
          comparisonOperator: n.comparison,
          threshold: n.threshold,
          evaluationPeriods: n.evaluationPeriods,
          metricQuery: [{ id: "q1", expression: n.query, period: n.periodSeconds, returnData: true, label: n.title }],
          treatMissingData: "notBreaching",
          actionsEnabled: true,
          alarmActions: [topic(n.tier)],
        }),
      );
    }

    // --- Managed AD security logs -----------------------------------------------------------
    if (site.directories.length > 0) {
      const groups = site.directories.map(
        (d) =>
          new CloudwatchLogGroup(this, `directory_${d.directoryId.replace(/-/g, "_")}_log_group`, {
            provider,
            name: d.logGroupName,
            retentionInDays: ws.retentionDays,
            kmsKeyId: props.kmsKeyArn,
          }),
      );
      // Directory Service admin guide, "Enable log forwarding": ds.amazonaws.com writes through
      // the log group's resource policy; forwarding is configured per directory and region.
      const dsDoc = new DataAwsIamPolicyDocument(this, "directory_log_policy_document", {
        provider,
        statement: [
          {
            sid: "DirectoryServiceWritesSecurityLogs",
            effect: "Allow",
            principals: [{ type: "Service", identifiers: ["ds.amazonaws.com"] }],
            actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
            resources: site.directories.map((d) => `${d.logGroupArn}:*`),
          },
        ],
      });
      const dsPolicy = new CloudwatchLogResourcePolicy(this, "directory_log_policy", {
        provider,
        policyName: `${plan.name}-directory-service-logs`,
        policyDocument: dsDoc.json,
      });
      site.directories.forEach((d, i) => {
        new DirectoryServiceLogSubscription(this, `directory_${d.directoryId.replace(/-/g, "_")}_log_subscription`, {
          provider,
          directoryId: d.directoryId,
          logGroupName: groups[i]!.name,
          dependsOn: [dsPolicy],
        });
      });
    }

    // Saved Logs Insights queries for investigations (CloudWatch Logs, "Save and re-run
    // CloudWatch Logs Insights queries"): logins by WorkSpace and IP, after-hours logins.
    for (const q of accessLogQueries(ws.businessHours)) {
      new CloudwatchQueryDefinition(this, `query_${q.id.replace(/-/g, "_")}`, {
        provider,
        name: `${plan.name}/workspaces/${q.id}`,
        logGroupNames: [this.logGroup.name],
        queryString: q.query,
      });
    }

    this.alarms = alarms;
    const alarmNames = [...(props.extraAlarmNames ?? []), ...alarms.map((_, i) => siteAlarmNames(site, ws)[i]!)];
    this.alarmNames = alarmNames;
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      provider,
      dashboardName: site.dashboardName,
      dashboardBody: workspacesDashboardBody({
        site,
        workspaces: ws,
        alarmArns: alarmNames.map((name) => `arn:aws:cloudwatch:${site.region}:${site.accountId}:alarm:${name}`),
        signinFailureMetric: props.signinFailureMetric,
      }),
      dependsOn: [...alarms],
    });
  }
}

/** Every alarm name a site creates, in creation order: known before apply, so the dashboard can list them. */
export function siteAlarmNames(site: WorkspacesSitePlan, ws: WorkspacesPlan): string[] {
  return [
    ...ws.accessAlarms.map((a) => `${site.alarmNamePrefix}${a.id}`),
    `${site.alarmNamePrefix}ws-access-delivery-failures`,
    site.afterHoursAlarmName,
    ...ws.nativeAlarms.map((n) => `${site.alarmNamePrefix}${n.id}`),
  ];
}
