// The `workspaces` config part -> WorkspacesPlan: sites (account x region), the
// filters and alarms each site gets, business hours. Pure; every failure is a
// ConfigError naming the field, the value and what to do.
import { DEFAULT_DEPLOY_ROLE } from "./accounts.js";
import { AWS_REGIONS } from "../catalog/regions.js";
import {
  FILTER_PATTERN_MAX_CHARS,
  LOGIN_FILTER,
  outsideNetworksFilter,
  WORKSPACES_NAMESPACE,
  WORKSPACES_NATIVE_ALARMS,
  WORKSPACES_TRAIL_FILTERS,
  workspacesMetricsQuery,
  type WorkspacesFilterEntry,
} from "../catalog/workspaces-monitoring.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { ConfigError } from "../model/errors.js";
import type {
  AccountRole,
  AccountPlan,
  AlertTier,
  DirectoryLogPlan,
  TopicPlan,
  WorkspacesFilterAlarmPlan,
  WorkspacesPlan,
  WorkspacesSitePlan,
} from "../model/plan.js";

export const DEFAULT_BUSINESS_HOURS = Object.freeze({ timeZone: "Europe/London", start: "07:00", end: "19:00", days: ["MON", "TUE", "WED", "THU", "FRI"] });

function fail(field: string, message: string, hint: string): never {
  throw new ConfigError(`${field}: ${message}`, { field, hint });
}

export interface WorkspacesContext {
  readonly name: string;
  readonly homeRegion: string;
  readonly allowedRegions: readonly string[];
  readonly accounts: Readonly<Record<AccountRole, AccountPlan>>;
  readonly retentionDays: number;
  readonly emailsByTier: Readonly<Record<AlertTier, readonly string[]>>;
}

/**
 * The role Terraform assumes in a WorkSpaces member account: the dedicated deploy role that
 * bootstrap/ creates there (src/plan/accounts.ts counts these accounts among its members).
 */
export function memberRoleArn(cfg: TrailwrightConfig, accountId: string): string {
  return `arn:aws:iam::${accountId}:role/${cfg.accounts.deployRoleName ?? DEFAULT_DEPLOY_ROLE}`;
}

function toFilterPlan(entry: WorkspacesFilterEntry): WorkspacesFilterAlarmPlan {
  return {
    id: entry.id,
    title: entry.title,
    pattern: entry.pattern,
    tier: entry.tier,
    metricName: entry.metricName,
    cis: undefined,
    securityHub: undefined,
    prowler: undefined,
    threshold: entry.threshold,
    periodSeconds: entry.periodSeconds,
    source: entry.source,
  };
}

function minutes(clock: string): number {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    fail("workspaces.businessHours.timeZone", `"${timeZone}" is not an IANA time zone`, "use a name such as Europe/London or America/New_York");
  }
  // EventBridge Scheduler takes IANA names (schedule_expression_timezone); offsets such as +01:00 are not zones.
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) {
    fail("workspaces.businessHours.timeZone", `"${timeZone}" is not an IANA time zone name`, "use a name such as Europe/London");
  }
}

function siteId(accountId: string, region: string): string {
  return `${accountId}_${region.replace(/-/g, "_")}`;
}

export function resolveWorkspaces(cfg: TrailwrightConfig, ctx: WorkspacesContext): WorkspacesPlan | undefined {
  const ws = cfg.workspaces;
  if (!ws?.enabled) return undefined;
  const identitySource = ws.identitySource;
  if (!identitySource) {
    fail(
      "workspaces.identitySource",
      "is required when workspaces.enabled is true: it decides where failed sign-ins can be seen",
      "set workspaces.identitySource to managed-ad, ad-connector, simple-ad, identity-center or saml",
    );
  }
  if (cfg.output?.mode === "module") {
    fail(
      "workspaces.enabled",
      'WorkSpaces monitoring deploys into each WorkSpaces account and region through providers of its own, which module mode (output.mode "module") cannot take from the caller yet',
      'set output.mode to "root", or workspaces.enabled to false',
    );
  }

  const management = ctx.accounts.management;
  const organization = cfg.topology === "organization";
  const accountIds = ws.accounts ?? (organization ? undefined : [management.id]);
  if (!accountIds) {
    fail("workspaces.accounts", "is required in an organization: the estate must know which member accounts run WorkSpaces", "list the account ids, e.g. --set workspaces.accounts=444444444444");
  }
  if (new Set(accountIds).size !== accountIds.length) fail("workspaces.accounts", "lists an account twice", "list each account once");
  if (!organization) {
    const other = accountIds.find((id) => id !== management.id);
    if (other) fail("workspaces.accounts", `${other} differs from accounts.management, but single-account topology keeps everything in one account`, "remove it, or set topology=organization");
  }

  const regions = ws.regions ?? [ctx.homeRegion];
  if (new Set(regions).size !== regions.length) fail("workspaces.regions", "lists a region twice", "list each region once");
  for (const region of regions) {
    if (!AWS_REGIONS.includes(region)) fail("workspaces.regions", `"${region}" is not an AWS region`, "use region codes such as eu-west-2");
    if (!ctx.allowedRegions.includes(region)) {
      fail("workspaces.regions", `${region} is not in allowedRegions (${ctx.allowedRegions.join(", ")})`, `add ${region} to allowedRegions, or remove it from workspaces.regions`);
    }
  }

  const hours = {
    timeZone: ws.businessHours?.timeZone ?? DEFAULT_BUSINESS_HOURS.timeZone,
    start: ws.businessHours?.start ?? DEFAULT_BUSINESS_HOURS.start,
    end: ws.businessHours?.end ?? DEFAULT_BUSINESS_HOURS.end,
    days: [...new Set(ws.businessHours?.days ?? DEFAULT_BUSINESS_HOURS.days)],
  };
  // Only a zone the user gave: ICU's first DateTimeFormat costs 20-30 ms, too much to re-check our own default every run.
  if (ws.businessHours?.timeZone !== undefined) checkTimeZone(hours.timeZone);
  if (minutes(hours.start) >= minutes(hours.end)) {
    fail("workspaces.businessHours.end", `${hours.end} is not after the start, ${hours.start}`, "give business hours within one day, e.g. start 07:00 and end 19:00");
  }

  const allowedNetworks = [...new Set(ws.allowedNetworks ?? [])];
  const accessFilters: WorkspacesFilterEntry[] = [];
  if (allowedNetworks.length > 0) {
    const outside = outsideNetworksFilter(allowedNetworks);
    if (outside.pattern.length > FILTER_PATTERN_MAX_CHARS) {
      fail(
        "workspaces.allowedNetworks",
        `${allowedNetworks.length} prefixes make a metric filter pattern of ${outside.pattern.length} characters; CloudWatch allows ${FILTER_PATTERN_MAX_CHARS}`,
        "merge neighbouring networks into wider prefixes (e.g. one /16 instead of several /24s)",
      );
    }
    accessFilters.push(outside);
  }

  const sites: WorkspacesSitePlan[] = [];
  for (const accountId of accountIds) {
    for (const region of regions) {
      const isManagement = accountId === management.id;
      const isManagementHome = isManagement && region === ctx.homeRegion;
      const id = siteId(accountId, region);
      const logGroupName = `/aws/events/${ctx.name}-workspaces-access`;
      const ruleName = `${ctx.name}-workspaces-access`;
      const afterHoursAlarmName = `${ctx.name}-ws-after-hours-login`;
      sites.push({
        id,
        accountId,
        region,
        isManagementHome,
        providerAlias: isManagementHome ? management.providerAlias : `ws_${id}`,
        assumeRoleArn: isManagement ? management.assumeRoleArn : memberRoleArn(cfg, accountId),
        keyAlias: `alias/${ctx.name}-workspaces`,
        logGroupName,
        logGroupArn: `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`,
        ruleName,
        ruleArn: `arn:aws:events:${region}:${accountId}:rule/${ruleName}`,
        alarmNamePrefix: `${ctx.name}-`,
        afterHoursAlarmName,
        afterHoursAlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${afterHoursAlarmName}`,
        schedulerRoleName: `${ctx.name}-ws-after-hours-${region}`,
        dashboardName: `${ctx.name}-workspaces-${region}`,
        directories: [],
      });
    }
  }
  placeDirectories(ws.directories ?? [], identitySource, sites);

  const afterHoursTier = ws.afterHoursTier ?? "warning";
  const nativeAlarms = WORKSPACES_NATIVE_ALARMS.map((a) => ({
    id: a.id,
    title: a.title,
    description: a.description,
    tier: a.tier,
    query: workspacesMetricsQuery(a.statistic, a.metric),
    comparison: a.comparison,
    threshold: a.threshold,
    periodSeconds: a.periodSeconds,
    evaluationPeriods: a.evaluationPeriods,
  }));
  const siteTiers = new Set<AlertTier>([afterHoursTier, "warning", ...accessFilters.map((f) => f.tier), ...nativeAlarms.map((a) => a.tier)]);
  const topics: TopicPlan[] = (["critical", "warning", "info"] as const)
    .filter((tier) => siteTiers.has(tier))
    .map((tier) => ({ tier, name: `${ctx.name}-ws-alerts-${tier}`, emails: [...ctx.emailsByTier[tier]] }));

  return {
    identitySource,
    sites,
    trailAlarms: WORKSPACES_TRAIL_FILTERS.filter((f) => !f.identitySources || f.identitySources.includes(identitySource)).map(toFilterPlan),
    accessAlarms: accessFilters.map(toFilterPlan),
    loginFilter: { pattern: LOGIN_FILTER.pattern, metricName: LOGIN_FILTER.metricName },
    nativeAlarms,
    namespace: WORKSPACES_NAMESPACE,
    allowedNetworks,
    businessHours: hours,
    afterHoursTier,
    retentionDays: ctx.retentionDays,
    topics,
  };
}

/**
 * Managed AD log forwarding is configured per directory, in the directory's
 * own account and region (Directory Service admin guide, "Enable log
 * forwarding"). Other identity sources have nothing to forward.
 */
function placeDirectories(
  directories: NonNullable<NonNullable<TrailwrightConfig["workspaces"]>["directories"]>,
  identitySource: string,
  sites: WorkspacesSitePlan[],
): void {
  if (identitySource !== "managed-ad") {
    if (directories.length > 0) {
      fail("workspaces.directories", `only AWS Managed Microsoft AD forwards directory logs, and identitySource is ${identitySource}`, "remove workspaces.directories, or set workspaces.identitySource=managed-ad");
    }
    return;
  }
  if (directories.length === 0) {
    fail(
      "workspaces.directories",
      "is empty, but identitySource is managed-ad: failed logons are visible only through the directory's log forwarding, which needs the directory id",
      'list the directories, e.g. "directories": [{ "id": "d-1234567890" }] (account and region default to the only WorkSpaces account and region)',
    );
  }
  const accounts = [...new Set(sites.map((s) => s.accountId))];
  const regions = [...new Set(sites.map((s) => s.region))];
  const seen = new Set<string>();
  directories.forEach((d, i) => {
    const field = `workspaces.directories[${i}]`;
    if (seen.has(d.id)) fail(`${field}.id`, `${d.id} is listed twice`, "list each directory once");
    seen.add(d.id);
    const account = d.account ?? (accounts.length === 1 ? accounts[0] : undefined);
    const region = d.region ?? (regions.length === 1 ? regions[0] : undefined);
    if (!account) fail(`${field}.account`, `is needed: WorkSpaces run in ${accounts.length} accounts`, `set the account that owns ${d.id}`);
    if (!region) fail(`${field}.region`, `is needed: WorkSpaces run in ${regions.length} regions`, `set the region of ${d.id}`);
    const index = sites.findIndex((s) => s.accountId === account && s.region === region);
    if (index < 0) fail(field, `${d.id} is in ${account} ${region}, which is not a WorkSpaces account and region`, "add them to workspaces.accounts and workspaces.regions, or correct the directory's account and region");
    const site = sites[index]!;
    const logGroupName = `/aws/directoryservice/${d.id}`;
    const entry: DirectoryLogPlan = { directoryId: d.id, logGroupName, logGroupArn: `arn:aws:logs:${site.region}:${site.accountId}:log-group:${logGroupName}` };
    sites[index] = { ...site, directories: [...site.directories, entry] };
  });
}
