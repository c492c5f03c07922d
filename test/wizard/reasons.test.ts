// "Why N days?": asked right after a retention or lock number the person typed
// that COMPLIANCE.md would report as set by hand, never for a number the
// wizard offered, never without a terminal; the summary's "change an answer"
// drops a reason its number no longer needs and asks again for a new number.
import { describe, expect, it } from "vitest";
import { changeAnswer, changeChoices } from "../../src/wizard/change-answer.js";
import { valueAt, withValue, type Draft } from "../../src/wizard/draft.js";
import { finalizeAnswers } from "../../src/wizard/finalize.js";
import { askRemaining, fillWithDefaults } from "../../src/wizard/flow.js";
import { renderSummary } from "../../src/wizard/summary.js";
import { scriptedPrompter, type Script } from "./scripted-prompter.js";
import { draftFrom, transcript } from "./support.js";

const USER_SETS = ["accounts.management=111111111111", "alerts.emails=secops@example.com", "workspaces.enabled=false", "forensics.enabled=false", "output.format=hcl"];

/** uk-smb with its retention numbers left to be asked (offered: 365 archive, 365 searchable, 90 in Standard). */
const smbAskingRetention = (): Draft => withValue(draftFrom({ preset: "uk-smb", sets: USER_SETS }, "estate"), "retention", undefined);

const OFFERED = { "retention.archiveDays": 365, "retention.hotDays": 365, "retention.immediateDays": 90 };

async function answered(script: Script, start: Draft = smbAskingRetention()) {
  const prompter = scriptedPrompter(script);
  const draft = await askRemaining(start, prompter, transcript().say);
  return { prompter, draft };
}

describe("the reason for a number set by hand", () => {
  it("is not asked when every number is the one offered", async () => {
    const { prompter, draft } = await answered(OFFERED);
    expect(prompter.asked).toEqual(["retention.archiveDays", "retention.hotDays", "retention.immediateDays"]);
    expect(valueAt(draft, "reasons")).toBeUndefined();
  });

  it("is asked right after a number other than the one offered, and reaches trailwright.json, the plan and the summary", async () => {
    const { prompter, draft } = await answered({ ...OFFERED, "retention.archiveDays": 400, "reasons.archiveDays": "  Board minute 2026-03: thirteen months  " });
    expect(prompter.asked).toEqual(["retention.archiveDays", "reasons.archiveDays", "retention.hotDays", "retention.immediateDays"]);
    // No default: Enter has to mean "none".
    expect(prompter.specs.get("reasons.archiveDays")).toMatchObject({ kind: "input", message: "Why 400 days? (recorded in COMPLIANCE.md; Enter for none)" });
    expect(prompter.specs.get("reasons.archiveDays")).not.toHaveProperty("default");
    const { config, plan } = await finalizeAnswers(draft);
    expect(config.reasons).toEqual({ archiveDays: "Board minute 2026-03: thirteen months" });
    expect(plan.retention.archiveDays.reason).toBe("set in trailwright.json: Board minute 2026-03: thirteen months");
    expect(renderSummary({ plan, addresses: [], out: "estate" })).toContain(
      "    archive in S3, then expired: 400 days (about 1.1 years)\n      why: set in trailwright.json: Board minute 2026-03: thirteen months",
    );
  });

  it("stores nothing on Enter, and the estate then says no reason was given", async () => {
    const { prompter, draft } = await answered({ ...OFFERED, "retention.hotDays": 500, "reasons.hotDays": "" });
    // 500 is snapped to 545 before the question, which names the number that will be used.
    expect(prompter.specs.get("reasons.hotDays")?.message).toBe("Why 545 days? (recorded in COMPLIANCE.md; Enter for none)");
    expect(draft.config).not.toHaveProperty("reasons");
    const { plan } = await finalizeAnswers(draft);
    expect(plan.retention.hotDays.reason).toMatch(/^set in trailwright\.json; no reason was given \(record one as reasons\.hotDays\); meets /);
  });

  it("is not asked for a number given by a flag or file, and a reason given by --set is kept", async () => {
    const start = draftFrom({ preset: "uk-smb", sets: [...USER_SETS, "retention.archiveDays=400", "reasons.hotDays=kept"] }, "estate");
    const { prompter, draft } = await answered({ "retention.hotDays": 365 }, withValue(start, "retention.hotDays", undefined));
    expect(prompter.asked).toEqual(["retention.hotDays"]);
    expect(prompter.asked).not.toContain("reasons.archiveDays");
    expect(valueAt(draft, "reasons")).toEqual({ hotDays: "kept" });
  });

  it("is never asked without a terminal, where --set reasons.<key> records it", async () => {
    const filled = fillWithDefaults(draftFrom({ preset: "uk-smb", sets: [...USER_SETS, "retention.archiveDays=400"] }, "estate"));
    const open = [...filled.missing, ...filled.defaulted].map((u) => u.question.id);
    expect(open.filter((id) => id.startsWith("reasons."))).toEqual([]);
    expect(filled.missing).toEqual([]);
    const given = fillWithDefaults(draftFrom({ preset: "uk-smb", sets: [...USER_SETS, "retention.archiveDays=400", "reasons.archiveDays=Board minute 12"] }, "estate"));
    expect((await finalizeAnswers(given.draft)).plan.retention.archiveDays.reason).toBe("set in trailwright.json: Board minute 12");
  });

  it("is never owed for a default the wizard offers, whatever the jurisdiction and industry", async () => {
    for (const jurisdiction of ["uk", "eu", "us"]) {
      for (const industry of ["general", "banking", "healthcare", "payments"]) {
        const sets = [`jurisdiction=${jurisdiction}`, `industry=${industry}`, "topology=single-account", "dataEvents.s3=off", ...USER_SETS];
        const filled = fillWithDefaults(draftFrom({ sets }, "estate"));
        const { plan } = await finalizeAnswers(filled.draft);
        const reasons = Object.values(plan.retention).flatMap((n) => (n ? [n.reason] : []));
        expect(reasons.filter((r) => r.includes("no reason was given")), `${jurisdiction} ${industry}`).toEqual([]);
        expect(Object.keys(filled.draft.wizard ?? {}).filter((id) => id.startsWith("wizard.reasonOwed")), `${jurisdiction} ${industry}`).toEqual([]);
      }
    }
  });
});

describe("changing a number at the summary", () => {
  /** 400 days in the archive, with its reason, as the summary holds it. */
  async function withReason(): Promise<Draft> {
    return (await answered({ ...OFFERED, "retention.archiveDays": 400, "reasons.archiveDays": "Board minute 12" })).draft;
  }

  it("lists the reason as an answer that can be changed", async () => {
    expect(changeChoices(await withReason())).toContainEqual({ value: "reasons.archiveDays", name: "Reason for the archive retention: Board minute 12" });
  });

  it("back to the number offered drops the reason without asking", async () => {
    const prompter = scriptedPrompter({ change: "retention.archiveDays", "retention.archiveDays": 365, "retention.immediateDays": 90 });
    const draft = await changeAnswer(await withReason(), prompter, transcript().say);
    expect(prompter.asked).toEqual(["change", "retention.archiveDays", "retention.immediateDays"]);
    expect(draft.config).not.toHaveProperty("reasons");
    expect((await finalizeAnswers(draft)).plan.retention.archiveDays.reason).toMatch(/^engineering choice: /);
  });

  it("to another number set by hand asks again, right after it, without offering the old reason", async () => {
    const prompter = scriptedPrompter({ change: "retention.archiveDays", "retention.archiveDays": 500, "reasons.archiveDays": "", "retention.immediateDays": 90 });
    const draft = await changeAnswer(await withReason(), prompter, transcript().say);
    expect(prompter.asked).toEqual(["change", "retention.archiveDays", "reasons.archiveDays", "retention.immediateDays"]);
    expect(prompter.specs.get("reasons.archiveDays")).toMatchObject({ message: "Why 500 days? (recorded in COMPLIANCE.md; Enter for none)" });
    expect(prompter.specs.get("reasons.archiveDays")).not.toHaveProperty("default");
    expect(draft.config).not.toHaveProperty("reasons");
  });

  it("to the same number keeps its reason and asks nothing more", async () => {
    const out = transcript();
    const prompter = scriptedPrompter({ change: "retention.archiveDays", "retention.archiveDays": 400 });
    const draft = await changeAnswer(await withReason(), prompter, out.say);
    expect(prompter.asked).toEqual(["change", "retention.archiveDays"]);
    expect(valueAt(draft, "reasons.archiveDays")).toBe("Board minute 12");
  });

  it("an Object Lock period set by hand is asked why; a new archive period, which the lock then follows, drops it", async () => {
    const locked = await changeAnswer(
      await withReason(),
      scriptedPrompter({ change: "storage.objectLock.days", "storage.objectLock.days": 300, "reasons.objectLockDays": "Legal: a shorter lock for erasure requests" }),
      transcript().say,
    );
    expect((await finalizeAnswers(locked)).plan.retention.objectLockDays?.reason).toBe("set in trailwright.json: Legal: a shorter lock for erasure requests");
    const prompter = scriptedPrompter({ change: "retention.archiveDays", "retention.archiveDays": 365, "retention.immediateDays": 90 });
    const draft = await changeAnswer(locked, prompter, transcript().say);
    expect(valueAt(draft, "storage.objectLock.days")).toBeUndefined();
    expect(draft.config).not.toHaveProperty("reasons");
  });
});
