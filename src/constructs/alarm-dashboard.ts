import { Fn, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js";

export interface AlarmDashboardProps {
  /** Dashboard name (letters, digits, "-" and "_"). No default. */
  readonly dashboardName: string;
  /** ARNs of the alarms to show, usually tokens of the alarm resources. No default; at least one. */
  readonly alarmArns: readonly string[];
  /** Widget title (no quotes or backslashes). Default: "Audit alarms". */
  readonly title?: string;
  /** Provider for the account and region of the alarms. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/** CloudWatch's alarm-status widget accepts at most 100 alarms. */
const ALARMS_PER_WIDGET = 100;

/** A CloudWatch dashboard with alarm-status widgets for the given alarms. */
export class AlarmDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: AlarmDashboardProps) {
    super(scope, id);
    const title = props.title ?? "Audit alarms";
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(props.dashboardName)) {
      throw new Error(`AlarmDashboard: "${props.dashboardName}" is not a valid dashboard name (letters, digits, - and _)`);
    }
    // cdktf does not escape " or \ inside Fn.* arguments (hcl-output.md C1), in
    // JSON or HCL; every literal below is checked, the ARNs are references.
    if (/["\\]|\$\{/.test(title)) {
      throw new Error(`AlarmDashboard: the title must not contain quotes, backslashes or "\${": ${title}`);
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
      // jsonencode keeps the alarm ARNs as references (and dependencies).
      dashboardBody: Fn.jsonencode({ widgets }),
    });
  }
}
