// validated config -> resolved plan: every default applied, every name and ARN
// derived, every cross-field rule checked. Pure: no I/O, same input same plan.
import { breakGlassUsageFilter, CIS_METRIC_FILTERS } from "../catalog/cis-metric-filters.js";
import { snapRetentionDays } from "../catalog/cloudwatch-retention.js";
import { DEFAULT_CHOICES } from "../catalog/engineering-choices.js";
import { AWS_REGIONS, GLOBAL_SERVICE_ACTIONS } from "../catalog/regions.js";
import { defaultFrameworks, FRAMEWORKS, type FrameworkId } from "../catalog/regulations.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { resolveCostAssumptions } from "../cost/resolve-cost-assumptions.js";
import { ConfigError } from "../model/errors.js";
import type { AlertTier, MetricAlarmPlan, ResolvedPlan, TopicPlan } from "../model/plan.js";
import { planAccess, planAccounts } from "./accounts.js";
import { planConfig } from "./config-plan.js";
import { checkQuotas } from "./quotas.js";
import { deepFreeze } from "./deep-freeze.js";
import { planForensics } from "./forensics.js";
import { planLifecycle } from "./lifecycle.js";
import { workspacesOnlyAccounts } from "./placement.js";
import { explain, numberInput, requireAtLeast } from "./retention.js";
import { checkAccess, checkAlerts, checkEvents, checkRegions, checkStorage, checkTopology } from "./rules.js";
import { planSuppressions } from "./suppressions.js";
import { resolveWorkspaces } from "./workspaces.js";

/** The CI roles' default names (output.planRoleName / applyRoleName); ci/README.md says how to create them. */
export const DEFAULT_PLAN_ROLE = "trailwright-plan";
export const DEFAULT_APPLY_ROLE = "trailwright-apply";

const DEFAULT_NAME = "audit";
const DEFAULT_BREAK_GLASS_ROLE = "BreakGlass";
const CONTROL_TOWER_LOG_GROUP = "aws-controltower/CloudTrailLogs";
const TIERS: readonly AlertTier[] = ["critical", "warning", "info"];

/**
 * Each address once, first spelling kept. Domains are case-insensitive and mail
 * systems treat local parts so in practice: Sec@x.com and sec@x.com are one
 * mailbox, one subscription (two would also collide as construct ids).
 */
function oneAddressPerMailbox(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function resolvePlan(cfg: TrailwrightConfig): ResolvedPlan {
  const frameworkIds = (cfg.frameworks ?? defaultFrameworks(cfg.jurisdiction, cfg.industry)) as FrameworkId[];
  const frameworks = [...new Set(frameworkIds)].map((id) => FRAMEWORKS[id]);
  const name = cfg.name ?? DEFAULT_NAME;
  const region = cfg.homeRegion;
  const allowedRegions = cfg.allowedRegions ?? [region];
  const organization = cfg.topology === "organization";

  checkTopology(cfg);
  checkRegions(cfg, allowedRegions);
  if (cfg.output?.mode === "module" && cfg.output.backend) {
    throw new ConfigError('output.backend is set, but output.mode is "module": a child module cannot choose where state is kept', {
      field: "output.backend",
      hint: 'remove output.backend (the root module that calls this one owns the backend), or set output.mode to "root"',
    });
  }

  checkAccess(cfg);
  const access = planAccess(cfg);
  const accounts = planAccounts(cfg, access);
  const mgmt = accounts.management.id;
  const archiveAccount = accounts.logArchive.id;

  // Retention: each number checked against the strictest selected framework.
  const { archiveDays, hotDays } = cfg.retention;
  const immediateDays = cfg.retention.immediateDays ?? DEFAULT_CHOICES.immediateDays.value;
  requireAtLeast(archiveDays, frameworks, "minArchiveDays", "retention.archiveDays");
  requireAtLeast(hotDays, frameworks, "minHotDays", "retention.hotDays");
  requireAtLeast(immediateDays, frameworks, "minImmediateDays", "retention.immediateDays");
  checkStorage(cfg, frameworks);
  if (immediateDays > archiveDays) {
    throw new ConfigError(`retention.immediateDays: ${immediateDays} days is longer than retention.archiveDays (${archiveDays})`, {
      field: "retention.immediateDays",
      hint: `set retention.immediateDays to at most ${archiveDays}`,
    });
  }
  const snappedHot = snapRetentionDays(hotDays);
  if (snappedHot === undefined) {
    throw new ConfigError(`retention.hotDays: ${hotDays} days is more than CloudWatch Logs' longest retention of 3653 days`, {
      field: "retention.hotDays",
      hint: "keep long-term evidence in the S3 archive (retention.archiveDays) and set retention.hotDays to at most 3653",
    });
  }

  const lock = cfg.storage.objectLock;
  const lockDays = lock.mode === "off" ? undefined : (lock.days ?? archiveDays);
  const lifecycleOn = cfg.storage.lifecycle ?? true;

  const bucketName = (purpose: string) => `${name}-${purpose}-${archiveAccount}-${region}`;
  const archiveName = bucketName("cloudtrail");
  const accessLogName = bucketName("access-logs");
  const configBucketName = bucketName("config");
  const estateBuckets = [archiveName, accessLogName, ...(cfg.config ? [configBucketName] : [])];
  checkEvents(cfg, estateBuckets);

  const breakGlassRoleName = cfg.guardrails?.breakGlassRoleName ?? DEFAULT_BREAK_GLASS_ROLE;
  const alarms: MetricAlarmPlan[] = [
    ...CIS_METRIC_FILTERS.filter((f) => organization || !f.organizationOnly),
    ...(cfg.alerts.breakGlass ? [breakGlassUsageFilter(breakGlassRoleName)] : []),
  ].map(({ organizationOnly: _unused, ...alarm }) => alarm);

  const emailsByTier: Record<AlertTier, readonly string[]> = {
    critical: cfg.alerts.critical ?? cfg.alerts.emails,
    warning: cfg.alerts.warning ?? cfg.alerts.emails,
    info: cfg.alerts.info ?? cfg.alerts.emails,
  };
  const workspaces = resolveWorkspaces(cfg, { name, homeRegion: region, allowedRegions, accounts, retentionDays: snappedHot, emailsByTier });
  const forensics = planForensics(cfg, { name, accounts, archiveName, allowedRegions, allRegions: AWS_REGIONS });
  // The management topics also serve WorkSpaces alarms there (trail filters, and the site in the home region).
  const workspacesTiers = workspaces ? [...workspaces.trailAlarms.map((a) => a.tier), ...workspaces.topics.map((t) => t.tier)] : [];
  // Delivery health pages the critical tier: a silent trail is evidence being lost.
  const deliveryHealthTier: AlertTier = "critical";
  const usedTiers = TIERS.filter((tier) => tier === deliveryHealthTier || alarms.some((a) => a.tier === tier) || workspacesTiers.includes(tier));
  checkAlerts(emailsByTier, usedTiers);
  const topics: TopicPlan[] = usedTiers.map((tier) => ({ tier, name: `${name}-alerts-${tier}`, emails: oneAddressPerMailbox(emailsByTier[tier]) }));

  const trailName = organization ? `${name}-org-trail` : `${name}-trail`;
  const logGroupName = cfg.controlTower ? CONTROL_TOWER_LOG_GROUP : `${name}-cloudtrail`;
  const readers = cfg.readers ?? (organization ? [`arn:aws:iam::${accounts.security.id}:role/${name}-log-reader`] : []);
  const presetId = cfg.preset;

  const plan: ResolvedPlan = {
    name,
    preset: presetId,
    jurisdiction: cfg.jurisdiction,
    industry: cfg.industry,
    frameworks: frameworks.map((f) => ({ id: f.id, name: f.name })),
    topology: cfg.topology,
    homeRegion: region,
    allowedRegions,
    residency: cfg.residency,
    organizationId: cfg.organizationId,
    accounts,
    controlTower: cfg.controlTower ?? false,
    access,
    trail: {
      name: trailName,
      arn: `arn:aws:cloudtrail:${region}:${mgmt}:trail/${trailName}`,
      isOrganizationTrail: organization,
      managementEvents: !cfg.controlTower,
      s3DataEvents:
        cfg.dataEvents.s3 === "named" ? { buckets: cfg.dataEvents.s3Buckets ?? [] } : cfg.dataEvents.s3,
      lambdaDataEvents: cfg.dataEvents.lambda ?? false,
      excludedBucketArns: estateBuckets.map((b) => `arn:aws:s3:::${b}/`),
      insights: cfg.insights,
      cloudWatchLogs: !cfg.controlTower,
    },
    key: {
      account: "security",
      alias: `alias/${name}-logs`,
      description: `${name} audit-logging key: CloudTrail log files, the archive and Config buckets`,
      rotationPeriodDays: cfg.kms?.rotationDays ?? DEFAULT_CHOICES.rotationDays.value,
      deletionWindowDays: DEFAULT_CHOICES.keyDeletionWindowDays.value,
      readerArns: readers,
    },
    monitoringKey: {
      account: "management",
      alias: `alias/${name}-monitoring`,
      description: `${name} monitoring key: the trail's CloudWatch log group and the alert topics`,
      rotationPeriodDays: cfg.kms?.rotationDays ?? DEFAULT_CHOICES.rotationDays.value,
      deletionWindowDays: DEFAULT_CHOICES.keyDeletionWindowDays.value,
      readerArns: [],
    },
    archive: {
      name: archiveName,
      arn: `arn:aws:s3:::${archiveName}`,
      objectLock: lockDays === undefined ? undefined : { mode: lock.mode as "GOVERNANCE" | "COMPLIANCE", days: lockDays },
      mfaDelete: cfg.storage.mfaDelete,
      lifecycle: lifecycleOn ? planLifecycle(archiveDays, immediateDays) : undefined,
    },
    accessLogs: {
      name: accessLogName,
      arn: `arn:aws:s3:::${accessLogName}`,
      expirationDays: DEFAULT_CHOICES.accessLogExpirationDays.value,
    },
    logGroup: {
      name: logGroupName,
      arn: `arn:aws:logs:${region}:${mgmt}:log-group:${logGroupName}`,
      managed: !cfg.controlTower,
      retentionDays: snappedHot,
    },
    alarms,
    alarmNamespace: "CISBenchmark",
    topics,
    config: cfg.config
      ? planConfig(cfg, {
          name,
          region,
          managementId: mgmt,
          bucketName: configBucketName,
          objectLock: lockDays !== undefined,
          hotDays: snappedHot,
          topics,
          resultsBucketInSecurity: forensics !== undefined,
          otherAlarmAccounts: workspacesOnlyAccounts(accounts, workspaces?.sites ?? []),
        })
      : undefined,
    guardrails: organization
      ? {
          breakGlassRoleName,
          regionDeny:
            // Under Control Tower its own Region deny control replaces ours (CT guidance: do not
            // deny Regions with your own SCPs; rules.ts rejects an explicit regionDeny there).
            cfg.residency && !cfg.controlTower && (cfg.guardrails?.regionDeny ?? true)
              ? { allowedRegions, exemptActions: GLOBAL_SERVICE_ACTIONS }
              : undefined,
        }
      : undefined,
    deliveryHealth: organization
      ? { silentMinutes: DEFAULT_CHOICES.deliverySilenceOrgMinutes.value, tier: deliveryHealthTier, reason: DEFAULT_CHOICES.deliverySilenceOrgMinutes.why }
      : { silentMinutes: DEFAULT_CHOICES.deliverySilenceAccountMinutes.value, tier: deliveryHealthTier, reason: DEFAULT_CHOICES.deliverySilenceAccountMinutes.why },
    dashboard: cfg.dashboard ?? false,
    workspaces,
    suppressions: [],
    retention: {
      archiveDays: explain(numberInput("archiveDays", archiveDays, archiveDays, cfg.reasons), frameworks, presetId),
      hotDays: {
        ...explain(numberInput("hotDays", hotDays, archiveDays, cfg.reasons), frameworks, presetId),
        value: snappedHot,
        ...(snappedHot !== hotDays ? { reason: `${hotDays} days snapped up to ${snappedHot}, the next retention CloudWatch Logs allows` } : {}),
      },
      immediateDays: explain(numberInput("immediateDays", immediateDays, archiveDays, cfg.reasons), frameworks, presetId),
      objectLockDays: lockDays === undefined ? undefined : explain(numberInput("objectLockDays", lockDays, archiveDays, cfg.reasons), frameworks, presetId),
    },
    tags: { "managed-by": "trailwright", "trailwright-estate": name, ...(cfg.tags ?? {}) },
    output: {
      format: cfg.output?.format ?? "hcl",
      mode: cfg.output?.mode ?? "root",
      callerDir: cfg.output?.callerDir ?? ".",
      planRoleName: cfg.output?.planRoleName ?? DEFAULT_PLAN_ROLE,
      applyRoleName: cfg.output?.applyRoleName ?? DEFAULT_APPLY_ROLE,
      pipelines: [...new Set(cfg.output?.pipelines ?? [])].sort(),
      backend: cfg.output?.backend ? { ...cfg.output.backend } : undefined,
    },
    cost: resolveCostAssumptions(cfg),
    forensics,
  };
  const complete = { ...plan, suppressions: planSuppressions(plan) };
  // Last: AWS quotas are measured on what the constructs will emit, so the plan must be whole.
  checkQuotas(complete);
  return deepFreeze(complete);
}
