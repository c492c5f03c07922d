import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { AlertTier, ResolvedPlan } from "../../model/plan.js";
import { alarmConstructId } from "../cis-alarms.js";
import { FilterAlarm } from "./filter-alarm.js";

export interface WorkspacesTrailAlarmsProps {
  /** Reads `workspaces.trailAlarms`, `workspaces.namespace`, `name`. */
  readonly plan: ResolvedPlan;
  /** The trail's log group (TrailLogGroup.logGroupName). WorkSpaces API calls arrive there with every other management event: no new ingestion. */
  readonly logGroupName: string;
  readonly topicArnByTier: Readonly<Partial<Record<AlertTier, string>>>;
  /** Management account provider (the trail's group lives there). */
  readonly provider?: TerraformProvider;
}

/** WorkSpaces administrator actions (and Identity Center sign-in failures) alarmed from the trail's log group. */
export class WorkspacesTrailAlarms extends Construct {
  public readonly items: readonly FilterAlarm[];
  /** Alarm names, in plan order. */
  public readonly alarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: WorkspacesTrailAlarmsProps) {
    super(scope, id);
    const ws = props.plan.workspaces;
    if (!ws) throw new Error("WorkspacesTrailAlarms: plan.workspaces is undefined; create this construct only when WorkSpaces monitoring is on");
    this.items = ws.trailAlarms.map((item) => {
      const topicArn = props.topicArnByTier[item.tier];
      if (!topicArn) throw new Error(`WorkspacesTrailAlarms: "${item.id}" goes to the ${item.tier} tier, which has no topic`);
      return new FilterAlarm(this, alarmConstructId(item.id), {
        item,
        logGroupName: props.logGroupName,
        namespace: ws.namespace,
        name: `${props.plan.name}-${item.id}`,
        topicArn,
        provider: props.provider,
      });
    });
    this.alarmNames = ws.trailAlarms.map((item) => `${props.plan.name}-${item.id}`);
  }
}
