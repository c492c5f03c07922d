import { describe, expect, it } from "vitest";
import { askRemaining, fillWithDefaults } from "../../src/wizard/flow.js";
import { finalizeAnswers } from "../../src/wizard/finalize.js";
import { valueAt } from "../../src/wizard/draft.js";
import { scriptedPrompter, tries } from "./scripted-prompter.js";
import { draftFrom, ORG_ACCOUNTS, transcript } from "./support.js";

/**
 * Starting points for a UK bank answered question by question. With the
 * topology given, banking does not pull in the uk-bank preset (that starts
 * only while the estate's shape is open), so every other question is asked.
 */
const BY_HAND = { sets: ["topology=organization"] };

/** Answers for a UK bank built from nothing, question by question. */
const UK_BANK_FROM_SCRATCH = {
  jurisdiction: "uk",
  industry: "banking",
  frameworks: ["uk-gdpr", "ncsc-caf", "fca-sysc-9", "pci-dss-10", "cis-aws"],
  topology: "organization",
  ...ORG_ACCOUNTS,
  residency: true,
  "retention.archiveDays": 2557,
  // Above the defaults offered (1827 and 365), so the wizard asks why; Enter gives none.
  "reasons.archiveDays": "Seven years: the group's evidence policy",
  "retention.hotDays": 400,
  "reasons.hotDays": "",
  "retention.immediateDays": 90,
  "storage.objectLock.mode": "COMPLIANCE",
  "storage.mfaDelete": false,
  "alerts.emails": "secops@example.com",
  "wizard.alertRouting": "everyone",
  controlTower: false,
  "dataEvents.s3": "all",
  "dataEvents.lambda": true,
  insights: true,
  config: true,
  configRecorders: "create",
  "forensics.enabled": false,
  "workspaces.enabled": false,
  "output.format": "hcl",
  out: "audit-logging",
};

describe("question flow", () => {
  it("does not ask again what a preset answers", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, configRecorders: "create", ...ORG_ACCOUNTS, "alerts.emails": "secops@example.com", "wizard.alertRouting": "everyone", "output.format": "hcl", out: "estate" });
    const draft = await askRemaining(draftFrom({ preset: "uk-bank" }), prompter, transcript().say);
    expect(prompter.asked).toEqual([
      "accounts.management",
      "accounts.logArchive",
      "accounts.security",
      "organizationId",
      "alerts.emails",
      "wizard.alertRouting",
      "configRecorders",
      "workspaces.enabled",
      "output.format",
      "out",
    ]);
    expect(valueAt(draft, "alerts.emails")).toEqual(["secops@example.com"]);
    const { plan } = await finalizeAnswers(draft);
    expect(plan.retention.archiveDays.value).toBe(2557);
  });

  it("does not ask what --set answers, and asks again a given answer that is not valid", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, "accounts.management": "123456789012", "output.format": "json" });
    const draft = await askRemaining(
      draftFrom({ preset: "uk-smb", sets: ["accounts.management=12345", "alerts.emails=a@example.com"] }, "here"),
      prompter,
      out.say,
    );
    expect(prompter.asked).toEqual(["accounts.management", "forensics.enabled", "workspaces.enabled", "output.format"]);
    expect(out.text()).toContain('The given accounts.management is not usable: "12345" is not valid: expected an AWS account id of exactly 12 digits');
    expect(valueAt(draft, "accounts.management")).toBe("123456789012");
  });

  it("asks every question from scratch in order, pre-selecting frameworks from jurisdiction and industry", async () => {
    const prompter = scriptedPrompter(UK_BANK_FROM_SCRATCH);
    const out = transcript();
    const draft = await askRemaining(draftFrom(BY_HAND), prompter, out.say);
    expect(prompter.asked).toEqual([
      "jurisdiction", "industry", "frameworks",
      "accounts.management", "accounts.logArchive", "accounts.security", "organizationId",
      "residency",
      "retention.archiveDays", "reasons.archiveDays", "retention.hotDays", "reasons.hotDays", "retention.immediateDays",
      "storage.objectLock.mode", "storage.mfaDelete",
      "alerts.emails", "wizard.alertRouting",
      "controlTower", "dataEvents.s3", "dataEvents.lambda", "insights", "config", "configRecorders", "forensics.enabled", "workspaces.enabled",
      "output.format", "out",
    ]);
    const frameworks = prompter.specs.get("frameworks");
    expect(frameworks?.kind === "checkbox" && frameworks.choices.filter((c) => c.checked).map((c) => c.value)).toEqual([
      "uk-gdpr", "ncsc-caf", "fca-sysc-9", "pci-dss-10", "cis-aws",
    ]);
    // UK residency leaves one region, so it is implied rather than asked.
    expect(out.text()).toContain("Home region: eu-west-2 (the only United Kingdom region).");
    expect(valueAt(draft, "allowedRegions")).toEqual(["eu-west-2"]);
    // Defaults: the strictest selected requirement, and COMPLIANCE for SYSC 9.
    expect(prompter.specs.get("retention.archiveDays")).toMatchObject({ default: 1827 });
    expect(prompter.specs.get("retention.hotDays")).toMatchObject({ default: 365 });
    expect(prompter.specs.get("storage.objectLock.mode")).toMatchObject({ default: "COMPLIANCE" });
    const { plan } = await finalizeAnswers(draft);
    expect(plan.topology).toBe("organization");
    expect(plan.homeRegion).toBe("eu-west-2");
  });

  it("rejects a too-short retention inline, naming the regulation, and takes the corrected answer", async () => {
    const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, "retention.archiveDays": tries(1000, 1826, 2557) });
    const draft = await askRemaining(draftFrom(BY_HAND), prompter, transcript().say);
    expect(prompter.rejections.map((r) => r.value)).toEqual([1000, 1826]);
    expect(prompter.rejections[0]!.message).toBe(
      "1000 days is below the 1827-day minimum of FCA SYSC 9 record keeping (MiFID business) (FCA Handbook SYSC 9.1.2; MiFID Org Regulation art 72); enter at least 1827",
    );
    expect(valueAt(draft, "retention.archiveDays")).toBe(2557);
  });

  it("names the framework when CloudWatch retention is below its year, and snaps an answer to an allowed value", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, "retention.hotDays": tries(200, 4000, 500) });
    const draft = await askRemaining(draftFrom(BY_HAND), prompter, out.say);
    expect(prompter.rejections.map((r) => r.message)).toEqual([
      expect.stringContaining("200 days is below the 365-day minimum of NCSC Cyber Assessment Framework v3.1"),
      "4000 days is more than CloudWatch Logs' longest retention of 3653 days; keep long-term evidence in the S3 archive",
    ]);
    expect(valueAt(draft, "retention.hotDays")).toBe(545);
    expect(out.text()).toContain("500 days snapped up to 545, the next retention CloudWatch Logs allows.");
  });

  it("disables Object Lock off when a selected framework needs immutable logs, saying which", async () => {
    const prompter = scriptedPrompter(UK_BANK_FROM_SCRATCH);
    await askRemaining(draftFrom(BY_HAND), prompter, transcript().say);
    const mode = prompter.specs.get("storage.objectLock.mode");
    const off = mode?.kind === "select" ? mode.choices.find((c) => c.value === "off") : undefined;
    expect(off?.disabled).toMatch(/^NCSC Cyber Assessment Framework v3\.1 requires logs that cannot be altered or deleted \(NCSC CAF v3\.1 C1\.b\)$/);
  });

  describe("MFA delete", () => {
    it("explains the trade-off, and keeping MFA delete turns lifecycle off", async () => {
      const out = transcript();
      const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, "storage.mfaDelete": true, "storage.lifecycle": "mfa-delete" });
      const draft = await askRemaining(draftFrom(BY_HAND), prompter, out.say);
      expect(out.text()).toContain("only the root user with an MFA device can turn it on, by CLI after apply, so it cannot run in CI");
      expect(out.text()).toContain("S3 does not support lifecycle rules on an MFA-delete bucket");
      expect(prompter.asked.slice(prompter.asked.indexOf("storage.mfaDelete"), prompter.asked.indexOf("storage.mfaDelete") + 2)).toEqual([
        "storage.mfaDelete",
        "storage.lifecycle",
      ]);
      const { plan } = await finalizeAnswers(draft);
      expect(plan.archive.mfaDelete).toBe(true);
      expect(plan.archive.lifecycle).toBeUndefined();
    });

    it("keeping lifecycle turns MFA delete back off", async () => {
      const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, "storage.mfaDelete": true, "storage.lifecycle": "lifecycle" });
      const { plan } = await finalizeAnswers(await askRemaining(draftFrom(BY_HAND), prompter, transcript().say));
      expect(plan.archive.mfaDelete).toBe(false);
      expect(plan.archive.lifecycle?.expirationDays).toBe(2557);
    });

    it("resolves a preset's lifecycle against --set storage.mfaDelete=true by asking which to keep", async () => {
      const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, "accounts.management": "111111111111", "alerts.emails": "a@example.com", "wizard.alertRouting": "everyone", "storage.lifecycle": "mfa-delete", "output.format": "hcl", out: "x" });
      const draft = await askRemaining(draftFrom({ preset: "uk-smb", sets: ["storage.mfaDelete=true"] }), prompter, transcript().say);
      expect(prompter.asked).toContain("storage.lifecycle");
      expect(prompter.asked).not.toContain("storage.mfaDelete");
      expect(valueAt(draft, "storage.lifecycle")).toBe(false);
    });
  });

  describe("Control Tower already present", () => {
    it("switches to a data-events-only trail: Insights implied off and not asked", async () => {
      const out = transcript();
      const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, controlTower: true, "dataEvents.s3": "all", "dataEvents.lambda": false });
      const draft = await askRemaining(draftFrom(BY_HAND), prompter, out.say);
      expect(prompter.asked).not.toContain("insights");
      expect(prompter.specs.get("dataEvents.s3")).toMatchObject({ default: "all" });
      expect(out.text()).toContain("CloudTrail Insights: off");
      const { plan } = await finalizeAnswers(draft);
      expect(plan.trail.managementEvents).toBe(false);
      expect(plan.trail.insights).toBe(false);
      expect(plan.logGroup.name).toBe("aws-controltower/CloudTrailLogs");
    });

    it("turns Lambda data events on when S3 data events are off, so the trail still records something", async () => {
      const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, controlTower: true, "dataEvents.s3": "off" });
      const { plan } = await finalizeAnswers(await askRemaining(draftFrom(BY_HAND), prompter, transcript().say));
      expect(prompter.asked).not.toContain("dataEvents.lambda");
      expect(plan.trail.lambdaDataEvents).toBe(true);
    });

    it("is not asked for a single account", async () => {
      const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, "dataEvents.s3": "off", "dataEvents.lambda": false, insights: false, config: false });
      await askRemaining(draftFrom({ sets: ["topology=single-account"] }), prompter, transcript().say);
      expect(prompter.asked).not.toContain("controlTower");
      expect(prompter.asked).not.toContain("organizationId");
    });
  });

  it("asks for named buckets only when data events are on named buckets, and checks their names", async () => {
    const prompter = scriptedPrompter({
      ...UK_BANK_FROM_SCRATCH,
      "dataEvents.s3": "named",
      "dataEvents.s3Buckets": tries("Patient_Records", "patient-records-prod, imaging-prod"),
    });
    const draft = await askRemaining(draftFrom(BY_HAND), prompter, transcript().say);
    expect(prompter.rejections[0]!.message).toContain('"Patient_Records" is not valid: expected an S3 bucket name');
    expect(valueAt(draft, "dataEvents.s3Buckets")).toEqual(["patient-records-prod", "imaging-prod"]);
  });

  it("offers every region when residency is off, filtering as you type, defaulting to the jurisdiction's; no allowed list without the SCP that reads it", async () => {
    const prompter = scriptedPrompter({ ...UK_BANK_FROM_SCRATCH, residency: false, homeRegion: "eu-west-1" });
    const draft = await askRemaining(draftFrom(BY_HAND), prompter, transcript().say);
    expect(prompter.specs.get("homeRegion")).toMatchObject({ default: "eu-west-2", searchable: true });
    expect(prompter.asked).not.toContain("allowedRegions");
    const { plan } = await finalizeAnswers(draft);
    expect(plan.homeRegion).toBe("eu-west-1");
    expect(plan.guardrails?.regionDeny).toBeUndefined();
  });
});

describe("answers without a terminal", () => {
  it("takes every default and reports the answers only the user can give", () => {
    const filled = fillWithDefaults(draftFrom({ preset: "uk-bank" }));
    expect(filled.missing.map((u) => u.question.id)).toEqual([
      "accounts.management",
      "accounts.logArchive",
      "accounts.security",
      "organizationId",
      "alerts.emails",
    ]);
    expect(filled.defaulted.map((u) => u.question.id)).toEqual(["configRecorders", "output.format", "out"]);
  });

  it("needs nothing more when the flags give the user's answers", async () => {
    const filled = fillWithDefaults(
      draftFrom({ preset: "uk-smb", sets: ["accounts.management=123456789012", "alerts.emails=a@example.com"] }, "out"),
    );
    expect(filled.missing).toEqual([]);
    const { plan } = await finalizeAnswers(filled.draft);
    expect(plan.output.format).toBe("hcl");
  });

  it("fills a whole estate from defaults when only the user's answers are given", async () => {
    const filled = fillWithDefaults(draftFrom({ sets: ["accounts.management=123456789012", "alerts.emails=a@example.com"] }));
    expect(filled.missing).toEqual([]);
    const { plan } = await finalizeAnswers(filled.draft);
    expect(plan.jurisdiction).toBe("uk");
    expect(plan.homeRegion).toBe("eu-west-2");
    expect(plan.retention.archiveDays.value).toBe(365);
    expect(plan.retention.hotDays.value).toBe(365);
    expect(plan.archive.objectLock).toEqual({ mode: "GOVERNANCE", days: 365 });
  });
});
