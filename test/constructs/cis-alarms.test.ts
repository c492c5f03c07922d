import { describe, expect, it } from "vitest";
import { Testing } from "cdktf";
import type { MetricAlarmPlan, ResolvedPlan } from "../../src/model/plan.js";
import { AlarmDashboard } from "../../src/constructs/alarm-dashboard.js";
import { CisAlarms, alarmConstructId } from "../../src/constructs/cis-alarms.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { addresses, newStack, synthMonitoring } from "./support/monitoring-stack.js";

/** Patterns with the spacing, quotes and operators Security Hub matches exactly (controls.md 2a). */
const tricky: MetricAlarmPlan[] = [
  {
    id: "unauthorized-api-calls",
    title: "Unauthorized API calls",
    pattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }',
    tier: "warning",
    metricName: "UnauthorizedAPICalls",
    cis: "4.1",
    securityHub: "CloudWatch.2",
    prowler: undefined,
  },
  {
    id: "console-signin-without-mfa",
    title: "Console sign-in without MFA",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    tier: "critical",
    metricName: "ConsoleSigninWithoutMFA",
    cis: "4.2",
    securityHub: "CloudWatch.3",
    prowler: undefined,
  },
  {
    id: "kms-cmk-deletion",
    title: "CMK disabled or scheduled for deletion",
    pattern: "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
    tier: "info",
    metricName: "KmsCmkDeletion",
    cis: undefined,
    securityHub: undefined,
    prowler: undefined,
  },
  {
    // Not a CIS pattern: double spaces, a tab and a trailing space prove nothing is normalised.
    id: "spacing-probe",
    title: "Spacing probe",
    pattern: '{  ($.eventName = "ConsoleLogin")  &&\t($.errorMessage = "Failed authentication") } ',
    tier: "info",
    metricName: "SpacingProbe",
    cis: undefined,
    securityHub: undefined,
    prowler: undefined,
  },
];

const trickyPlan: ResolvedPlan = { ...singleAccountPlan, alarms: [...singleAccountPlan.alarms, ...tricky] };

describe.each([
  ["organization", organizationPlan],
  ["single-account", singleAccountPlan],
  ["all tricky patterns", trickyPlan],
] as const)("CisAlarms (%s)", (_label, plan) => {
  const { json } = synthMonitoring(plan);
  const filters = json.resource.aws_cloudwatch_log_metric_filter;
  const alarms = json.resource.aws_cloudwatch_metric_alarm;

  it("has one filter and one alarm per plan item, addressed by the item id", () => {
    const ids = plan.alarms.map((a) => alarmConstructId(a.id));
    expect(Object.keys(filters).sort()).toEqual(ids.map((id) => `cis_alarms_${id}_filter`).sort());
    expect(Object.keys(alarms).sort()).toEqual(ids.map((id) => `cis_alarms_${id}_alarm`).sort());
  });

  it.each(plan.alarms.map((a) => [a.id, a] as const))("keeps the %s pattern byte-for-byte", (_id, item) => {
    const f = filters[`cis_alarms_${alarmConstructId(item.id)}_filter`];
    expect(f.pattern).toBe(item.pattern);
    expect(f.log_group_name).toBe("${aws_cloudwatch_log_group.log_group_main.name}");
    expect(f.metric_transformation).toEqual({ name: item.metricName, namespace: "TrailwrightCIS", value: "1" });
  });

  it.each(plan.alarms.map((a) => [a.id, a] as const))("alarms on %s with actions enabled, to its tier's topic", (_id, item) => {
    const a = alarms[`cis_alarms_${alarmConstructId(item.id)}_alarm`];
    expect(a).toMatchObject({
      alarm_name: `${plan.name}-${item.id}`,
      namespace: "TrailwrightCIS",
      metric_name: item.metricName,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      period: 300,
      evaluation_periods: 1,
      statistic: "Sum",
      treat_missing_data: "notBreaching",
      actions_enabled: true,
      alarm_actions: [`\${aws_sns_topic.alerts_${item.tier}_topic.arn}`],
    });
    expect(a.alarm_description).toContain(item.title);
    if (item.cis) expect(a.alarm_description).toContain(`CIS AWS Foundations ${item.cis}`);
    if (item.securityHub) expect(a.alarm_description).toContain(`Security Hub ${item.securityHub}`);
  });
});

describe("CisAlarms addresses (a contract: renaming one re-creates an alarm)", () => {
  it.each([
    [organizationPlan, ["aws_cloudwatch_dashboard.cis_alarms_dashboard_status"]],
    [singleAccountPlan, []],
  ] as const)("are stable for $topology", (plan, dashboard) => {
    expect(addresses(synthMonitoring(plan).json).filter((a) => a.includes(".cis_alarms_"))).toEqual([
      ...dashboard,
      "aws_cloudwatch_log_metric_filter.cis_alarms_cloudtrail_changes_filter",
      "aws_cloudwatch_log_metric_filter.cis_alarms_root_usage_filter",
      "aws_cloudwatch_metric_alarm.cis_alarms_cloudtrail_changes_alarm",
      "aws_cloudwatch_metric_alarm.cis_alarms_root_usage_alarm",
    ]);
  });
});

describe("CisAlarms dashboard", () => {
  it("lists every alarm by its ARN and waits for the alarms, when the plan asks for a dashboard", () => {
    const { json } = synthMonitoring(organizationPlan);
    const dashboard = json.resource.aws_cloudwatch_dashboard.cis_alarms_dashboard_status;
    expect(dashboard.dashboard_name).toBe("acme-audit-audit-alarms");
    expect(JSON.parse(dashboard.dashboard_body)).toEqual({
      widgets: [
        {
          type: "alarm",
          x: 0,
          y: 0,
          width: 24,
          height: 6,
          properties: {
            title: "acme-audit alarms",
            sortBy: "stateUpdatedTimestamp",
            alarms: [
              "arn:aws:cloudwatch:eu-west-2:111111111111:alarm:acme-audit-root-usage",
              "arn:aws:cloudwatch:eu-west-2:111111111111:alarm:acme-audit-cloudtrail-changes",
            ],
          },
        },
      ],
    });
    // Each ARN names an alarm this stack creates, and the dashboard depends on them.
    const names = Object.values(json.resource.aws_cloudwatch_metric_alarm).map((a) => (a as { alarm_name: string }).alarm_name);
    expect(names.sort()).toEqual(["acme-audit-cloudtrail-changes", "acme-audit-root-usage"]);
    expect(dashboard.depends_on).toEqual([
      "aws_cloudwatch_metric_alarm.cis_alarms_root_usage_alarm",
      "aws_cloudwatch_metric_alarm.cis_alarms_cloudtrail_changes_alarm",
    ]);
  });

  it("is absent when the plan does not ask for one", () => {
    expect(synthMonitoring(singleAccountPlan).json.resource.aws_cloudwatch_dashboard).toBeUndefined();
  });

  it("splits more than 100 alarms over several widgets (the alarm widget's limit)", () => {
    const { stack } = newStack(singleAccountPlan);
    const arns = Array.from({ length: 101 }, (_, i) => `arn:aws:cloudwatch:eu-west-2:111111111111:alarm:a${i}`);
    new AlarmDashboard(stack, "board", { dashboardName: "many", alarmArns: arns });
    const body: string = JSON.parse(Testing.synth(stack)).resource.aws_cloudwatch_dashboard.board_status.dashboard_body;
    const widgets = (JSON.parse(body) as { widgets: { y: number; properties: { alarms: string[] } }[] }).widgets;
    expect(widgets.map((w) => [w.y, w.properties.alarms.length])).toEqual([
      [0, 100],
      [6, 1],
    ]);
  });

  it("refuses text Terraform would read as interpolation", () => {
    const { stack } = newStack(singleAccountPlan);
    expect(() => new AlarmDashboard(stack, "board", { dashboardName: "d", alarmArns: ["x"], title: "cost ${var.x}" })).toThrow(/literal text/);
    expect(() => new AlarmDashboard(stack, "board2", { dashboardName: "d", alarmArns: ["%{if}"] })).toThrow(/literal text/);
  });
});

describe("CisAlarms validation", () => {
  it("maps item ids to snake_case construct ids", () => {
    expect(alarmConstructId("root-usage")).toBe("root_usage");
    expect(() => alarmConstructId("Root Usage")).toThrow(/Terraform address/);
  });

  it("refuses an alarm whose tier has no topic", () => {
    const { stack } = newStack(singleAccountPlan);
    expect(
      () =>
        new CisAlarms(stack, "cis_alarms", {
          plan: singleAccountPlan,
          logGroupName: singleAccountPlan.logGroup.name,
          topicArnByTier: { warning: "arn:aws:sns:eu-west-2:111111111111:w" },
        }),
    ).toThrow(/critical tier, which has no topic/);
  });

  it("refuses two items that map to one address", () => {
    const dup = { ...singleAccountPlan.alarms[0]!, id: "root_usage" };
    const plan: ResolvedPlan = { ...singleAccountPlan, alarms: [...singleAccountPlan.alarms, dup] };
    const { stack } = newStack(plan);
    expect(
      () =>
        new CisAlarms(stack, "cis_alarms", {
          plan,
          logGroupName: plan.logGroup.name,
          topicArnByTier: { critical: "arn:aws:sns:eu-west-2:111111111111:c" },
        }),
    ).toThrow(/two alarms map to the id "root_usage"/);
  });
});
