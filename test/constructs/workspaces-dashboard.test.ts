// The WorkSpaces dashboards are valid CloudWatch dashboard bodies that name
// only what exists: metrics AWS publishes in AWS/WorkSpaces, metrics the
// estate's own filters publish, alarms the estate creates in the dashboard's
// account and region, and log groups the estate writes there.
import { describe, expect, it } from "vitest";
import { AWS_WORKSPACES_METRICS } from "../../src/catalog/workspaces-monitoring.js";
import { afterHoursUtc, workspacesDashboardBody } from "../../src/constructs/workspaces/dashboard-body.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { mergedTfJson } from "../helpers/estate-cache.js";
import { WS_VARIANTS, workspacesConfig, workspacesEstate, type WsVariant } from "../helpers/workspaces-answers.js";

type Attrs = Record<string, any>;
const INSIGHTS = /^SELECT (SUM|MAX|AVG|MIN|COUNT)\((\w+)\) FROM SCHEMA\("AWS\/WorkSpaces", DirectoryId\)$/;

describe.each(Object.keys(WS_VARIANTS) as WsVariant[])("%s: WorkSpaces dashboards", (variant) => {
  it("one per site, each a valid body naming only real metrics, alarms and log groups", async () => {
    const tf = mergedTfJson(await workspacesEstate(variant, "json"));
    const plan = resolvePlan(workspacesConfig(variant));
    const ws = plan.workspaces!;
    const ownMetrics = new Set([ws.loginFilter.metricName, ...ws.trailAlarms.map((a) => a.metricName), ...ws.accessAlarms.map((a) => a.metricName)]);
    const alarms = Object.values(tf.resource.aws_cloudwatch_metric_alarm ?? {}) as Attrs[];
    const groups = Object.values(tf.resource.aws_cloudwatch_log_group ?? {}) as Attrs[];

    for (const site of ws.sites) {
      const provider = site.providerAlias ? `aws.${site.providerAlias}` : "aws";
      const dashboard = tf.resource.aws_cloudwatch_dashboard?.[`workspaces_${site.id}_dashboard`] as Attrs;
      expect(dashboard.dashboard_name).toBe(site.dashboardName);
      const body = JSON.parse(dashboard.dashboard_body) as { widgets: Attrs[] };
      const types = new Set<string>();
      for (const w of body.widgets) {
        types.add(w.type);
        expect(["metric", "log", "alarm"]).toContain(w.type);
        expect(w.x + w.width).toBeLessThanOrEqual(24);
        expect(w.height).toBeGreaterThan(0);
        const p = w.properties;
        if (w.type === "metric") {
          expect(p.region).toBe(site.region);
          for (const m of p.metrics as unknown[][]) {
            const first = m[0];
            if (typeof first === "object") {
              const match = INSIGHTS.exec((first as Attrs).expression);
              expect(match, (first as Attrs).expression).not.toBeNull();
              expect(AWS_WORKSPACES_METRICS).toContain(match![2]);
            } else {
              expect(first).toBe(ws.namespace);
              expect(ownMetrics).toContain(m[1]);
              // A metric the filters publish in this account and region: the login count here,
              // the sign-in failures only where the trail's group is (single account).
              if (m[1] !== ws.loginFilter.metricName) expect(site.isManagementHome).toBe(true);
            }
          }
        }
        if (w.type === "log") {
          expect(p.region).toBe(site.region);
          const sources = [...(p.query as string).matchAll(/SOURCE '([^']+)'/g)].map((x) => x[1]);
          expect(sources.length).toBeGreaterThan(0);
          for (const source of sources) {
            expect(groups.some((g) => g.name === source && g.provider === provider), source).toBe(true);
          }
          expect(p.query).not.toMatch(/\$\{/);
        }
        if (w.type === "alarm") {
          expect(p.alarms.length).toBeGreaterThan(0);
          for (const arn of p.alarms as string[]) {
            const [, , , region, account, , name] = arn.split(":");
            expect([region, account]).toEqual([site.region, site.accountId]);
            expect(alarms.some((a) => a.alarm_name === name && a.provider === provider), name).toBe(true);
          }
        }
      }
      expect([...types].sort()).toEqual(["alarm", "log", "metric"]);
      // Logins over time, connection success versus failure, health, launch time and latency.
      const titles = body.widgets.map((w) => w.properties.title as string).join("\n");
      for (const needed of [/logins per hour/i, /success versus failure/i, /health/i, /launch time and in-session latency/i, /by client platform/i, /source IPs per WorkSpace/i]) {
        expect(titles).toMatch(needed);
      }
    }
  });
});

describe("workspacesDashboardBody", () => {
  it("refuses a body Terraform would read as a template", () => {
    const plan = resolvePlan(workspacesConfig("single"));
    const site = { ...plan.workspaces!.sites[0]!, logGroupName: "/aws/events/${oops}" };
    expect(() => workspacesDashboardBody({ site, workspaces: plan.workspaces!, alarmArns: [], signinFailureMetric: undefined })).toThrow(/interpolate/);
  });
});

describe("after-hours hours for Logs Insights", () => {
  it("lists the whole hours outside business hours as text", () => {
    const base = { timeZone: "Europe/London", days: ["MON"] };
    expect(afterHoursUtc({ ...base, start: "07:00", end: "19:00" })).toEqual(["00", "01", "02", "03", "04", "05", "06", "19", "20", "21", "22", "23"]);
    // An end inside an hour keeps that hour as business time.
    expect(afterHoursUtc({ ...base, start: "08:30", end: "17:30" })).toEqual(["00", "01", "02", "03", "04", "05", "06", "07", "18", "19", "20", "21", "22", "23"]);
  });
});
