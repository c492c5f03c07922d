// What the estate README, COMPLIANCE.md and `presets show` say about
// WorkSpaces: the guide-versus-AWS table, honest text for every identity
// source, and only addresses the Terraform contains.
import { describe, expect, it } from "vitest";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import { explainPlan } from "../../src/explain/explain-plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";
import { workspacesConfig } from "../helpers/workspaces-answers.js";

function documents(sets: readonly string[], variant: "single" | "organization" = "single") {
  const plan = resolvePlan(workspacesConfig(variant, sets));
  const { addresses } = synthesizeEstate(plan);
  const files = renderEstateDocuments(plan, { addresses });
  const text = (path: string) => files.find((f) => f.path === path)!.content;
  return { plan, addresses, readme: text("README.md"), compliance: text("COMPLIANCE.md") };
}

const section = (doc: string) => doc.slice(doc.indexOf("## WorkSpaces user activity"), doc.indexOf("\n## ", doc.indexOf("## WorkSpaces user activity") + 5));

describe("WorkSpaces in the estate documents", () => {
  it.each([
    ["identity-center", /alarm `audit-ws-signin-failures` fires at 5 or more in 5 minutes/],
    ["ad-connector", /\*\*Not recorded in AWS\.\*\* AD Connector has no built-in logging of invalid password attempts/],
    ["simple-ad", /\*\*Not recorded anywhere AWS exposes\.\*\*/],
    ["saml", /\*\*Not recorded in AWS\.\*\* With a SAML 2\.0 identity provider/],
  ])("%s: the README says where failed sign-ins are, or that they are nowhere", (source, sentence) => {
    const { readme, compliance } = documents([`workspaces.identitySource=${source}`]);
    expect(section(readme)).toMatch(sentence);
    expect(section(compliance)).toMatch(sentence);
  });

  it("Managed AD: forwarding is described, and the missing alarm is said plainly", () => {
    const { readme } = documents([], "organization");
    expect(section(readme)).toMatch(/forwards `d-1234567890` to `\/aws\/directoryservice\/d-1234567890`/);
    expect(section(readme)).toMatch(/\*\*No alarm on failed logons yet:\*\*/);
  });

  it("the table covers every item the guide asks, and never claims CloudTrail logins or geolocation", () => {
    const { readme, compliance } = documents([]);
    for (const doc of [section(readme), section(compliance)]) {
      expect(doc).toContain("| What the guide asks | What AWS provides | What this estate does |");
      for (const ask of ["who logged in", "failed logins", "unusual locations", "IP address changes", "After-hours", "bundles and images", "health", "dedicated log group", "executive dashboard"]) {
        expect(doc).toContain(ask);
      }
      expect(doc).toContain("No CloudTrail login or logoff event exists");
      expect(doc).toContain("No WorkSpaces record carries a location");
      expect(doc).toContain("it is not a failed password");
    }
  });

  it("COMPLIANCE.md cites only WorkSpaces addresses the Terraform contains, one alarm row per alarm", () => {
    const { compliance, addresses, plan } = documents([], "organization");
    const cited = [...section(compliance).matchAll(/`((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)`/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(10);
    for (const address of cited) expect(addresses).toContain(address);
    const alarms = addresses.filter((a) => a.startsWith("aws_cloudwatch_metric_alarm.workspaces_"));
    expect(new Set(cited.filter((a) => a.startsWith("aws_cloudwatch_metric_alarm.")))).toEqual(new Set(alarms));
    expect(compliance).toContain("Amazon WorkSpaces user activity recorded and alarmed (`workspaces-user-activity`)");
    expect(plan.workspaces!.sites).toHaveLength(2);
  });

  it("the README lists a component row per WorkSpaces account and region, and the role into member accounts", () => {
    const { readme, plan } = documents([], "organization");
    expect(readme).toMatch(/\| WorkSpaces login monitoring: .* with its own KMS key and alert topics \| account 444444444444, eu-west-2 \|/);
    expect(readme).toMatch(/\| WorkSpaces login monitoring: .* \| account 555555555555, eu-west-2 \|/);
    expect(readme).toContain("**WorkSpaces accounts** 444444444444, 555555555555 are reached through `arn:aws:iam::444444444444:role/trailwright-deploy`");
    // bootstrap/ creates the deploy role in the WorkSpaces accounts too.
    expect(plan.access.memberAccountIds).toEqual(expect.arrayContaining(["444444444444", "555555555555"]));
  });
});

describe("presets show", () => {
  it.each(PRESET_IDS)("%s: describes the option while it is off", (id) => {
    const text = explainPlan(presetPlan(id));
    expect(text).toContain("Amazon WorkSpaces user activity: off.");
    expect(text).toContain("--set workspaces.enabled=true");
  });

  it("describes what is built when it is on, without claiming failed logins AWS does not record", () => {
    const text = explainPlan(resolvePlan(workspacesConfig("single", ["workspaces.identitySource=saml"])));
    expect(text).toContain("Amazon WorkSpaces user activity, in 111111111111 eu-west-2:");
    expect(text).toContain("AWS sends no CloudTrail login or logoff record and no location");
    expect(text).toContain("Failed sign-ins: Not recorded in AWS.");
    expect(text).not.toContain("**");
  });
});
