// A trail that stops delivering to CloudWatch Logs (a broken key or role policy) is silent: the CIS
// alarms see no events and stay OK. CloudWatch Logs publishes IncomingLogEvents per log group
// (AWS/Logs namespace, LogGroupName dimension); an alarm on it that treats missing data as
// breaching fires when nothing arrives (treat_missing_data "breaching": "missing data points are
// treated as breaching the threshold",
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data).
import type { PlannedEstate, PlannedResource } from "../planned.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const DELIVERY_METRICS = ["IncomingLogEvents", "IncomingBytes"];

/** Planned (or, when unknown, referenced) LogGroupName dimension of a metric alarm. */
function watchesGroup(planned: PlannedEstate, alarm: PlannedResource, group: PlannedResource): boolean {
  const single = alarm.values.namespace === "AWS/Logs" && DELIVERY_METRICS.includes(String(alarm.values.metric_name));
  const queried = ((alarm.values.metric_query as { metric?: { namespace?: unknown; metric_name?: unknown; dimensions?: Record<string, unknown> }[] }[] | undefined) ?? [])
    .flatMap((q) => q.metric ?? [])
    .filter((m) => m.namespace === "AWS/Logs" && DELIVERY_METRICS.includes(String(m.metric_name)));
  if (!single && queried.length === 0) return false;
  const dimensions = [alarm.values.dimensions as Record<string, unknown> | undefined, ...queried.map((m) => m.dimensions)];
  if (dimensions.some((d) => d?.LogGroupName !== undefined && d.LogGroupName === group.values.name)) return true;
  return planned.referenced(alarm).some((r) => r.address === group.address);
}

export const deliveryHealth: ApplyRule = {
  id: "delivery-health",
  title: "An alarm fires when the trail stops delivering to CloudWatch Logs",
  source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const trail of planned.ofType("aws_cloudtrail")) {
      if (!("cloud_watch_logs_group_arn" in trail.expressions)) continue;
      const group = planned.referenced(trail, "cloud_watch_logs_group_arn").find((r) => r.type === "aws_cloudwatch_log_group");
      if (!group) {
        findings.push(finding(trail.address, "delivers to a log group this estate does not create, so no delivery alarm can be matched to it"));
        continue;
      }
      const alarms = planned.ofType("aws_cloudwatch_metric_alarm").filter((a) => watchesGroup(planned, a, group));
      if (alarms.length === 0) {
        findings.push(finding(trail.address, `no alarm watches IncomingLogEvents on ${String(group.values.name ?? group.address)}: a trail that stops delivering goes unnoticed`));
        continue;
      }
      const good = alarms.filter((a) => a.values.treat_missing_data === "breaching" && a.account === group.account);
      if (good.length === 0) {
        for (const a of alarms) findings.push(finding(a.address, `treats missing data as ${JSON.stringify(a.values.treat_missing_data ?? "missing")}: when delivery stops there are no data points, so set treat_missing_data = "breaching"`));
      }
      if (good.length > 0 && !good.some((a) => "alarm_actions" in a.expressions)) {
        findings.push(finding(good[0]!.address, "has no alarm action: it would change state without telling anyone"));
      }
    }
    return findings;
  },
};
