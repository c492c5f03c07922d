// What the estate README and COMPLIANCE.md say about WorkSpaces monitoring:
// what the source guide asks, what AWS provides, and what this estate does,
// from the plan and the real address list. Facts and their sources are in
// shared/reference/workspaces.md; nothing here claims a record AWS does not
// emit or a resource the Terraform does not contain.
import type { ResolvedPlan, WorkspacesIdentitySource, WorkspacesPlan } from "../model/plan.js";
import type { AddressIndex } from "./address-index.js";
import { cell, code } from "./markdown.js";

const IDENTITY_NAMES: Readonly<Record<WorkspacesIdentitySource, string>> = {
  "managed-ad": "AWS Managed Microsoft AD",
  "ad-connector": "AD Connector",
  "simple-ad": "Simple AD",
  "identity-center": "IAM Identity Center",
  saml: "a SAML 2.0 identity provider",
};

function sitesText(ws: WorkspacesPlan): string {
  return ws.sites.map((s) => `${s.accountId} ${s.region}`).join(", ");
}

/** Where failed sign-ins can be seen for this identity source, and what the estate does about it. */
export function failedSigninText(plan: ResolvedPlan, ws: WorkspacesPlan): string {
  switch (ws.identitySource) {
    case "managed-ad": {
      const dirs = ws.sites.flatMap((s) => s.directories.map((d) => `${code(d.directoryId)} to ${code(d.logGroupName)} (${s.accountId} ${s.region})`));
      return `AWS Managed Microsoft AD audits credential validation, logon and account lockout, success and failure, in its domain controllers' security log. The estate forwards ${dirs.join(", ")} with Directory Service log forwarding, and the dashboard counts forwarded records that mention event 4625 (failed logon) or 4740 (lockout), as a text search. **No alarm on failed logons yet:** capture the record a failed WorkSpaces password produces in your directory, then add a metric filter on that log group for its exact text; a pattern guessed without a captured record could stay silent.`;
    }
    case "ad-connector":
      return "**Not recorded in AWS.** AD Connector has no built-in logging of invalid password attempts; failed logons exist only in your on-premises domain controllers' security logs (event 4625, lockouts 4740). Collect them there, with Windows Event Forwarding or the CloudWatch agent on the domain controllers, and alarm on them in your own monitoring. This estate cannot see them.";
    case "simple-ad":
      return "**Not recorded anywhere AWS exposes.** Simple AD keeps no failed-logon record you can read, and Directory Service log forwarding exists for AWS Managed Microsoft AD only. Nothing in this estate can alarm on failed WorkSpaces logons; if you need that control, move the directory to AWS Managed Microsoft AD or the users to IAM Identity Center.";
    case "identity-center":
      return `IAM Identity Center records failed sign-ins in CloudTrail (\`signin.amazonaws.com\` \`CredentialVerification\` with a Failure outcome). The alarm ${code(`${plan.name}-ws-signin-failures`)} fires at 5 or more in 5 minutes (warning) on the trail's log group.`;
    case "saml":
      return "**Not recorded in AWS.** With a SAML 2.0 identity provider a wrong password never reaches AWS: failed sign-ins stay in the provider's own logs. Alarm on them there (most providers can stream sign-in logs to a SIEM). The estate sees only the logins that succeed.";
  }
}

/** The table the issue asks for: what the guide asks, what AWS provides, what this estate does. */
export function guideRows(plan: ResolvedPlan, ws: WorkspacesPlan) {
  const days = ws.retentionDays;
  const hours = ws.businessHours;
  const networks =
    ws.allowedNetworks.length > 0
      ? `A critical alarm on any login from outside ${ws.allowedNetworks.map((n) => code(n)).join(", ")}.`
      : "No allowed networks were given (`workspaces.allowedNetworks`), so nothing alarms on location yet.";
  const rows = [
    {
      ask: "A record of who logged in and when (CloudTrail login and logoff events)",
      aws: "No CloudTrail login or logoff event exists. EventBridge emits a best-effort `WorkSpaces Access` event for each successful login: client IP, client product and version, platform, login time, directory and WorkSpace id; no user name, no failures, no logoff. `UserConnected` and `SessionDisconnect` metrics show presence at about 5-minute resolution.",
      estate: `Every login event is written to ${code(ws.sites[0]!.logGroupName)} in each WorkSpaces account and region (${sitesText(ws)}), kept ${days} days, encrypted with a customer-managed key, counted as the \`${ws.loginFilter.metricName}\` metric. Look the user up from the WorkSpace id (\`aws workspaces describe-workspaces\`). WorkSpaces on DCV need client 4.0.1 or later to send the event.`,
    },
    {
      ask: "Alerts on multiple failed logins",
      aws: "WorkSpaces itself records no failed login. Where a failure is visible depends on the identity source.",
      estate: `${IDENTITY_NAMES[ws.identitySource]}: ${failedSigninText(plan, ws)}`,
    },
    {
      ask: "Logins from unusual locations (geolocation)",
      aws: "No WorkSpaces record carries a location. The client's public IP is in the login event. IP access control groups can refuse other networks; CloudWatch Internet Monitor gives city and network aggregates, not per-login data.",
      estate: `${networks} The estate does not create or attach IP access control groups (it does not own your WorkSpaces directories); the network-access alarm watches for changes to them.`,
    },
    {
      ask: "IP address changes per user",
      aws: "Each login carries the client IP; there is no change event.",
      estate: `The dashboard lists the source IPs seen per WorkSpace (Logs Insights), and the saved query ${code(`${plan.name}/workspaces/source-ips-per-workspace`)} runs the same table over any period; a second IP for a WorkSpace shows as a second row.`,
    },
    {
      ask: "After-hours access",
      aws: "Metric filters cannot test the time of day.",
      estate: `An alarm on any login (tier ${ws.afterHoursTier}) whose actions EventBridge Scheduler enables at ${hours.end} and disables at ${hours.start} (${hours.days.join(",")}, ${hours.timeZone}), so it notifies only outside business hours; a Logs Insights table of logins outside those hours (in UTC) on the dashboard and as the saved query ${code(`${plan.name}/workspaces/after-hours-logins`)}.`,
    },
    {
      ask: "Changes to access policies, directories, IP groups, bundles and images; provisioning, rebuilds and terminations",
      aws: "Every WorkSpaces API call, console included, is a CloudTrail management event.",
      estate: `Metric filters on the trail's log group with alarms: ${ws.trailAlarms.filter((a) => a.id !== "ws-signin-failures").map((a) => `${a.title} (${a.tier})`).join("; ")}.`,
    },
    {
      ask: "WorkSpaces health and session problems",
      aws: "`AWS/WorkSpaces` metrics: `Unhealthy`, connection attempts, successes and failures, session launch time, in-session latency, trusted-device validation. `ConnectionFailure` counts sessions that failed to connect after the user had already authenticated: it is not a failed password.",
      estate: `Alarms per WorkSpaces account and region over all its directories: ${ws.nativeAlarms.map((a) => `${a.title} (${a.tier})`).join("; ")}.`,
    },
    {
      ask: "A dedicated log group for WorkSpaces activity",
      aws: "Available: an EventBridge rule can target a CloudWatch Logs group.",
      estate: `${code(ws.sites[0]!.logGroupName)}, with a resource policy for \`events.amazonaws.com\` (this rule only) and \`delivery.logs.amazonaws.com\` (this account only), and an alarm if EventBridge fails to deliver to it.`,
    },
    {
      ask: "An executive dashboard",
      aws: "CloudWatch dashboards, with Logs Insights widgets.",
      estate: `${ws.sites.map((s) => code(s.dashboardName)).filter((n, i, all) => all.indexOf(n) === i).join(", ")} in each WorkSpaces account: logins per hour, connection success versus failure, health and users connected, session launch time and latency, logins by client, source IPs per WorkSpace, after-hours logins, failed sign-ins where recorded, and the alarms' state.`,
    },
  ];
  return rows.map((r) => ({ ask: cell(r.ask), aws: cell(r.aws), estate: cell(r.estate) }));
}

/** Limits a reader must know before relying on the WorkSpaces alarms. */
export function workspacesLimits(plan: ResolvedPlan, ws: WorkspacesPlan): string[] {
  const withoutConfig = plan.config?.alarmAccountsWithoutConfig ?? [];
  return [
    ...(withoutConfig.length > 0
      ? [
          `AWS Config does not evaluate the alarms in ${withoutConfig.map((id) => code(id)).join(", ")}: the estate creates no recorder or rule there, so \`cloudwatch-alarm-action-check\` covers only the alarms in the estate's own accounts. Where such an account records already (Control Tower, Security Hub), deploy that rule there with the site's topic ARNs as \`action1\`.`,
        ]
      : []),
    "EventBridge delivers `WorkSpaces Access` events on a best-effort basis: the login record can miss a login. The delivery-failure alarm catches rejected deliveries, not events AWS never sent.",
    `The after-hours alarm starts with its actions off: the first ${ws.businessHours.end} schedule turns them on. A login shortly before ${ws.businessHours.end} can leave the alarm in ALARM when its actions are enabled, and it notifies only on its next change of state.`,
    "Scanners that require alarm actions to be enabled (Security Hub CloudWatch.17, Prowler `cloudwatch_alarm_actions_enabled`, AWS Config `cloudwatch-alarm-action-enabled-check`) report the after-hours alarm as failing during business hours, when its actions are off by design.",
    "Allowed networks are matched as whole octets (`/8`, `/16`, `/24`, `/32`): CloudWatch filter patterns have no CIDR operator.",
    "WorkSpaces Pools: the `WorkSpaces Access` event is documented for WorkSpaces Personal; whether pools send it is not documented.",
    "CloudWatch Logs allows 10 resource policies per account and region; the estate uses one per WorkSpaces account and region (two with Managed AD forwarding).",
  ];
}

export function workspacesReadme(plan: ResolvedPlan) {
  const ws = plan.workspaces;
  if (!ws) return false as const;
  return {
    identity: IDENTITY_NAMES[ws.identitySource],
    failedSignins: failedSigninText(plan, ws),
    rows: guideRows(plan, ws),
    limits: workspacesLimits(plan, ws),
  };
}

/** COMPLIANCE.md: each WorkSpaces alarm with its tier, where it lives and its Terraform address. */
export function workspacesAlarmRows(plan: ResolvedPlan, index: AddressIndex) {
  const ws = plan.workspaces;
  if (!ws) return [];
  const address = (type: string, name: string) => {
    const found = index.select({ type, component: "workspaces", nameIncludes: `_${name}_` });
    if (found.length === 0) throw new Error(`COMPLIANCE.md: no ${type} named *${name}* in the WorkSpaces Terraform`);
    return found.map((a) => code(a, true)).join(", ");
  };
  const rows = ws.trailAlarms.map((a) => ({
    title: cell(a.title),
    tier: a.tier,
    where: "management account, trail log group",
    trigger: cell(`${a.threshold === 1 ? "1 or more" : `${a.threshold} or more`} matches in ${a.periodSeconds / 60} minutes`),
    terraform: address("aws_cloudwatch_metric_alarm", `trail_${a.id.replace(/-/g, "_")}`),
  }));
  const siteRows = [
    ...ws.accessAlarms.map((a) => ({ title: a.title, tier: a.tier, trigger: "1 or more in 5 minutes", name: a.id.replace(/-/g, "_") })),
    { title: "WorkSpaces Access events not delivered to the log group", tier: "warning", trigger: "EventBridge FailedInvocations 1 or more in 5 minutes", name: "delivery_failures" },
    { title: "WorkSpaces login outside business hours", tier: ws.afterHoursTier, trigger: `1 or more logins in 5 minutes, actions on ${ws.businessHours.end}-${ws.businessHours.start} ${ws.businessHours.timeZone}`, name: "after_hours" },
    ...ws.nativeAlarms.map((a) => ({ title: a.title, tier: a.tier, trigger: a.description, name: a.id.replace(/-/g, "_") })),
  ];
  for (const r of siteRows) {
    rows.push({
      title: cell(r.title),
      tier: r.tier as (typeof rows)[number]["tier"],
      where: "each WorkSpaces account and region",
      trigger: cell(r.trigger),
      terraform: address("aws_cloudwatch_metric_alarm", r.name),
    });
  }
  return rows;
}

export function workspacesCompliance(plan: ResolvedPlan, index: AddressIndex) {
  const ws = plan.workspaces;
  if (!ws) return false as const;
  return {
    rows: guideRows(plan, ws),
    alarms: workspacesAlarmRows(plan, index),
    limits: workspacesLimits(plan, ws),
  };
}

/** README component rows: the trail-group alarms in management, then one row per site. */
export function workspacesComponents(plan: ResolvedPlan): { what: string; where: string; why: string }[] {
  const ws = plan.workspaces;
  if (!ws) return [];
  const mgmt = plan.accounts.management.id;
  const rows = [
    {
      what: `${ws.trailAlarms.length} WorkSpaces metric filters and alarms`,
      where: plan.topology === "organization" ? `management account ${mgmt}` : `account ${mgmt}`,
      why: "Alert on WorkSpaces administrator actions the trail records in every account: access, network, image and bundle changes, terminations and rebuilds, provisioning" + (ws.identitySource === "identity-center" ? ", and bursts of failed IAM Identity Center sign-ins." : "."),
    },
  ];
  for (const site of ws.sites) {
    rows.push({
      what: `WorkSpaces login monitoring: EventBridge rule ${code(site.ruleName, true)}, log group ${code(site.logGroupName, true)}, ${ws.accessAlarms.length + ws.nativeAlarms.length + 2} alarms, after-hours schedules, dashboard ${code(site.dashboardName, true)}${site.directories.length > 0 ? `, forwarding of ${site.directories.map((d) => code(d.directoryId, true)).join(", ")}` : ""}${site.isManagementHome ? "" : ", with its own KMS key and alert topics"}`,
      where: `account ${site.accountId}, ${site.region}`,
      why: "Records each successful WorkSpaces login where AWS delivers the event (the account and region of the WorkSpace), and alarms on logins from outside the allowed networks or after hours, on undelivered events and on WorkSpaces health.",
    });
  }
  return rows;
}

/** What must be true before apply for the WorkSpaces part. */
export function workspacesPrerequisites(plan: ResolvedPlan): string[] {
  const ws = plan.workspaces;
  if (!ws) return [];
  const out: string[] = [];
  const members = [...new Set(ws.sites.filter((s) => s.accountId !== plan.accounts.management.id).map((s) => s.accountId))];
  if (members.length > 0) {
    const roles = [...new Set(ws.sites.filter((s) => members.includes(s.accountId)).map((s) => s.assumeRoleArn!))];
    out.push(
      `**WorkSpaces accounts** ${members.join(", ")} are reached through ${roles.map((r) => code(r)).join(", ")}, which \`bootstrap/\` creates there with the other member accounts. Each WorkSpaces provider refuses to run against any other account.`,
    );
  }
  const dirs = ws.sites.flatMap((s) => s.directories);
  if (dirs.length > 0) {
    out.push(`**AWS Managed Microsoft AD directories** ${dirs.map((d) => code(d.directoryId)).join(", ")} exist in the accounts and regions named in \`workspaces.directories\`, and have no log forwarding configured yet (a directory forwards to one log group).`);
  }
  out.push("**WorkSpaces clients** are recent enough to send login events: DCV WorkSpaces need client 4.0.1 or later.");
  return out;
}
