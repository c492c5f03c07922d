// The summary's "change an answer", and the wizard findings of issue 12 that
// live in the question flow: a bank starts from its preset, regions are asked
// only where they matter and filter as you type, console-format account ids,
// per-tier alert routing, the retention warning.
import { describe, expect, it } from "vitest";
import { changeAnswer, changeChoices } from "../../src/wizard/change-answer.js";
import { valueAt, withValue } from "../../src/wizard/draft.js";
import { finalizeAnswers } from "../../src/wizard/finalize.js";
import { askRemaining } from "../../src/wizard/flow.js";
import { dependentsOf, READS } from "../../src/wizard/questions/dependencies.js";
import { QUESTIONS } from "../../src/wizard/questions/index.js";
import { renderSummary } from "../../src/wizard/summary.js";
import { scriptedPrompter } from "./scripted-prompter.js";
import { draftFrom, ORG_ACCOUNTS, transcript } from "./support.js";

const SMB_DRAFT = () => draftFrom({ preset: "uk-smb", sets: ["accounts.management=111111111111", "alerts.emails=secops@example.com", "workspaces.enabled=false", "forensics.enabled=false", "output.format=hcl"] }, "estate");

describe("a bank starts from its preset", () => {
  it("banking in the UK fills the uk-bank answers, says so, and asks only what the preset leaves open", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, configRecorders: "create",
      jurisdiction: "uk",
      industry: "banking",
      ...ORG_ACCOUNTS,
      "alerts.emails": "secops@example.com",
      "wizard.alertRouting": "everyone",
      "output.format": "hcl",
      out: "estate",
    });
    const draft = await askRemaining(draftFrom({}), prompter, out.say);
    expect(out.text()).toContain("Starting from the uk-bank preset (UK bank or investment firm)");
    expect(prompter.asked).toEqual([
      "jurisdiction", "industry",
      "accounts.management", "accounts.logArchive", "accounts.security", "organizationId",
      "alerts.emails", "wizard.alertRouting", "configRecorders", "workspaces.enabled", "output.format", "out",
    ]);
    const { plan } = await finalizeAnswers(draft);
    expect(plan.preset).toBe("uk-bank");
    expect(plan.topology).toBe("organization");
    expect(plan.retention.archiveDays.value).toBe(2557);
  });

  it("a general business gets no preset and is asked the topology", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, jurisdiction: "uk", industry: "general", frameworks: ["uk-gdpr", "cis-aws"], topology: "single-account" });
    await askRemaining(draftFrom({}), prompter, transcript().say).catch(() => undefined);
    expect(prompter.asked.slice(0, 4)).toEqual(["jurisdiction", "industry", "frameworks", "topology"]);
  });
});

describe("regions", () => {
  it("are not asked for one account, where the allowed list changes nothing; the home region filters as you type", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, homeRegion: "eu-west-1" });
    const sets = ["residency=false", "homeRegion=", "accounts.management=111111111111", "alerts.emails=a@example.com", "workspaces.enabled=false", "configRecorders=create", "forensics.enabled=false", "output.format=hcl"];
    const draft = await askRemaining(withValue(draftFrom({ preset: "uk-smb", sets }, "x"), "allowedRegions", undefined), prompter, transcript().say);
    expect(prompter.asked).toEqual(["homeRegion"]);
    expect(prompter.specs.get("homeRegion")).toMatchObject({ searchable: true, default: "eu-west-2" });
    const { plan } = await finalizeAnswers(draft);
    expect(plan.homeRegion).toBe("eu-west-1");
  });

  it("are asked for an organization with residency, whose region-deny SCP they feed", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, homeRegion: "eu-west-1", allowedRegions: ["eu-west-1", "eu-central-1"] });
    const orgSets = [...Object.entries(ORG_ACCOUNTS).map(([k, v]) => `${k}=${v}`), "alerts.emails=a@example.com", "workspaces.enabled=false", "configRecorders=create", "forensics.enabled=false", "output.format=hcl"];
    const start = draftFrom({ preset: "uk-bank", sets: [...orgSets, "jurisdiction=eu", "frameworks=eu-gdpr,cis-aws"] }, "x");
    const draft = await askRemaining(withValue(withValue(start, "homeRegion", undefined), "allowedRegions", undefined), prompter, transcript().say);
    expect(prompter.asked).toEqual(["homeRegion", "allowedRegions"]);
    expect(valueAt(draft, "allowedRegions")).toEqual(["eu-west-1", "eu-central-1"]);
    const { plan } = await finalizeAnswers(draft);
    expect(plan.guardrails?.regionDeny?.allowedRegions).toEqual(["eu-west-1", "eu-central-1"]);
  });
});

describe("account ids as the console shows them", () => {
  it("1234-5678-9012 is accepted and saved as its 12 digits", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, "accounts.management": "1234-5678-9012", "alerts.emails": "a@example.com", "wizard.alertRouting": "everyone", "output.format": "hcl" });
    const draft = await askRemaining(draftFrom({ preset: "uk-smb" }, "x"), prompter, transcript().say);
    expect(prompter.rejections).toEqual([]);
    expect(valueAt(draft, "accounts.management")).toBe("123456789012");
  });
});

describe("alert tiers", () => {
  it("can go to different people, and the summary shows which address gets which tier", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false,
      "accounts.management": "111111111111",
      "alerts.emails": "team@example.com",
      "wizard.alertRouting": "per-tier",
      "alerts.critical": "oncall@example.com, cto@example.com",
      "alerts.warning": "team@example.com",
      "alerts.info": "logs@example.com",
      "output.format": "hcl",
    });
    const draft = await askRemaining(draftFrom({ preset: "uk-smb" }, "x"), prompter, transcript().say);
    expect(prompter.specs.get("alerts.critical")).toMatchObject({ default: "team@example.com" });
    const { plan } = await finalizeAnswers(draft);
    const text = renderSummary({ plan, addresses: [], out: "x" });
    expect(text).toContain("  Alerts by tier:\n    critical -> oncall@example.com, cto@example.com\n    warning  -> team@example.com\n    info     -> logs@example.com");
  });
});

describe("retention far beyond every minimum", () => {
  it("is accepted with a warning naming the longest minimum and UK GDPR's storage limitation", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, "retention.archiveDays": 3650, "reasons.archiveDays": "" });
    const start = withValue(SMB_DRAFT(), "retention.archiveDays", undefined);
    const draft = await askRemaining(start, prompter, out.say);
    expect(valueAt(draft, "retention.archiveDays")).toBe(3650);
    expect(out.text()).toMatch(/Warning: retention\.archiveDays: 3650 days is more than 2x what is required: .*UK GDPR.*storage limitation/);
  });
});

describe("change an answer at the summary", () => {
  it("lists every answer with its value", () => {
    const names = changeChoices(SMB_DRAFT()).map((c) => c.name);
    expect(names).toContain("Alert email addresses: secops@example.com");
    expect(names.some((n) => n.startsWith("Days to keep logs in the S3 archive") && n.endsWith(": 365"))).toBe(true);
  });

  it("re-asks the answer, offering what it was, and then what depends on it with fresh defaults", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false,
      change: "frameworks",
      frameworks: ["uk-gdpr", "ncsc-caf", "pci-dss-10", "cis-aws"],
      "retention.archiveDays": 365,
      "retention.hotDays": 365,
      "retention.immediateDays": 90,
      "storage.objectLock.mode": "GOVERNANCE",
    });
    const draft = await changeAnswer(SMB_DRAFT(), prompter, out.say);
    expect(prompter.asked).toEqual(["change", "frameworks", "retention.archiveDays", "retention.hotDays", "retention.immediateDays", "storage.objectLock.mode"]);
    const offered = prompter.specs.get("frameworks");
    expect(offered?.kind === "checkbox" && offered.choices.filter((c) => c.checked).map((c) => c.value)).toEqual(["uk-gdpr", "ncsc-caf", "cis-aws"]);
    expect(valueAt(draft, "frameworks")).toEqual(["uk-gdpr", "ncsc-caf", "pci-dss-10", "cis-aws"]);
  });

  it("an organization turned single account drops what only an organization has, asking nothing it no longer needs", async () => {
    const start = draftFrom({ preset: "uk-bank", sets: [...Object.entries(ORG_ACCOUNTS).map(([k, v]) => `${k}=${v}`), "alerts.emails=a@example.com", "workspaces.enabled=false", "output.format=hcl"] }, "x");
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, change: "topology", topology: "single-account", "accounts.management": "111111111111", config: true, configRecorders: "create" });
    const draft = await changeAnswer(start, prompter, transcript().say);
    expect(prompter.asked).toEqual(["change", "topology", "accounts.management", "config", "configRecorders"]);
    expect(prompter.specs.get("accounts.management")).toMatchObject({ default: "111111111111" });
    for (const gone of ["accounts.logArchive", "accounts.security", "organizationId", "controlTower", "allowedRegions"]) expect(valueAt(draft, gone), gone).toBeUndefined();
    const { plan } = await finalizeAnswers(draft);
    expect(plan.topology).toBe("single-account");
  });

  it("the same answer again changes nothing else", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, change: "industry", industry: "general" });
    const before = SMB_DRAFT();
    const draft = await changeAnswer(before, prompter, out.say);
    expect(prompter.asked).toEqual(["change", "industry"]);
    expect(draft.config).toEqual(before.config);
  });

  it("new addresses ask again who gets which tier", () => {
    expect(dependentsOf("alerts.emails").sort()).toEqual(["alerts.critical", "alerts.info", "alerts.warning", "wizard.alertRouting"]);
  });

  it("every dependency names a question asked earlier", () => {
    const order = QUESTIONS.map((q) => q.id);
    for (const [question, reads] of Object.entries(READS)) {
      expect(order, question).toContain(question);
      for (const read of reads) {
        expect(order.indexOf(read), `${question} reads ${read}`).toBeGreaterThanOrEqual(0);
        expect(order.indexOf(read), `${question} reads ${read}`).toBeLessThan(order.indexOf(question));
      }
    }
  });
});
