// The executive WorkSpaces dashboard of one site, as the JSON body
// PutDashboard takes (CloudWatch dashboard body structure and syntax:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
// Pure: the body names only metrics AWS publishes (AWS/WorkSpaces), metrics
// the estate's own filters publish, alarms the estate creates and log groups
// the estate writes; dashboard-body tests hold it to that.
import type { BusinessHoursPlan, WorkspacesPlan, WorkspacesSitePlan } from "../../model/plan.js";
import { workspacesMetricsQuery } from "../../catalog/workspaces-monitoring.js";

export interface DashboardInput {
  readonly site: WorkspacesSitePlan;
  readonly workspaces: WorkspacesPlan;
  /** ARNs of the alarms to show: in the site's account and region. */
  readonly alarmArns: readonly string[];
  /** Failed-sign-in metric published in this same account and region, if any (single account: the trail's filter). */
  readonly signinFailureMetric: string | undefined;
}

const FULL = 24;
const HALF = 12;

/** A Metrics Insights expression over every directory of the site (one series). */
function query(id: string, statistic: string, metric: string, label: string) {
  return [{ id, expression: workspacesMetricsQuery(statistic, metric), label }];
}

function hour(clock: string): number {
  return Number(clock.slice(0, 2));
}

/** A Logs Insights query over a site's access-event log group (without its SOURCE). */
export interface AccessLogQuery {
  readonly id: "logins-by-client" | "source-ips-per-workspace" | "after-hours-logins";
  readonly title: string;
  readonly query: string;
}

/**
 * The login investigations, shared by the dashboard's log widgets and the saved
 * queries (aws_cloudwatch_query_definition) of each site. Logs Insights reads
 * loginTime as UTC text, so the after-hours query says so; the scheduled alarm
 * follows the configured time zone.
 */
export function accessLogQueries(hours: BusinessHoursPlan): AccessLogQuery[] {
  const logins = 'filter detail.actionType = "successfulLogin"';
  return [
    {
      id: "logins-by-client",
      title: "Logins by client platform and version",
      query: `${logins} | stats count(*) as logins by detail.clientPlatform, detail.clientVersion | sort logins desc`,
    },
    {
      id: "source-ips-per-workspace",
      title: "Source IPs per WorkSpace (an IP change shows as a second row)",
      query: `${logins} | stats count(*) as logins, latest(detail.loginTime) as lastLogin by detail.workspaceId, detail.clientIpAddress | sort detail.workspaceId asc | limit 200`,
    },
    {
      id: "after-hours-logins",
      title: `Logins outside ${hours.start}-${hours.end} UTC, any day (the after-hours alarm follows ${hours.timeZone} and ${hours.days.join(",")})`,
      query: [
        logins,
        "parse detail.loginTime /T(?<hour>\\d\\d):/",
        // parse yields text, so the hours are matched as text: no string-to-number comparison to trust.
        `filter hour in [${afterHoursUtc(hours).map((h) => `"${h}"`).join(", ")}]`,
        "fields detail.loginTime, detail.workspaceId, detail.clientIpAddress, detail.clientPlatform",
        "sort detail.loginTime desc",
        "limit 100",
      ].join(" | "),
    },
  ];
}

/** The whole UTC hours ("00".."23") outside business hours: before the start hour, or from the hour the end falls in (rounded up). */
export function afterHoursUtc(hours: BusinessHoursPlan): string[] {
  const first = hour(hours.start);
  const last = Math.ceil(minutesOf(hours.end) / 60);
  return Array.from({ length: 24 }, (_, h) => h)
    .filter((h) => h < first || h >= last)
    .map((h) => String(h).padStart(2, "0"));
}

function minutesOf(clock: string): number {
  return hour(clock) * 60 + Number(clock.slice(3, 5));
}

export function workspacesDashboardBody(input: DashboardInput): string {
  const { site, workspaces: ws } = input;
  const region = site.region;
  const source = `SOURCE '${site.logGroupName}'`;
  const widgets: Record<string, unknown>[] = [];
  let y = 0;
  const row = (height: number, ...items: { width: number; type: string; properties: Record<string, unknown> }[]) => {
    let x = 0;
    for (const item of items) {
      widgets.push({ type: item.type, x, y, width: item.width, height, properties: item.properties });
      x += item.width;
    }
    y += height;
  };
  const metricWidget = (title: string, metrics: unknown[], extra: Record<string, unknown> = {}) => ({
    width: HALF,
    type: "metric",
    properties: { title, region, view: "timeSeries", stacked: false, period: 300, metrics, ...extra },
  });
  const logWidget = (title: string, queryText: string, width = HALF) => ({
    width,
    type: "log",
    properties: { title, region, view: "table", query: queryText },
  });

  row(
    6,
    metricWidget("Successful logins per hour", [[ws.namespace, ws.loginFilter.metricName, { stat: "Sum", period: 3600, label: "Logins" }]]),
    metricWidget("Session connections: success versus failure (failure is not a wrong password)", [
      query("success", "SUM", "ConnectionSuccess", "Connection success"),
      query("failure", "SUM", "ConnectionFailure", "Connection failure"),
      query("attempts", "SUM", "ConnectionAttempt", "Connection attempts"),
    ]),
  );
  row(
    6,
    metricWidget("WorkSpaces health and users connected", [
      query("available", "SUM", "Available", "Available"),
      query("unhealthy", "SUM", "Unhealthy", "Unhealthy"),
      query("stopped", "SUM", "Stopped", "Stopped"),
      query("maintenance", "SUM", "Maintenance", "Maintenance"),
      query("connected", "SUM", "UserConnected", "Users connected"),
    ]),
    metricWidget("Session launch time and in-session latency", [
      query("launchavg", "AVG", "SessionLaunchTime", "Session launch time (average, s)"),
      query("launchmax", "MAX", "SessionLaunchTime", "Session launch time (maximum, s)"),
      query("latency", "AVG", "InSessionLatency", "In-session latency (average, ms)"),
    ]),
  );
  const failed = [];
  if (input.signinFailureMetric) {
    failed.push(metricWidget("Failed IAM Identity Center sign-ins", [[ws.namespace, input.signinFailureMetric, { stat: "Sum", period: 300, label: "Failed sign-ins" }]]));
  }
  for (const d of site.directories) {
    // A text search, labelled as one: the exact record a forwarded failed logon produces is to be
    // confirmed against a captured event before an alarm relies on it (workspaces.md section 3).
    failed.push(
      logWidget(
        `Directory ${d.directoryId}: security events mentioning 4625 (failed logon) or 4740 (lockout), per hour`,
        `SOURCE '${d.logGroupName}' | filter @message like /4625|4740/ | stats count(*) as events by bin(1h)`,
      ),
    );
  }
  for (let i = 0; i < failed.length; i += 2) row(6, ...failed.slice(i, i + 2));
  const [byClient, ipsPerWorkspace, afterHours] = accessLogQueries(ws.businessHours) as [AccessLogQuery, AccessLogQuery, AccessLogQuery];
  row(8, logWidget(byClient.title, `${source} | ${byClient.query}`), logWidget(ipsPerWorkspace.title, `${source} | ${ipsPerWorkspace.query}`));
  row(8, logWidget(afterHours.title, `${source} | ${afterHours.query}`, FULL));
  if (input.alarmArns.length > 0) {
    row(6, { width: FULL, type: "alarm", properties: { title: "WorkSpaces alarms", alarms: [...input.alarmArns], sortBy: "stateUpdatedTimestamp" } });
  }
  const body = JSON.stringify({ widgets });
  // Terraform reads ${ and %{ in a string as a template; the body must stay literal.
  if (/[$%]\{/.test(body)) throw new Error("workspacesDashboardBody: the body contains ${ or %{, which Terraform would interpolate");
  return body;
}
