import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js";

export interface AlarmDashboardProps {
  /** Dashboard name (letters, digits, "-" and "_"). No default. */
  readonly dashboardName: string;
  /**
   * ARNs of the alarms to show, as plain strings (the plan knows every alarm's
   * name, account and region). No default; at least one.
   */
  readonly alarmArns: readonly string[];
  /** The alarm resources, so the dashboard is created after them. Default: none. */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Widget title. Default: "Audit alarms". */
  readonly title?: string;
  /** Provider for the account and region of the alarms. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/** CloudWatch's alarm-status widget accepts at most 100 alarms. */
const ALARMS_PER_WIDGET = 100;

/**
 * A CloudWatch dashboard with alarm-status widgets for the given alarms.
 *
 * The body is a plain JSON string rather than a `jsonencode(...)` of resource
 * references: cdktf writes such an expression as text of its own layout, the
 * one thing in the estate that needed `terraform fmt` after printing. Known
 * ARNs plus an explicit depends_on say the same and keep the printed HCL
 * canonical on its own.
 */
export class AlarmDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: AlarmDashboardProps) {
    super(scope, id);
    const title = props.title ?? "Audit alarms";
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(props.dashboardName)) {
      throw new Error(`AlarmDashboard: "${props.dashboardName}" is not a valid dashboard name (letters, digits, - and _)`);
    }
    // Terraform reads ${ and %{ in a string as interpolation; the body must stay literal.
    for (const text of [title, ...props.alarmArns]) {
      if (/[$%]\{/.test(text)) throw new Error(`AlarmDashboard: "${text}" must be literal text, without "\${" or "%{"`);
    }
    if (props.alarmArns.length === 0) throw new Error("AlarmDashboard: alarmArns is empty; there is nothing to show");

    const widgets = [];
    for (let i = 0; i < props.alarmArns.length; i += ALARMS_PER_WIDGET) {
      const alarms = props.alarmArns.slice(i, i + ALARMS_PER_WIDGET);
      widgets.push({
        type: "alarm",
        x: 0,
        y: widgets.length * 6,
        width: 24,
        height: 6,
        properties: { title, sortBy: "stateUpdatedTimestamp", alarms },
      });
    }
    this.dashboard = new CloudwatchDashboard(this, "status", {
      provider: props.provider,
      dashboardName: props.dashboardName,
      dashboardBody: JSON.stringify({ widgets }),
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
  }
}
