// Adds WorkSpaces user activity monitoring to the estate stack: the trail-group
// alarms in the management account and one WorkspacesSite per account and
// region that runs WorkSpaces, each through a provider for that account and region.
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import type { ReadableStack } from "../constructs/readable-stack.js";
import { AlertTopics } from "../constructs/alert-topics.js";
import { WorkspacesSite } from "../constructs/workspaces/site.js";
import { WorkspacesSiteKey } from "../constructs/workspaces/site-key.js";
import { WorkspacesTrailAlarms } from "../constructs/workspaces/trail-alarms.js";
import type { AlertTier, ResolvedPlan, WorkspacesSitePlan } from "../model/plan.js";

/** Construct-id prefix of everything WorkSpaces: the first word of its Terraform addresses. */
export const WORKSPACES_COMPONENT = "workspaces";

export interface ManagementSide {
  readonly provider: TerraformProvider;
  /** The management account's key (log groups and topics there). */
  readonly kmsKeyArn: string;
  readonly trailLogGroupName: string;
  readonly topicArnByTier: Readonly<Partial<Record<AlertTier, string>>>;
}

/**
 * The provider for a site outside the management account's home region: its
 * own region, the site's account pinned, and the role that reaches a member
 * account (plan.ts WorkspacesSitePlan.assumeRoleArn, from memberRoleArn). In a
 * root module that role goes through the member_role_name variable, like every
 * member account's (src/synth/member-role.ts), so a CI plan stays read-only there too.
 */
export function workspacesProvider(stack: ReadableStack, site: WorkspacesSitePlan, plan: ResolvedPlan, memberRole?: (accountId: string) => string): AwsProvider {
  const member = site.accountId !== plan.accounts.management.id;
  const roleArn = site.assumeRoleArn && member && memberRole ? memberRole(site.accountId) : site.assumeRoleArn;
  return new AwsProvider(stack, `provider_${site.providerAlias}`, {
    region: site.region,
    alias: site.providerAlias,
    ...(roleArn ? { assumeRole: [{ roleArn, sessionName: "trailwright" }] } : {}),
    allowedAccountIds: [site.accountId],
    defaultTags: [{ tags: { ...plan.tags } }],
  });
}

export function addWorkspaces(stack: ReadableStack, plan: ResolvedPlan, mgmt: ManagementSide, memberRole?: (accountId: string) => string): void {
  const ws = plan.workspaces;
  if (!ws) return;
  // One parent construct: every address still starts with `workspaces_`, and the file layout
  // (src/synth/file-layout.ts) can place WorkSpaces blocks by type under one construct id.
  const root = new Construct(stack, WORKSPACES_COMPONENT);
  const trailAlarms = new WorkspacesTrailAlarms(root, "trail", {
    plan,
    logGroupName: mgmt.trailLogGroupName,
    topicArnByTier: mgmt.topicArnByTier,
    provider: mgmt.provider,
  });
  const signin = ws.trailAlarms.find((a) => a.id === "ws-signin-failures");
  for (const site of ws.sites) {
    const id = site.id;
    if (site.isManagementHome) {
      // Same account and region as the trail: the management key and topics serve it.
      new WorkspacesSite(root, id, {
        plan,
        site,
        kmsKeyArn: mgmt.kmsKeyArn,
        topicArnByTier: mgmt.topicArnByTier,
        extraAlarmNames: trailAlarms.alarmNames,
        ...(signin ? { signinFailureMetric: signin.metricName } : {}),
        provider: mgmt.provider,
      });
      continue;
    }
    const provider = workspacesProvider(stack, site, plan, memberRole);
    const key = new WorkspacesSiteKey(root, `${id}_key`, {
      site,
      rotationPeriodDays: plan.key.rotationPeriodDays,
      deletionWindowDays: plan.key.deletionWindowDays,
      provider,
    });
    const topics = new AlertTopics(root, `${id}_alerts`, {
      plan,
      kmsKeyArn: key.keyArn,
      topics: ws.topics,
      accountId: site.accountId,
      region: site.region,
      provider,
    });
    new WorkspacesSite(root, id, { plan, site, kmsKeyArn: key.keyArn, topicArnByTier: topics.topicArnByTier, provider });
  }
}
