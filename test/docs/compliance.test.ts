// COMPLIANCE.md against the real synthesized Terraform of each preset: every
// address it cites exists, every control the plan selects is cited with all of
// its addresses, every framework requirement points at the controls that serve
// it, every deliberate exception is listed with what to do, and the document
// stays small by saying each thing once.
import { describe, expect, it } from "vitest";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import { AddressIndex } from "../../src/docs/address-index.js";
import { selectControls } from "../../src/docs/compliance-controls.js";
import { ESTATE_CONTROLS } from "../../src/docs/controls.js";
import { hasGuidance } from "../../src/docs/exception-guidance.js";
import { REQUIREMENT_AREAS } from "../../src/docs/requirement-areas.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { citedAddresses } from "./support/cited-addresses.js";
import { repeatedBlocks } from "./support/markdown-repeats.js";
import { OPTION_VARIANTS, optionEstate, PRESET_SETS, presetEstate, VARIANTS, type Estate } from "./support/preset-estates.js";

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

  it("lists each framework's requirements with their citation, the areas they cover and links to the controls that serve them", () => {
    const estate = estateOf();
    const { plan } = estate;
    const doc = compliance(estate);
    const selected = selectControls(plan, new AddressIndex(estate.addresses));
    // Every control link resolves to the anchor on that control's row.
    const controlsTable = section(doc, "## Controls");
    for (const s of selected) {
      expect(doc).toContain(`\n[${s.ref}]: #${s.ref.toLowerCase()}\n`);
      expect(controlsTable).toContain(`| <a id="${s.ref.toLowerCase()}"></a>${s.ref} `);
    }
    for (const ref of plan.frameworks) {
      const f = FRAMEWORKS[ref.id as FrameworkId];
      const table = section(doc, `### ${f.name}`);
      for (const area of REQUIREMENT_AREAS) {
        const e = area.expectation(f);
        const row = table.split("\n").find((l) => l.startsWith(`| [${e.citation.text}][`) && l.includes(` | ${e.summary} | `));
        expect(row, `${f.id} ${area.id}`).toBeDefined();
        expect(row!.split(" | ")[2]!.toLowerCase(), `${f.id} ${area.id}`).toContain(area.title.toLowerCase());
        const label = row!.match(/\]\[([a-z0-9-]+)\]/)![1]!;
        expect(table).toContain(`[${label}]: ${e.citation.url}`);
        // Exactly the controls that serve the area, or none, and never a control's addresses.
        const linked = [...row!.split(" | ")[3]!.matchAll(/\[(C\d+)\]/g)].map((m) => m[1]);
        for (const s of selected.filter((x) => x.control.areas.includes(area.id))) expect(linked, `${f.id} ${area.id}`).toContain(s.ref);
        expect(citedAddresses(row!)).toEqual([]);
      }
      // Monitoring always has a control; the framework's own duties are in its section.
      const monitoring = table.split("\n").find((l) => l.includes(`| ${f.review.summary} |`));
      expect(monitoring).toMatch(/\[C\d+\]/);
      for (const duty of f.organisationalDuties) expect(table).toContain(`- ${duty}`);
    }
  });

  it("lists every suppressed scanner check with its reason and what to do instead", () => {
    const estate = estateOf();
    const exceptions = section(compliance(estate), "### Scanner checks suppressed on purpose");
    expect(estate.plan.suppressions.length).toBeGreaterThan(0);
    for (const s of estate.plan.suppressions) {
      const rows = exceptions.split("\n").filter((l) => l.startsWith(`| \`${s.check}\` |`) && l.split(" | ")[1]!.includes(`\`${s.target}\``));
      expect(rows, `${s.check} on ${s.target}`).toHaveLength(1);
      expect(rows[0]).toContain(s.reason.slice(0, 30));
      expect(hasGuidance(s.check), `no "instead" guidance for ${s.check}`).toBe(true);
    }
  });

  it("lists the controls it leaves out and the duties every framework leaves to people", () => {
    const estate = estateOf();
    const doc = compliance(estate);
    const absent = ESTATE_CONTROLS.filter((c) => !c.applies(estate.plan) && c.whenAbsent);
    for (const c of absent) expect(section(doc, "### Controls this estate does not provide")).toContain(`(\`${c.id}\`)`);
    expect(section(doc, "### Duties under every framework")).toContain("Confirm every alert email subscription (secops@example.com)");
  });

  it("gives each alarm its own metric filter and alarm address, and names each tier's topic once", () => {
    const estate = estateOf();
    const alarms = section(compliance(estate), "## CIS monitoring alarms");
    for (const alarm of estate.plan.alarms) {
      const id = alarm.id.replace(/-/g, "_");
      const row = alarms.split("\n").find((l) => l.includes(`.cis_alarms_${id}_filter\``));
      expect(row, alarm.id).toBeDefined();
      expect(row).toContain(`.cis_alarms_${id}_alarm\``);
      expect(row).toContain(`| ${alarm.tier} |`);
      expect(alarms.split(`${alarm.tier} \`aws_sns_topic.alerts_${alarm.tier}_topic\``)).toHaveLength(2);
    }
  });
});

/**
 * The size budget. Before the controls were listed once, COMPLIANCE.md was
 * 35 KB (uk-smb), 57 KB (uk-bank) and 74 KB (uk-bank with WorkSpaces), mostly the
 * same control rows repeated per framework. What remains is what must be cited:
 * every one of the 70-270 Terraform addresses, each control's description and
 * scanner ids, and the alarm, rule and exception tables, which measured 26 KB,
 * 43 KB and 56 KB. The ceilings leave room for a few more controls, not for
 * repeated tables: the uk-bank document with every repetition back would be 57 KB.
 */
const MAX_BYTES = 48_000;
/** Forensics and WorkSpaces each add a control with dozens of addresses and the WorkSpaces section. */
const MAX_BYTES_WITH_OPTIONS = 60_000;

/** Phrases the document once printed where a sentence belonged. */
const BANNED = ["as part of:", "none (custom configuration)", "Per firm policy", "set in the configuration", "undefined", "[object Object]", "NaN"];

const SIZED: readonly [string, () => Estate, number][] = [
  ...ESTATES.map(([name, estateOf]) => [name, estateOf, MAX_BYTES] as [string, () => Estate, number]),
  ...Object.keys(OPTION_VARIANTS).map((name) => [name, () => optionEstate(name), MAX_BYTES_WITH_OPTIONS] as [string, () => Estate, number]),
];

describe.each(SIZED)("COMPLIANCE.md for %s says each thing once", (_name, estateOf, ceiling) => {
  it(`stays under ${ceiling} bytes`, () => {
    expect(Buffer.byteLength(compliance(estateOf()), "utf8")).toBeLessThan(ceiling);
  });

  it("repeats no table row, list item or paragraph", () => {
    expect(repeatedBlocks(compliance(estateOf()))).toEqual([]);
  });

  it("prints no placeholder phrase", () => {
    const doc = compliance(estateOf());
    for (const phrase of BANNED) expect(doc, phrase).not.toContain(phrase);
  });
});

describe("the duplication check itself", () => {
  it("finds a repeated row, cell, list item and paragraph, and ignores short ones and control links", () => {
    const row = "| `CKV_AWS_144` | `aws_s3_bucket.log_archive_bucket` | residency: logs stay in eu-west-2 for the jurisdiction |";
    const para = "Each alarm fires when its metric filter matches at least once in five minutes and emails its topic.";
    const item = "- SCPs never apply to the management account (AWS Organizations user guide), so watch that account.";
    const doc = ["| A | B |", "|---|---|", row, row, "", para, "", "| x |", "| x |", "", item, "", para, "", item, ""].join("\n");
    expect(repeatedBlocks(doc).sort()).toEqual([item, para, row].sort());
    expect(repeatedBlocks([row, "", para, "", item].join("\n"))).toEqual([]);
    // The old framework tables: rows that differ by citation, with the same answer in each.
    const answer = "Archive 2557 days (about 7 years); searchable 400 days (about 1.1 years); 90 days in S3 Standard.";
    expect(repeatedBlocks([`| [PCI 10.5.1][p] | ${answer} | [C8], [C10] |`, `| [FCA 9.1.2][f] | ${answer} | [C8], [C10] |`].join("\n"))).toEqual([answer]);
    // The same controls serving two frameworks' requirements is the structure, not a repeat.
    const links = Array.from({ length: 20 }, (_, i) => `[C${i + 1}]`).join(", ");
    expect(repeatedBlocks([`| [PCI 10.3.2][p] | ${links} |`, `| [FCA 9.1][f] | ${links} |`].join("\n"))).toEqual([]);
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
    expect(section(doc, "### Duties under every framework")).toContain("Turn on MFA delete as the root user");
    expect(section(doc, "### Scanner checks suppressed on purpose")).toContain("`CKV2_AWS_61`");
  });

  it("gives a number set by hand the reason recorded for it, or says that none was given", () => {
    const numbers = (extra: string[]) => section(compliance(presetEstate("uk-bank", extra)), "## Numbers and where they come from");
    const silent = numbers(["retention.archiveDays=3000", "storage.objectLock.days=3000"]);
    expect(silent).toMatch(/\| Archive retention \(S3\) \| 3000 days \(about 8.2 years\) \| set in trailwright\.json; no reason was given \(record one as reasons\.archiveDays\); meets FCA SYSC 9/);
    const given = numbers(["retention.archiveDays=3000", "storage.objectLock.days=3000", "reasons.archiveDays=Litigation hold policy LH-7 keeps trading records 8 years"]);
    expect(given).toContain("| set in trailwright.json: Litigation hold policy LH-7 keeps trading records 8 years; meets FCA SYSC 9");
  });

  it("names the preset it started from, and says so plainly when there was none", () => {
    expect(compliance(presetEstate("uk-smb"))).toContain("from `trailwright.json` (the uk-smb preset with your answers)");
    const { plan, addresses } = presetEstate("uk-smb");
    const doc = compliance({ plan: { ...plan, preset: undefined }, addresses });
    expect(doc).toContain("from `trailwright.json` (your answers; no preset)");
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
