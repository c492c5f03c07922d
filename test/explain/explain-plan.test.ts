// `presets show` in words: the counts it states match the plan, and the
// investigation part says where it runs and when it reports, or how to turn it on.
import { describe, expect, it } from "vitest";
import { explainPlan } from "../../src/explain/explain-plan.js";
import { alertingChecks } from "../../src/query/estate/review-state-machine.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";

describe("explainPlan", () => {
  it.each(PRESET_IDS)("%s: the alarm count is the number of alarms listed under it", (id) => {
    const text = explainPlan(presetPlan(id));
    const lines = text.split("\n");
    const header = lines.findIndex((l) => l.startsWith("Alarms ("));
    const stated = Number(/^Alarms \((\d+)\)/.exec(lines[header]!)![1]);
    const listed = lines.slice(header + 1).findIndex((l) => !l.startsWith("  - ["));
    expect(listed).toBe(stated);
  });

  it("uk-bank: the reviews run in the security account on the plan's schedule and cite PCI DSS 10.4.1", () => {
    const plan = presetPlan("uk-bank");
    const text = explainPlan(plan);
    expect(text).toContain(`Investigation and reviews, in the security account (${plan.accounts.security.id}):`);
    expect(text).toContain(`daily (${plan.forensics!.dailyCron}) and weekly (${plan.forensics!.weeklyCron}) in ${plan.forensics!.timeZone}`);
    expect(text).toMatch(/PCI DSS 10\.4\.1, 10\.4\.1\.1/);
    // The checks that escalate are the state machine's own list, not a hand summary of it.
    const review = text.split("\n").find((l) => l.includes("runs the review daily"))!;
    for (const id of alertingChecks()) expect(review).toContain(id);
  });

  it("uk-bank: the decrypt claim names the Athena roles forensics lets read, uk-smb's does not", () => {
    const bank = presetPlan("uk-bank");
    const claim = explainPlan(bank).split("\n").find((l) => l.includes("can decrypt log files"))!;
    expect(claim).toContain(bank.forensics!.investigatorRoleArn);
    expect(claim).toContain(bank.forensics!.reviewRoleArn);
    expect(explainPlan(presetPlan("uk-smb")).split("\n").find((l) => l.includes("decrypt log files"))).not.toMatch(/investigator/);
  });

  it("uk-smb: forensics off, with the flag that turns it on", () => {
    const plan = presetPlan("uk-smb");
    expect(plan.forensics).toBeUndefined();
    expect(explainPlan(plan)).toContain("Investigation and reviews: off. Turn them on with --set forensics.enabled=true");
  });
});
