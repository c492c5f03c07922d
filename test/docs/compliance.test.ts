// COMPLIANCE.md against the real synthesized Terraform of each preset: every
// address it cites exists, every control the plan selects is cited with all of
// its addresses, and every deliberate exception is listed with what to do.
import { describe, expect, it } from "vitest";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import { AddressIndex } from "../../src/docs/address-index.js";
import { selectControls } from "../../src/docs/compliance-context.js";
import { ESTATE_CONTROLS } from "../../src/docs/controls.js";
import { hasGuidance } from "../../src/docs/exception-guidance.js";
import { REQUIREMENT_AREAS } from "../../src/docs/requirement-areas.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { citedAddresses } from "./support/cited-addresses.js";
import { PRESET_SETS, presetEstate, VARIANTS, type Estate } from "./support/preset-estates.js";

function compliance(estate: Estate): string {
  const file = renderEstateDocuments(estate.plan, { addresses: estate.addresses }).find((f) => f.path === "COMPLIANCE.md");
  if (!file) throw new Error("no COMPLIANCE.md rendered");
  return file.content;
}

/** The Markdown section that starts at `heading` and runs to the next heading of the same or higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const level = heading.match(/^#+/)![0]!.length;
  const rest = markdown.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level}} `, "m"));
  return next < 0 ? rest : rest.slice(0, next);
}

const ESTATES: readonly [string, () => Estate][] = [
  ...Object.keys(PRESET_SETS).map((preset) => [preset, () => presetEstate(preset)] as [string, () => Estate]),
  ...Object.entries(VARIANTS).map(([name, v]) => [name, () => presetEstate(v.preset, v.extra)] as [string, () => Estate]),
];

describe.each(ESTATES)("COMPLIANCE.md for %s", (_name, estateOf) => {
  it("cites only Terraform addresses that exist in the synthesized stack", () => {
    const estate = estateOf();
    const cited = citedAddresses(compliance(estate));
    expect(cited.length).toBeGreaterThan(20);
    const missing = cited.filter((a) => !estate.addresses.includes(a));
    expect(missing).toEqual([]);
  });

  it("accounts for every resource and data source in the stack (a new construct needs a control)", () => {
    const estate = estateOf();
    const cited = new Set(citedAddresses(compliance(estate)));
    expect(estate.addresses.filter((a) => !cited.has(a))).toEqual([]);
  });

  it("cites every control the plan selects, with every address that implements it", () => {
    const estate = estateOf();
    const doc = compliance(estate);
    const selected = ESTATE_CONTROLS.filter((c) => c.applies(estate.plan));
    expect(selected.length).toBeGreaterThan(15);
    const controlsTable = section(doc, "## Controls");
    for (const control of selected) expect(controlsTable).toContain(`(\`${control.id}\`)`);
    const cited = new Set(citedAddresses(doc));
    for (const { control, addresses } of selectControls(estate.plan, new AddressIndex(estate.addresses))) {
      expect(addresses.length, control.id).toBeGreaterThan(0);
      for (const address of addresses) expect(cited.has(address), `${control.id}: ${address}`).toBe(true);
    }
  });

  it("maps each framework's seven requirement areas to controls, with the framework's citation", () => {
    const estate = estateOf();
    const { plan } = estate;
    const doc = compliance(estate);
    for (const ref of plan.frameworks) {
      const f = FRAMEWORKS[ref.id as FrameworkId];
      const table = section(doc, `### ${f.name}`);
      for (const area of REQUIREMENT_AREAS) {
        const row = table.split("\n").find((l) => l.startsWith(`| ${area.title} |`));
        expect(row, `${f.id} ${area.id}`).toBeDefined();
        expect(row).toContain(area.expectation(f).citation.url);
      }
      // Every area the estate serves names at least one control; monitoring always does.
      expect(table.split("\n").find((l) => l.startsWith("| Monitoring |"))).toMatch(/\| C\d+/);
    }
  });

  it("lists every suppressed scanner check with its reason and what to do instead", () => {
    const estate = estateOf();
    const exceptions = section(compliance(estate), "### Scanner checks suppressed on purpose");
    expect(estate.plan.suppressions.length).toBeGreaterThan(0);
    for (const s of estate.plan.suppressions) {
      const row = exceptions.split("\n").find((l) => l.startsWith(`| \`${s.check}\` | \`${s.target}\` |`));
      expect(row, `${s.check} on ${s.target}`).toBeDefined();
      expect(row).toContain(s.reason.slice(0, 30));
      expect(hasGuidance(s.check), `no "instead" guidance for ${s.check}`).toBe(true);
    }
  });

  it("lists the controls it leaves out and the duties only the organisation can perform", () => {
    const estate = estateOf();
    const doc = compliance(estate);
    const absent = ESTATE_CONTROLS.filter((c) => !c.applies(estate.plan) && c.whenAbsent);
    for (const c of absent) expect(section(doc, "### Controls this estate does not provide")).toContain(`(\`${c.id}\`)`);
    const duties = section(doc, "### Duties the estate cannot perform alone");
    for (const ref of estate.plan.frameworks) {
      for (const duty of FRAMEWORKS[ref.id as FrameworkId].organisationalDuties) expect(duties).toContain(duty);
    }
  });

  it("gives each alarm its own metric filter, alarm and topic address", () => {
    const estate = estateOf();
    const table = section(compliance(estate), "## CIS monitoring alarms");
    for (const alarm of estate.plan.alarms) {
      const id = alarm.id.replace(/-/g, "_");
      const row = table.split("\n").find((l) => l.includes(`.cis_alarms_${id}_filter\``));
      expect(row, alarm.id).toBeDefined();
      expect(row).toContain(`.cis_alarms_${id}_alarm\``);
      expect(row).toContain(`aws_sns_topic.alerts_${alarm.tier}_topic`);
    }
  });
});

describe("what COMPLIANCE.md says for particular plans", () => {
  it("records MFA delete as a gap with Object Lock as the compensating control when it is off", () => {
    const doc = compliance(presetEstate("uk-bank"));
    const gaps = section(doc, "### Controls this estate does not provide");
    expect(gaps).toContain("(`archive-mfa-delete`)");
    expect(gaps).toContain("Object Lock COMPLIANCE protects every version instead");
  });

  it("cites MFA delete, and the hand-deletion duty, when it is chosen", () => {
    const { name, preset, extra } = { name: "uk-smb with MFA delete", ...VARIANTS["uk-smb with MFA delete"]! };
    const doc = compliance(presetEstate(preset, extra));
    expect(section(doc, "## Controls"), name).toContain("(`archive-mfa-delete`)");
    expect(section(doc, "### Duties the estate cannot perform alone")).toContain("Turn on MFA delete as the root user");
    expect(section(doc, "### Scanner checks suppressed on purpose")).toContain("`CKV2_AWS_61`");
  });

  it("says Control Tower's trail holds the management events when Control Tower is present", () => {
    const { preset, extra } = VARIANTS["uk-bank under Control Tower"]!;
    const doc = compliance(presetEstate(preset, extra));
    expect(section(doc, "## Controls")).toContain("(`control-tower-log-group`)");
    expect(section(doc, "## Controls")).toContain("`data.aws_cloudwatch_log_group.log_group_main`");
    expect(section(doc, "### Controls this estate does not provide")).toContain("(`trail-multi-region`)");
  });
});

describe("COMPLIANCE.md refuses to cite what the Terraform does not contain", () => {
  const rename = (addresses: readonly string[], from: string, to: string) => addresses.map((a) => a.replace(from, to));

  it("fails when a construct the documents rely on was renamed", () => {
    const { plan, addresses } = presetEstate("uk-bank");
    const renamed = rename(addresses, ".log_archive_object_lock", ".archive_lock_object_lock");
    expect(() => renderEstateDocuments(plan, { addresses: renamed })).toThrow(
      /archive-object-lock.*aws_s3_bucket_object_lock_configuration in construct "log_archive"/,
    );
  });

  it("fails when a suppression targets an address the stack does not have", () => {
    const { plan, addresses } = presetEstate("uk-smb");
    const withoutTrail = addresses.filter((a) => !a.startsWith("aws_cloudtrail."));
    const renamedTrail = [...withoutTrail, "aws_cloudtrail.trail_primary"];
    expect(() => renderEstateDocuments(plan, { addresses: renamedTrail })).toThrow(/suppresses CKV_AWS_252 on aws_cloudtrail\.trail_main/);
  });

  it("fails when an alarm has no metric filter of its own", () => {
    const { plan, addresses } = presetEstate("uk-smb");
    const withoutRootFilter = addresses.filter((a) => a !== "aws_cloudwatch_log_metric_filter.cis_alarms_root_usage_filter");
    expect(() => renderEstateDocuments(plan, { addresses: withoutRootFilter })).toThrow(/alarm root-usage, found 0/);
  });

  it("fails on anything that is not a Terraform address", () => {
    const { plan, addresses } = presetEstate("uk-smb");
    expect(() => renderEstateDocuments(plan, { addresses: [...addresses, "module.x.aws_s3_bucket.y z"] })).toThrow(/not a Terraform resource or data address/);
  });
});

describe("rendering is deterministic", () => {
  it("renders byte-identical documents for the same plan, with no absolute paths", () => {
    const { plan, addresses } = presetEstate("uk-healthcare");
    const first = renderEstateDocuments(plan, { addresses });
    const second = renderEstateDocuments(plan, { addresses: [...addresses].reverse() });
    expect(second).toEqual(first);
    for (const file of first) expect(file.content).not.toMatch(/\/work\/|\/home\/|\/tmp\/|[A-Z]:\\/);
  });

  it("is independent of the plan object's identity (plain data in, text out)", () => {
    const { plan, addresses } = presetEstate("uk-smb");
    const copy = JSON.parse(JSON.stringify(plan)) as ResolvedPlan;
    expect(renderEstateDocuments(copy, { addresses })).toEqual(renderEstateDocuments(plan, { addresses }));
  });
});
