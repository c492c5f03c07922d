// Rules that span several fields. Each failure says what conflicts, why (the
// AWS behaviour or regulation behind it) and what to change.
import type { Framework } from "../catalog/regulations.js";
import { AWS_REGIONS, JURISDICTION_NAMES, RESIDENCY_REGIONS, type Jurisdiction } from "../catalog/regions.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { ConfigError } from "../model/errors.js";

function fail(field: string, message: string, hint: string): never {
  throw new ConfigError(`${field}: ${message}`, { field, hint });
}

export function checkRegions(cfg: TrailwrightConfig, allowedRegions: readonly string[]): void {
  if (!AWS_REGIONS.includes(cfg.homeRegion)) {
    fail("homeRegion", `"${cfg.homeRegion}" is not an AWS region`, "use a region code such as eu-west-2");
  }
  for (const region of allowedRegions) {
    if (!AWS_REGIONS.includes(region)) fail("allowedRegions", `"${region}" is not an AWS region`, "use region codes such as eu-west-2");
  }
  checkResidency(cfg, allowedRegions);
  if (!allowedRegions.includes(cfg.homeRegion)) {
    fail("allowedRegions", `does not include the home region ${cfg.homeRegion}`, `add ${cfg.homeRegion} to allowedRegions`);
  }
}

function checkResidency(cfg: TrailwrightConfig, allowedRegions: readonly string[]): void {
  if (!cfg.residency) return;
  const jurisdiction = cfg.jurisdiction as Jurisdiction;
  const inside = RESIDENCY_REGIONS[jurisdiction];
  const where = JURISDICTION_NAMES[jurisdiction];
  if (!inside.includes(cfg.homeRegion)) {
    fail(
      "homeRegion",
      `"${cfg.homeRegion}" is outside the ${where}, and residency is on`,
      `set homeRegion to ${inside.length === 1 ? inside[0] : `one of ${inside.join(", ")}`}, or residency=false if logs may leave the ${where}`,
    );
  }
  const outside = allowedRegions.filter((r) => !inside.includes(r));
  if (outside.length > 0) {
    fail("allowedRegions", `${outside.join(", ")} ${outside.length > 1 ? "are" : "is"} outside the ${where}, and residency is on`, `allow only ${inside.join(", ")}, or set residency=false`);
  }
}

export function checkTopology(cfg: TrailwrightConfig): void {
  const { management, logArchive, security } = cfg.accounts;
  if (cfg.topology === "organization") {
    if (!cfg.organizationId) fail("organizationId", "is required for organization topology", "set organizationId (e.g. o-a1b2c3d4e5), found in the Organizations console");
    if (!logArchive) fail("accounts.logArchive", "is required for organization topology", "set accounts.logArchive to the log-archive account id");
    if (!security) fail("accounts.security", "is required for organization topology", "set accounts.security to the security (audit) account id");
    if (logArchive === management) {
      fail("accounts.logArchive", "is the management account; an organization keeps its evidence in a separate log-archive account", "give a different account, or use topology=single-account");
    }
    return;
  }
  for (const [key, id] of [["logArchive", logArchive], ["security", security]] as const) {
    if (id && id !== management) {
      fail(`accounts.${key}`, `${id} differs from accounts.management, but single-account topology keeps everything in one account`, `remove accounts.${key}, or set topology=organization`);
    }
  }
  if (cfg.organizationId) fail("organizationId", "is only used with organization topology", "remove organizationId, or set topology=organization");
  if (cfg.controlTower) fail("controlTower", "Control Tower implies an organization", "set topology=organization, or controlTower=false");
  if (cfg.guardrails) fail("guardrails", "SCPs need an organization", "remove guardrails, or set topology=organization");
}

export function checkStorage(cfg: TrailwrightConfig, frameworks: readonly Framework[]): void {
  const lifecycle = cfg.storage.lifecycle ?? true;
  if (cfg.storage.mfaDelete && lifecycle) {
    fail(
      "storage.mfaDelete",
      "MFA delete and lifecycle rules cannot both be on: S3 does not support lifecycle configuration on an MFA-delete bucket",
      "keep Object Lock with lifecycle (recommended; UK GDPR storage limitation needs logs to expire) and set storage.mfaDelete=false, or set storage.lifecycle=false and delete expired logs by hand as root",
    );
  }
  const expiring = frameworks.find((f) => f.requiresExpiry);
  if (!lifecycle && !cfg.storage.mfaDelete && expiring) {
    fail("storage.lifecycle", `is off, but ${expiring.name} needs logs to expire (${expiring.retention.citation.text})`, "set storage.lifecycle=true");
  }
  const lock = cfg.storage.objectLock;
  const immutable = frameworks.filter((f) => f.requiresImmutability);
  if (lock.mode === "off") {
    if (immutable.length > 0) {
      const f = immutable[0]!;
      fail("storage.objectLock.mode", `is off, but ${f.name} requires logs that cannot be altered or deleted (${f.immutability.citation.text})`, "set storage.objectLock.mode to GOVERNANCE or COMPLIANCE");
    }
    if (lock.days !== undefined) fail("storage.objectLock.days", "is set but Object Lock is off", "remove storage.objectLock.days, or turn Object Lock on");
    return;
  }
  const days = lock.days ?? cfg.retention.archiveDays;
  if (lifecycle && days > cfg.retention.archiveDays) {
    fail(
      "storage.objectLock.days",
      `${days} days outlasts the archive expiry of ${cfg.retention.archiveDays} days; S3 cannot expire a locked object, so logs would be kept past the retention period`,
      `set storage.objectLock.days to at most ${cfg.retention.archiveDays}, or raise retention.archiveDays`,
    );
  }
  const needed = immutable.filter((f) => f.minArchiveDays > days).sort((a, b) => b.minArchiveDays - a.minArchiveDays)[0];
  if (needed) {
    fail("storage.objectLock.days", `${days} days leaves logs alterable before ${needed.name}'s ${needed.minArchiveDays}-day retention ends (${needed.immutability.citation.text})`, `set storage.objectLock.days to at least ${needed.minArchiveDays}`);
  }
}

export function checkEvents(cfg: TrailwrightConfig, estateBuckets: readonly string[]): void {
  const { s3, s3Buckets = [], lambda = false } = cfg.dataEvents;
  if (s3 === "named" && s3Buckets.length === 0) {
    fail("dataEvents.s3Buckets", "is empty, but dataEvents.s3 is \"named\"", "name the buckets to record, e.g. --set dataEvents.s3Buckets=patient-records-prod,imaging-prod, or set dataEvents.s3=all");
  }
  if (s3 !== "named" && s3Buckets.length > 0) {
    fail("dataEvents.s3Buckets", `is only used when dataEvents.s3 is "named" (it is "${s3}")`, "set dataEvents.s3=named, or remove dataEvents.s3Buckets");
  }
  const loop = s3Buckets.find((b) => estateBuckets.includes(b));
  if (loop) fail("dataEvents.s3Buckets", `"${loop}" is one of the estate's own log buckets; logging its data events would log every log delivery (a feedback loop)`, "remove it from dataEvents.s3Buckets");
  if (cfg.controlTower) {
    if (cfg.guardrails?.regionDeny === true) {
      fail(
        "guardrails.regionDeny",
        "Control Tower's guidance is to deny Regions with its own Region deny control, not with another SCP (https://docs.aws.amazon.com/controltower/latest/userguide/getting-started-guidance.html)",
        "turn on Control Tower's Region deny control for your allowed regions and remove guardrails.regionDeny",
      );
    }
    if (s3 === "off" && !lambda) {
      fail("controlTower", "Control Tower already records management events, so this trail records data events only, and none are on", "set dataEvents.s3=all (or named) or dataEvents.lambda=true, or controlTower=false");
    }
    if (cfg.insights) fail("insights", "CloudTrail Insights analyses management events, which a Control Tower estate's data-events-only trail does not record", "set insights=false, or controlTower=false");
  }
}

export function checkAlerts(emailsByTier: Readonly<Record<string, readonly string[]>>, usedTiers: readonly string[]): void {
  for (const tier of usedTiers) {
    if ((emailsByTier[tier] ?? []).length === 0) {
      fail("alerts.emails", "is empty, so the alarms would notify nobody", "give at least one address, e.g. --set alerts.emails=secops@example.com");
    }
  }
}

/** Account-access answers (reference/organization.md A). */
export function checkAccess(cfg: TrailwrightConfig): void {
  const a = cfg.accounts;
  if (a.assumeRoleName !== undefined) {
    fail(
      "accounts.assumeRoleName",
      "was replaced: member accounts are now reached through a dedicated deploy role that bootstrap/ creates, and management through your own credentials",
      "rename it to accounts.deployRoleName (or remove it for the default trailwright-deploy), then apply bootstrap/ once",
    );
  }
  const inManagement = (field: string, arn: string | undefined) => {
    if (arn !== undefined && arn.split(":")[4] !== a.management) {
      fail(field, `${arn} is not in the management account ${a.management}`, `name a principal of account ${a.management}`);
    }
  };
  inManagement("accounts.managementRoleArn", a.managementRoleArn);
  inManagement("accounts.deployerArn", a.deployerArn);
  if (cfg.topology !== "organization") {
    for (const key of ["deployRoleName", "bootstrapRoleName", "deployerArn"] as const) {
      if (a[key] !== undefined) fail(`accounts.${key}`, "is only used in organization topology (a single account has no member accounts to deploy into)", `remove accounts.${key}, or set topology=organization`);
    }
    return;
  }
  // The deploy role is the one the SCPs exempt: it must not be a role every management admin
  // can already assume in every member account (finding 7 of the deployability review).
  const shared = ["OrganizationAccountAccessRole", "AWSControlTowerExecution"];
  if (a.deployRoleName !== undefined && shared.includes(a.deployRoleName)) {
    fail(
      "accounts.deployRoleName",
      `"${a.deployRoleName}" is the organization's own access role, which any management-account admin can assume; the guardrail SCPs exempt the deploy role, so it must be dedicated`,
      "use a dedicated name such as trailwright-deploy (bootstrap/ creates it)",
    );
  }
}
