import { describe, expect, it } from "vitest";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import { CLOUDWATCH_RETENTION_DAYS } from "../../src/catalog/cloudwatch-retention.js";
import { ConfigError } from "../../src/model/errors.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { DEFAULT_CATALOG_SETTINGS } from "../../src/query/catalog/check.js";
import { PRESET_IDS, presetConfig, presetPlan } from "../helpers/preset-answers.js";

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("resolvePlan on the presets", () => {
  it.each(PRESET_IDS)("%s: meets every selected framework's minimums", (id) => {
    const plan = presetPlan(id);
    for (const ref of plan.frameworks) {
      const f = FRAMEWORKS[ref.id as FrameworkId];
      expect(plan.retention.archiveDays.value, `${ref.id} archive`).toBeGreaterThanOrEqual(f.minArchiveDays);
      expect(plan.retention.hotDays.value, `${ref.id} hot`).toBeGreaterThanOrEqual(f.minHotDays);
      expect(plan.retention.immediateDays.value, `${ref.id} immediate`).toBeGreaterThanOrEqual(f.minImmediateDays);
      if (f.requiresImmutability) expect(plan.archive.objectLock, `${ref.id} needs Object Lock`).toBeDefined();
    }
    expect(CLOUDWATCH_RETENTION_DAYS).toContain(plan.logGroup.retentionDays);
    expect(plan.homeRegion).toBe("eu-west-2");
    expect(plan.allowedRegions).toEqual(["eu-west-2"]);
    expect(plan.residency).toBe(true);
    expect(plan.key.rotationPeriodDays).toBe(365);
  });

  it.each(PRESET_IDS)("%s: every retention number has a reason", (id) => {
    const { retention } = presetPlan(id);
    for (const source of [retention.archiveDays, retention.hotDays, retention.immediateDays, retention.objectLockDays]) {
      expect(source?.reason).toMatch(/minimum|engineering choice/);
    }
  });

  it("a number set by hand carries the reason recorded for it, or says plainly that none was given", () => {
    const silent = presetPlan("uk-bank", ["retention.archiveDays=3000", "storage.objectLock.days=3000"]).retention;
    expect(silent.archiveDays.reason).toMatch(/^set in trailwright\.json; no reason was given \(record one as reasons\.archiveDays\); meets FCA SYSC 9/);
    expect(silent.objectLockDays?.reason).toMatch(/^engineering choice: locked for the whole archive period/);
    const given = presetPlan("uk-bank", ["retention.archiveDays=3000", "storage.objectLock.days=2600", "reasons.objectLockDays=Board decision 2026-03: lock beyond the FCA minimum"]).retention;
    expect(given.objectLockDays?.reason).toBe(
      "set in trailwright.json: Board decision 2026-03: lock beyond the FCA minimum; meets FCA SYSC 9 record keeping (MiFID business)'s 1827-day minimum (FCA Handbook SYSC 9.1.2; MiFID Org Regulation art 72)",
    );
    // Neither the preset nor the 90-day default chose 120, so it is a number set by hand.
    expect(presetPlan("uk-smb", ["retention.immediateDays=120"]).retention.immediateDays.reason).toContain("no reason was given (record one as reasons.immediateDays)");
  });

  it("a default the wizard offers is an engineering choice without a preset too, so it is never reported as set by hand", () => {
    const withoutPreset = (sets: string[]) => resolvePlan({ ...presetConfig("uk-smb", sets), preset: undefined }).retention;
    // No selected framework sets an archive period: a year is the baseline.
    expect(withoutPreset([]).archiveDays.reason).toMatch(/^engineering choice: a year, the PCI DSS 10\.5\.1 history period/);
    // An archive shorter than 90 days: the wizard offers the whole archive period in S3 Standard.
    const short = withoutPreset(["retention.archiveDays=60", "retention.immediateDays=60", "storage.objectLock.days=60"]);
    expect(short.immediateDays.reason).toMatch(/^engineering choice: in S3 Standard for the whole archive period/);
    expect(short.archiveDays.reason).toContain("no reason was given (record one as reasons.archiveDays)");
  });

  it("is frozen so no later stage can change it", () => {
    const plan = presetPlan("uk-bank");
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.archive.lifecycle?.transitions)).toBe(true);
    expect(() => ((plan.trail as { name: string }).name = "x")).toThrow();
  });

  it("uk-bank: organization trail in the management account, COMPLIANCE lock, FCA traced", () => {
    const plan = presetPlan("uk-bank");
    expect(plan.trail.isOrganizationTrail).toBe(true);
    expect(plan.trail.arn).toBe("arn:aws:cloudtrail:eu-west-2:111111111111:trail/audit-org-trail");
    expect(plan.archive.objectLock).toEqual({ mode: "COMPLIANCE", days: 2557 });
    expect(plan.retention.archiveDays.satisfies).toContain("fca-sysc-9");
    expect(plan.retention.archiveDays.reason).toContain("FCA Handbook SYSC 9.1.2");
    // Members through the dedicated deploy role; management on the caller's own credentials.
    expect(plan.accounts.logArchive.assumeRoleArn).toBe("arn:aws:iam::222222222222:role/trailwright-deploy");
    expect(plan.accounts.management.assumeRoleArn).toBeUndefined();
    expect(plan.access).toEqual({
      managementRoleArn: undefined,
      deployRoleName: "trailwright-deploy",
      bootstrapRoleName: "OrganizationAccountAccessRole",
      deployerArn: "arn:aws:iam::111111111111:root",
      memberAccountIds: ["222222222222", "333333333333"],
    });
    expect(plan.key.account).toBe("security");
    expect(plan.monitoringKey.account).toBe("management");
    expect(plan.config?.recorderAccounts).toEqual(["management", "logArchive", "security"]);
    expect(plan.config?.rules.find((r) => r.name === "s3-bucket-versioning-enabled")?.account).toBe("logArchive");
    expect(plan.config?.rules.find((r) => r.name === "cloudwatch-alarm-action-check")?.inputParameters).toEqual({
      alarmActionRequired: "true",
      insufficientDataActionRequired: "false",
      okActionRequired: "false",
      action1: "arn:aws:sns:eu-west-2:111111111111:audit-alerts-critical",
      action2: "arn:aws:sns:eu-west-2:111111111111:audit-alerts-warning",
      action3: "arn:aws:sns:eu-west-2:111111111111:audit-alerts-info",
    });
    expect(plan.alarms.map((a) => a.id)).toContain("organizations-changes");
    expect(plan.guardrails?.regionDeny?.allowedRegions).toEqual(["eu-west-2"]);
  });

  it("uk-smb: single account, no organization-only alarm, no SCPs", () => {
    const plan = presetPlan("uk-smb");
    expect(plan.accounts.logArchive.id).toBe(plan.accounts.management.id);
    expect(plan.accounts.management.providerAlias).toBeUndefined();
    expect(plan.alarms.map((a) => a.id)).not.toContain("organizations-changes");
    expect(plan.alarms).toHaveLength(14);
    expect(plan.guardrails).toBeUndefined();
  });

  it("excludes every estate bucket from data events (feedback loop)", () => {
    const plan = presetPlan("uk-bank");
    expect(plan.trail.excludedBucketArns).toEqual([
      `${plan.archive.arn}/`,
      `${plan.accessLogs.arn}/`,
      `${plan.config!.bucketArn}/`,
    ]);
  });

  it("snaps CloudWatch retention up to an allowed value and says so", () => {
    const plan = presetPlan("uk-smb", ["retention.hotDays=370"]);
    expect(plan.logGroup.retentionDays).toBe(400);
    expect(plan.retention.hotDays.reason).toContain("370 days snapped up to 400");
  });

  it("lifecycle: Standard, then Glacier IR, then Deep Archive only when it is worth it", () => {
    expect(presetPlan("uk-smb").archive.lifecycle?.transitions).toEqual([{ days: 90, storageClass: "GLACIER_IR" }]);
    expect(presetPlan("uk-bank").archive.lifecycle).toEqual({
      transitions: [
        { days: 90, storageClass: "GLACIER_IR" },
        { days: 365, storageClass: "DEEP_ARCHIVE" },
      ],
      expirationDays: 2557,
      noncurrentExpirationDays: 30,
      abortIncompleteMultipartDays: 7,
    });
  });

  it("Control Tower: data-events-only trail reading Control Tower's log group", () => {
    const plan = presetPlan("uk-bank", ["controlTower=true", "insights=false"]);
    expect(plan.trail.managementEvents).toBe(false);
    expect(plan.logGroup).toMatchObject({ name: "aws-controltower/CloudTrailLogs", managed: false });
    expect(plan.trail.cloudWatchLogs).toBe(false);
    // Control Tower records in enrolled accounts but not in management; it makes its own aggregator
    // and replaces our region deny with its control; bootstrap goes through its execution role.
    expect(plan.config?.recorderAccounts).toEqual(["management"]);
    expect(plan.config?.existingRecorderAccounts).toEqual(["logArchive", "security"]);
    expect(plan.config?.aggregator).toBeUndefined();
    expect(plan.guardrails?.regionDeny).toBeUndefined();
    expect(plan.access.bootstrapRoleName).toBe("AWSControlTowerExecution");
  });

  it("reuses every existing recorder when the user says they exist", () => {
    const plan = presetPlan("uk-bank", ["configRecorders=existing"]);
    expect(plan.config?.recorderAccounts).toEqual([]);
    expect(plan.config?.existingRecorderAccounts).toEqual(["management", "logArchive", "security"]);
  });

  it("takes a user-named management role and deployer", () => {
    const plan = presetPlan("uk-bank", ["accounts.managementRoleArn=arn:aws:iam::111111111111:role/Admin", "accounts.deployerArn=arn:aws:iam::111111111111:role/ci"]);
    expect(plan.accounts.management.assumeRoleArn).toBe("arn:aws:iam::111111111111:role/Admin");
    expect(plan.access.deployerArn).toBe("arn:aws:iam::111111111111:role/ci");
  });
});

describe("resolvePlan rejects what cannot be built, naming why", () => {
  it("refuses an organization access role as the deploy role, and the retired assumeRoleName", () => {
    expect(configError(() => presetPlan("uk-bank", ["accounts.deployRoleName=OrganizationAccountAccessRole"])).field).toBe("accounts.deployRoleName");
    const renamed = configError(() => presetPlan("uk-bank", ["accounts.assumeRoleName=Foo"]));
    expect(renamed.field).toBe("accounts.assumeRoleName");
    expect(renamed.hint).toContain("accounts.deployRoleName");
    expect(configError(() => presetPlan("uk-bank", ["accounts.deployerArn=arn:aws:iam::999999999999:role/ci"])).field).toBe("accounts.deployerArn");
  });

  it("refuses answers that push AWS past a quota, naming the limit", () => {
    const buckets = Array.from({ length: 600 }, (_, i) => `bucket-${i}`).join(",");
    const selectors = configError(() => presetPlan("uk-healthcare", [`dataEvents.s3Buckets=${buckets}`]));
    expect(selectors.field).toBe("dataEvents.s3Buckets");
    expect(selectors.message).toContain("at most 500");
    const readers = Array.from({ length: 400 }, (_, i) => `arn:aws:iam::333333333333:role/log-reader-team-number-${i}`).join(",");
    const policy = configError(() => presetPlan("uk-bank", [`readers=${readers}`]));
    expect(policy.field).toBe("readers");
    expect(policy.message).toMatch(/archive bucket policy \d+ bytes; S3 allows 20480/);
    expect(() => presetPlan("uk-healthcare", [`dataEvents.s3Buckets=${Array.from({ length: 490 }, (_, i) => `b-${i}`).join(",")}`])).not.toThrow();
  });

  it("refuses an explicit region-deny SCP under Control Tower", () => {
    expect(configError(() => presetPlan("uk-bank", ["controlTower=true", "insights=false", "guardrails.regionDeny=true"])).field).toBe("guardrails.regionDeny");
  });

  it("retention below a selected regulation's minimum names the regulation and its minimum", () => {
    const error = configError(() => presetPlan("uk-bank", ["retention.archiveDays=1000", "storage.objectLock.days=1000"]));
    expect(error.message).toContain("retention.archiveDays: 1000 days is below the 1827-day minimum of FCA SYSC 9");
    expect(error.hint).toContain("at least 1827");
  });

  it("MFA delete with lifecycle explains the trade-off", () => {
    const error = configError(() => presetPlan("uk-smb", ["storage.mfaDelete=true"]));
    expect(error.field).toBe("storage.mfaDelete");
    expect(error.message).toContain("S3 does not support lifecycle configuration on an MFA-delete bucket");
    expect(error.hint).toContain("storage.lifecycle=false");
  });

  it("MFA delete without lifecycle is allowed and suppresses the lifecycle checks with a reason", () => {
    const plan = presetPlan("uk-smb", ["storage.mfaDelete=true", "storage.lifecycle=false"]);
    expect(plan.archive.mfaDelete).toBe(true);
    expect(plan.archive.lifecycle).toBeUndefined();
    expect(plan.suppressions.map((s) => s.check)).toEqual(expect.arrayContaining(["CKV2_AWS_61", "CKV_AWS_300"]));
  });

  it("residency on with a home region outside the UK", () => {
    const error = configError(() => presetPlan("uk-smb", ["homeRegion=eu-west-1", "allowedRegions=eu-west-1"]));
    expect(error.message).toBe('homeRegion: "eu-west-1" is outside the United Kingdom, and residency is on');
  });

  it("Object Lock longer than the expiry", () => {
    const error = configError(() => presetPlan("uk-smb", ["storage.objectLock.days=400"]));
    expect(error.message).toContain("400 days outlasts the archive expiry of 365 days");
  });

  it("Object Lock off where a framework needs immutability", () => {
    const error = configError(() => presetPlan("uk-bank", ["storage.objectLock.mode=off", "storage.objectLock.days="]));
    expect(error.field).toBe("storage.objectLock.mode");
    expect(error.message).toContain("requires logs that cannot be altered");
  });

  it("organization topology without an organization id", () => {
    const error = configError(() => presetPlan("uk-smb", ["topology=organization", "accounts.logArchive=222222222222", "accounts.security=333333333333"]));
    expect(error.field).toBe("organizationId");
  });

  it("named data events without buckets", () => {
    const error = configError(() => presetPlan("uk-healthcare", ["dataEvents.s3Buckets="]));
    expect(error.field).toBe("dataEvents.s3Buckets");
  });

  it("a data-events bucket that is the estate's own archive", () => {
    const error = configError(() => presetPlan("uk-healthcare", ["dataEvents.s3Buckets=audit-cloudtrail-222222222222-eu-west-2"]));
    expect(error.message).toContain("feedback loop");
  });

  it("Control Tower with no data events", () => {
    const error = configError(() => presetPlan("uk-smb", ["topology=organization", "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-abc123defg", "controlTower=true"]));
    expect(error.field).toBe("controlTower");
  });

  it("no alert emails", () => {
    const error = configError(() => presetPlan("uk-smb", ["alerts.emails="]));
    expect(error.message).toContain("would notify nobody");
  });
});

describe("the forensic review's time zone", () => {
  it("takes IANA names and UTC, and refuses a misspelt zone on its own field", () => {
    expect(presetPlan("uk-bank", ["forensics.timeZone=America/New_York"]).forensics?.timeZone).toBe("America/New_York");
    expect(presetPlan("uk-bank", ["forensics.timeZone=UTC"]).forensics?.timeZone).toBe("UTC");
    const error = configError(() => presetPlan("uk-bank", ["forensics.timeZone=Europe/Lundon"]));
    expect(error.field).toBe("forensics.timeZone");
    expect(error.message).toContain("not an IANA time zone");
  });

  it("defaults to a zone ICU knows (the default is not checked when each plan is made)", () => {
    expect(presetPlan("uk-bank").forensics?.timeZone).toBe(DEFAULT_CATALOG_SETTINGS.timeZone);
    expect(Intl.supportedValuesOf("timeZone")).toContain(DEFAULT_CATALOG_SETTINGS.timeZone);
  });
});
