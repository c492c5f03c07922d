// The WorkSpaces questions: one gate, asked only in a terminal; the details
// only after a yes; each answer checked inline the way validation would.
import { describe, expect, it } from "vitest";
import { valueAt } from "../../src/wizard/draft.js";
import { finalizeAnswers } from "../../src/wizard/finalize.js";
import { askRemaining, fillWithDefaults } from "../../src/wizard/flow.js";
import { scriptedPrompter, tries } from "./scripted-prompter.js";
import { draftFrom, ORG_SETS, transcript } from "./support.js";

const ORG_WITHOUT_ANSWER = ORG_SETS.filter((s) => !s.startsWith("workspaces."));
const SMB_SETS = ["accounts.management=111111111111", "alerts.emails=secops@example.com", "forensics.enabled=false", "output.format=hcl"];

describe("WorkSpaces in the wizard", () => {
  it("a no is recorded and nothing more is asked", async () => {
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false });
    const draft = await askRemaining(draftFrom({ preset: "uk-smb", sets: SMB_SETS }, "out"), prompter, transcript().say);
    expect(prompter.asked).toEqual(["workspaces.enabled"]);
    expect(valueAt(draft, "workspaces")).toEqual({ enabled: false });
    const { plan } = await finalizeAnswers(draft);
    expect(plan.workspaces).toBeUndefined();
  });

  it("a yes in an organization asks the details, rejects what cannot work inline, and resolves", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({
      "workspaces.enabled": true,
      configRecorders: "create",
      "workspaces.identitySource": "managed-ad",
      "workspaces.accounts": tries("44444444444", "444444444444"),
      "workspaces.directories": tries("d-12345", "d-1234567890"),
      "workspaces.allowedNetworks": tries("203.0.113.0/23", "203.0.113.0/24, 198.51.100.7/32"),
      "workspaces.businessHours.timeZone": tries("Europe/Lundon", "Europe/London"),
      "workspaces.businessHours.start": tries("19:00-07:00", "08:00-18:30"),
    });
    const draft = await askRemaining(draftFrom({ preset: "uk-bank", sets: ORG_WITHOUT_ANSWER }, "out"), prompter, out.say);
    expect(prompter.asked).toEqual([
      "workspaces.enabled",
      "workspaces.identitySource",
      "workspaces.accounts",
      "workspaces.directories",
      "workspaces.allowedNetworks",
      "workspaces.businessHours.timeZone",
      "workspaces.businessHours.start",
    ]);
    expect(prompter.rejections.map((r) => [r.id, r.message])).toEqual([
      ["workspaces.accounts", expect.stringContaining("12 digits")],
      ["workspaces.directories", expect.stringContaining("d-1234567890")],
      ["workspaces.allowedNetworks", expect.stringContaining("octet boundary")],
      ["workspaces.businessHours.timeZone", expect.stringContaining("IANA")],
      ["workspaces.businessHours.start", expect.stringContaining("must be after the start")],
    ]);
    // UK residency allows one region, so the WorkSpaces region is implied, with a note.
    expect(out.text()).toContain("WorkSpaces regions: eu-west-2");
    const identity = prompter.specs.get("workspaces.identitySource");
    expect(identity?.kind === "select" && identity.choices.map((c) => c.value)).toEqual(["managed-ad", "ad-connector", "simple-ad", "identity-center", "saml"]);

    const { plan } = await finalizeAnswers(draft);
    expect(plan.workspaces).toMatchObject({
      identitySource: "managed-ad",
      allowedNetworks: ["203.0.113.0/24", "198.51.100.7/32"],
      businessHours: { timeZone: "Europe/London", start: "08:00", end: "18:30" },
    });
    expect(plan.workspaces!.sites.map((s) => [s.accountId, s.region, s.directories.map((d) => d.directoryId)])).toEqual([
      ["444444444444", "eu-west-2", ["d-1234567890"]],
    ]);
  });

  it("a single account is not asked which accounts; identity sources other than Managed AD are not asked for directories", async () => {
    const prompter = scriptedPrompter({
      "workspaces.enabled": true,
      configRecorders: "create",
      "workspaces.identitySource": "saml",
      "workspaces.allowedNetworks": "",
      "workspaces.businessHours.timeZone": "Europe/London",
      "workspaces.businessHours.start": "07:00-19:00",
    });
    const draft = await askRemaining(draftFrom({ preset: "uk-smb", sets: SMB_SETS }, "out"), prompter, transcript().say);
    expect(prompter.asked).not.toContain("workspaces.accounts");
    expect(prompter.asked).not.toContain("workspaces.directories");
    const { plan } = await finalizeAnswers(draft);
    expect(plan.workspaces?.sites.map((s) => s.accountId)).toEqual(["111111111111"]);
    expect(plan.workspaces?.allowedNetworks).toEqual([]);
  });

  it("without a terminal nothing is assumed: the gate is neither asked nor written", () => {
    const filled = fillWithDefaults(draftFrom({ preset: "uk-smb", sets: SMB_SETS }, "out"));
    expect(valueAt(filled.draft, "workspaces")).toBeUndefined();
    expect([...filled.missing, ...filled.defaulted].map((u) => u.question.id)).not.toContain("workspaces.enabled");
  });

  it("--set turns it on without a terminal, and only the identity source must then be given", () => {
    const filled = fillWithDefaults(draftFrom({ preset: "uk-smb", sets: [...SMB_SETS, "workspaces.enabled=true"] }, "out"));
    expect(filled.missing.map((u) => u.question.id)).toEqual(["workspaces.identitySource"]);
    expect(valueAt(filled.draft, "workspaces.businessHours")).toEqual({ timeZone: "Europe/London", start: "07:00", end: "19:00" });
  });
});
