// The monthly cost of WorkSpaces monitoring, from the plan and the price table.
// Only what the Terraform creates is priced; what depends on activity the
// estate cannot know (logins, Managed AD security events) is said, not guessed.
import type { ResolvedPlan } from "../model/plan.js";
import type { PriceTable } from "./price-table.js";
import { unitPrice } from "./format-numbers.js";

export interface WorkspacesCostLine {
  readonly component: string;
  readonly monthlyUsd: number;
  readonly formula: string;
}

export function workspacesCostLines(plan: ResolvedPlan, p: PriceTable): WorkspacesCostLine[] {
  const ws = plan.workspaces;
  if (!ws) return [];
  const sites = ws.sites.length;
  const perSite = ws.accessAlarms.length + ws.nativeAlarms.length + 2;
  const alarms = ws.trailAlarms.length + sites * perSite;
  const ownKeys = ws.sites.filter((s) => !s.isManagementHome).length;
  const lines: WorkspacesCostLine[] = [
    {
      component: "WorkSpaces alarms",
      monthlyUsd: alarms * p.cloudWatch.standardAlarm.usd,
      formula: `${ws.trailAlarms.length} on the trail's log group + ${sites} site${sites === 1 ? "" : "s"} x ${perSite} = ${alarms} alarms x ${unitPrice(p.cloudWatch.standardAlarm.usd)} per alarm-month (the ${ws.nativeAlarms.length} Metrics Insights alarms per site are billed per metric their query reads: one per directory)`,
    },
    {
      component: "WorkSpaces dashboards",
      monthlyUsd: sites * p.cloudWatch.dashboard.usd,
      formula: `${sites} dashboard${sites === 1 ? "" : "s"} x ${unitPrice(p.cloudWatch.dashboard.usd)} per month`,
    },
  ];
  if (ownKeys > 0) {
    lines.push({
      component: "WorkSpaces KMS keys",
      monthlyUsd: ownKeys * p.kms.keyMonth.usd,
      formula: `${ownKeys} key${ownKeys === 1 ? "" : "s"} (WorkSpaces accounts and regions away from the management account's home region) x ${unitPrice(p.kms.keyMonth.usd)} a month`,
    });
  }
  return lines;
}

/** What the WorkSpaces estimate leaves out, and how to size it. */
export function workspacesNotIncluded(plan: ResolvedPlan, p: PriceTable): string[] {
  const ws = plan.workspaces;
  if (!ws) return [];
  const out = [
    `WorkSpaces login events: about 0.7 KB each at ${unitPrice(p.cloudWatch.logsIngestion.usd)} per GB ingested, so 10,000 logins a month cost well under $0.01; EventBridge rules and targets for AWS service events are free.`,
  ];
  if (ws.sites.some((s) => s.directories.length > 0)) {
    out.push("AWS Managed Microsoft AD log forwarding: every security event of the directory's domain controllers is ingested into CloudWatch Logs, usually the largest WorkSpaces cost; measure a day's volume after enabling it.");
  }
  return out;
}
