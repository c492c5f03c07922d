// The workspaces part of the plan: off by default, sites per account and
// region, and a one-line error for each answer that cannot work.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { ConfigError } from "../../src/model/errors.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { DEFAULT_BUSINESS_HOURS } from "../../src/plan/workspaces.js";
import { PRESET_IDS, PRESET_SETS, presetConfig, presetPlan, type PresetId } from "../helpers/preset-answers.js";
import { WS_ORG_ANSWERS, WS_SINGLE_ANSWERS } from "../helpers/workspaces-answers.js";

function withWorkspaces(preset: PresetId, workspaces: Record<string, unknown>, sets: readonly string[] = []): ResolvedPlan {
  return resolvePlan(loadConfig({ preset, answers: { workspaces }, sets: [...PRESET_SETS[preset], ...sets] }));
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("workspaces in the plan", () => {
  it.each(PRESET_IDS)("%s: off by default", (id) => {
    expect(presetPlan(id).workspaces).toBeUndefined();
    expect(presetConfig(id).workspaces).toBeUndefined();
  });

  it("enabled: false builds nothing", () => {
    expect(presetPlan("uk-smb", ["workspaces.enabled=false"]).workspaces).toBeUndefined();
  });

  it("single account: one site in the management account's home region, default hours and tiers", () => {
    const ws = withWorkspaces("uk-smb", WS_SINGLE_ANSWERS).workspaces!;
    expect(ws.sites).toHaveLength(1);
    expect(ws.sites[0]).toMatchObject({
      accountId: "111111111111",
      region: "eu-west-2",
      isManagementHome: true,
      providerAlias: undefined,
      assumeRoleArn: undefined,
      logGroupName: "/aws/events/audit-workspaces-access",
      ruleArn: "arn:aws:events:eu-west-2:111111111111:rule/audit-workspaces-access",
    });
    expect(ws.businessHours).toEqual({ timeZone: "Europe/London", start: "07:00", end: "19:00", days: ["MON", "TUE", "WED", "THU", "FRI"] });
    expect(ws.afterHoursTier).toBe("warning");
    expect(ws.trailAlarms.map((a) => a.id)).toContain("ws-signin-failures");
    expect(ws.accessAlarms.map((a) => a.id)).toEqual(["ws-login-outside-networks"]);
  });

  it("--set alone turns it on (no directories needed outside Managed AD)", () => {
    const ws = presetPlan("uk-smb", ["workspaces.enabled=true", "workspaces.identitySource=saml", "workspaces.allowedNetworks=203.0.113.0/24"]).workspaces!;
    expect(ws.identitySource).toBe("saml");
    expect(ws.allowedNetworks).toEqual(["203.0.113.0/24"]);
  });

  it("organization: a site per account and region, member accounts reached through the deploy role", () => {
    const plan = withWorkspaces("uk-bank", WS_ORG_ANSWERS);
    const ws = plan.workspaces!;
    expect(ws.sites.map((s) => [s.accountId, s.region, s.providerAlias])).toEqual([
      ["444444444444", "eu-west-2", "ws_444444444444_eu_west_2"],
      ["555555555555", "eu-west-2", "ws_555555555555_eu_west_2"],
    ]);
    // The deploy role bootstrap/ creates in every member account the estate reaches, WorkSpaces accounts included.
    expect(ws.sites[0]!.assumeRoleArn).toBe("arn:aws:iam::444444444444:role/trailwright-deploy");
    expect(ws.sites[0]!.directories).toEqual([
      { directoryId: "d-1234567890", logGroupName: "/aws/directoryservice/d-1234567890", logGroupArn: "arn:aws:logs:eu-west-2:444444444444:log-group:/aws/directoryservice/d-1234567890" },
    ]);
    expect(ws.sites[1]!.directories).toEqual([]);
    // Failed sign-ins for Managed AD come from the directory's logs, not CloudTrail.
    expect(ws.trailAlarms.map((a) => a.id)).not.toContain("ws-signin-failures");
    expect(ws.topics.map((t) => t.tier)).toEqual(["critical", "warning", "info"]);
  });

  it("identity sources without CloudTrail sign-in records get no sign-in filter", () => {
    for (const source of ["ad-connector", "simple-ad", "saml"]) {
      const ws = presetPlan("uk-smb", ["workspaces.enabled=true", `workspaces.identitySource=${source}`]).workspaces!;
      expect(ws.trailAlarms.map((a) => a.id)).not.toContain("ws-signin-failures");
      expect(ws.accessAlarms).toEqual([]);
    }
  });

  it("business hours and tier can be set", () => {
    const ws = withWorkspaces("uk-smb", {
      ...WS_SINGLE_ANSWERS,
      businessHours: { timeZone: "America/New_York", start: "08:30", end: "17:30", days: ["MON", "TUE", "WED", "THU"] },
      afterHoursTier: "critical",
    }).workspaces!;
    expect(ws.businessHours).toEqual({ timeZone: "America/New_York", start: "08:30", end: "17:30", days: ["MON", "TUE", "WED", "THU"] });
    expect(ws.afterHoursTier).toBe("critical");
  });
});

describe("workspaces answers that cannot work", () => {
  it.each([
    [{ enabled: true }, "uk-smb", "workspaces.identitySource"],
    [{ enabled: true, identitySource: "saml" }, "uk-bank", "workspaces.accounts"],
    [{ enabled: true, identitySource: "saml", accounts: ["999999999999"] }, "uk-smb", "workspaces.accounts"],
    [{ enabled: true, identitySource: "saml", regions: ["eu-west-1"] }, "uk-smb", "workspaces.regions"],
    [{ enabled: true, identitySource: "saml", regions: ["eu-middle-9"] }, "uk-smb", "workspaces.regions"],
    [{ enabled: true, identitySource: "managed-ad" }, "uk-smb", "workspaces.directories"],
    [{ enabled: true, identitySource: "saml", directories: [{ id: "d-1234567890" }] }, "uk-smb", "workspaces.directories"],
    [{ enabled: true, identitySource: "saml", businessHours: { timeZone: "Europe/Lundon" } }, "uk-smb", "workspaces.businessHours.timeZone"],
    [{ enabled: true, identitySource: "saml", businessHours: { start: "19:00", end: "07:00" } }, "uk-smb", "workspaces.businessHours.end"],
    [{ enabled: true, identitySource: "saml", allowedNetworks: Array.from({ length: 25 }, (_, i) => `203.0.${i}.0/24`) }, "uk-smb", "workspaces.allowedNetworks"],
  ] as const)("%j on %s -> %s", (workspaces, preset, field) => {
    const error = configError(() => withWorkspaces(preset, workspaces as Record<string, unknown>));
    expect(error.field).toBe(field);
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.hint).toBeTruthy();
  });

  it("a directory in a multi-account estate must say which account owns it", () => {
    const error = configError(() => withWorkspaces("uk-bank", { ...WS_ORG_ANSWERS, directories: [{ id: "d-1234567890" }] }));
    expect(error.field).toBe("workspaces.directories[0].account");
  });

  it("a prefix off an octet boundary is refused by the schema, naming the fix", () => {
    const error = configError(() => presetPlan("uk-smb", ["workspaces.enabled=true", "workspaces.identitySource=saml", "workspaces.allowedNetworks=203.0.113.0/23"]));
    expect(error.message).toMatch(/workspaces\.allowedNetworks/);
    expect(`${error.message} ${error.hint ?? ""}`).toMatch(/octet boundary/);
  });

  it("module mode is refused until its providers can come from the caller", () => {
    const error = configError(() => withWorkspaces("uk-smb", WS_SINGLE_ANSWERS, ["output.mode=module"]));
    expect(error.field).toBe("workspaces.enabled");
  });
});

describe("WorkSpaces business hours' default zone", () => {
  it("is a zone ICU and the name check accept (it is not re-checked on every plan; a user's zone is)", () => {
    expect(() => new Intl.DateTimeFormat("en-GB", { timeZone: DEFAULT_BUSINESS_HOURS.timeZone })).not.toThrow();
    expect(DEFAULT_BUSINESS_HOURS.timeZone).toMatch(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/);
  });
});
