import { describe, expect, it } from "vitest";
import { listPresetIds } from "../../src/config/presets.js";
import { valueAt } from "../../src/wizard/draft.js";
import { finalizeAnswers } from "../../src/wizard/finalize.js";
import { givenAnswerProblem, isAnswered } from "../../src/wizard/flow.js";
import { QUESTIONS, questionForField } from "../../src/wizard/questions/index.js";
import { ConfigError } from "../../src/model/errors.js";
import { scriptedPrompter, tries } from "./scripted-prompter.js";
import { draftFrom, ORG_ACCOUNTS, ORG_SETS, transcript } from "./support.js";

describe("final validation", () => {
  it("re-asks a field the cross-field rules reject, saying why, then resolves", async () => {
    // A shorter archive than the preset's lock: the lock would outlive expiry.
    const draft = draftFrom({ preset: "uk-bank", sets: [...ORG_SETS, "retention.archiveDays=2000"] }, "out");
    const out = transcript();
    const prompter = scriptedPrompter({ configRecorders: "create", "storage.objectLock.days": tries(2100, 2000) });
    const { plan } = await finalizeAnswers(draft, { prompter, say: out.say });
    expect(out.text()).toContain("storage.objectLock.days: 2557 days outlasts the archive expiry of 2000 days");
    expect(prompter.asked).toEqual(["storage.objectLock.days"]);
    expect(prompter.specs.get("storage.objectLock.days")).toMatchObject({ default: 2000 });
    expect(prompter.rejections.map((r) => r.value)).toEqual([2100]);
    expect(plan.archive.objectLock).toEqual({ mode: "COMPLIANCE", days: 2000 });
  });

  it("re-asks named buckets that would log the estate's own deliveries", async () => {
    const estateBucket = "audit-cloudtrail-222222222222-eu-west-2";
    const draft = draftFrom({ preset: "uk-healthcare", sets: [...ORG_SETS, `dataEvents.s3Buckets=${estateBucket}`] }, "out");
    const out = transcript();
    const prompter = scriptedPrompter({ configRecorders: "create", "dataEvents.s3Buckets": "patient-records-prod" });
    const { plan } = await finalizeAnswers(draft, { prompter, say: out.say });
    expect(out.text()).toContain(`"${estateBucket}" is one of the estate's own log buckets`);
    expect(plan.trail.s3DataEvents).toEqual({ buckets: ["patient-records-prod"] });
  });

  it("re-asks a choice given by --set that the schema does not allow", async () => {
    const draft = draftFrom({ preset: "uk-smb", sets: ["accounts.management=111111111111", "alerts.emails=a@example.com", "output.format=hcl", "industry=retail"] }, "out");
    const out = transcript();
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, industry: "payments" });
    const { plan } = await finalizeAnswers(draft, { prompter, say: out.say });
    expect(out.lines[0]).toBe(
      'industry: "retail" is not allowed; expected one of "general", "banking", "healthcare", "payments"\n  set it in trailwright.json or with --set industry=general',
    );
    expect(plan.industry).toBe("payments");
  });

  it("without a terminal, throws the ConfigError (nothing is asked)", async () => {
    const draft = draftFrom({ preset: "uk-smb", sets: ["accounts.management=111111111111", "alerts.emails=a@example.com", "storage.mfaDelete=true"] }, "out");
    await expect(finalizeAnswers(draft)).rejects.toThrow(ConfigError);
    await expect(finalizeAnswers(draft)).rejects.toThrow(/MFA delete and lifecycle rules cannot both be on/);
  });

  it("gives up when re-asking cannot change the rejected answer", async () => {
    // guardrails has no question: the error goes straight up.
    const draft = draftFrom({ preset: "uk-smb", sets: ["accounts.management=111111111111", "alerts.emails=a@example.com", "guardrails.regionDeny=true"] }, "out");
    const prompter = scriptedPrompter({});
    await expect(finalizeAnswers(draft, { prompter, say: transcript().say })).rejects.toThrow(/guardrails: SCPs need an organization/);
  });

  it("maps rejected fields to their questions", () => {
    expect(questionForField("alerts.emails[1]")?.id).toBe("alerts.emails");
    expect(questionForField("storage.objectLock.days")?.id).toBe("storage.objectLock.days");
    expect(questionForField("retention")?.id).toBe("retention.archiveDays");
    expect(questionForField("guardrails")).toBeUndefined();
  });
});

describe("presets against the wizard's own checks", () => {
  it.each(listPresetIds())("%s: every answer it gives passes its question's check, so none is asked again", (id) => {
    const draft = draftFrom({ preset: id, sets: [...ORG_SETS, "dataEvents.s3Buckets=patient-records-prod"] });
    const problems = QUESTIONS.filter((q) => isAnswered(q, draft))
      .map((q) => [q.id, givenAnswerProblem(q, draft)])
      .filter(([, problem]) => problem !== undefined);
    expect(problems).toEqual([]);
    expect(valueAt(draft, "preset")).toBe(id);
  });

  it("organization answers are all asked for organization presets", () => {
    const draft = draftFrom({ preset: "uk-bank" });
    for (const id of Object.keys(ORG_ACCOUNTS)) expect(isAnswered(QUESTIONS.find((q) => q.id === id)!, draft)).toBe(false);
  });
});
