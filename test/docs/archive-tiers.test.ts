// No document claims a transition the archive's lifecycle rule and S3's 128 KB
// minimum would not make, and every document agrees with the cost table about
// where the files sit. Covers README.md, COMPLIANCE.md, `presets show`
// (explainPlan) and the wizard summary on every preset and the variants that
// change the rule: MFA delete (no rule), no transitions, files large enough to
// transition.
import { describe, expect, it } from "vitest";
import { estimateMonthlyCost } from "../../src/cost/estimate-monthly-cost.js";
import { kilobytes } from "../../src/cost/format-numbers.js";
import { archiveTiers } from "../../src/docs/archive-tiers.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import { explainPlan } from "../../src/explain/explain-plan.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { renderSummary } from "../../src/wizard/summary.js";
import { PRESET_SETS, presetEstate } from "./support/preset-estates.js";

const CASES: Readonly<Record<string, { preset: string; extra: readonly string[] }>> = {
  ...Object.fromEntries(Object.keys(PRESET_SETS).map((p) => [p, { preset: p, extra: [] }])),
  "uk-smb with MFA delete (no lifecycle rule)": { preset: "uk-smb", extra: ["storage.mfaDelete=true", "storage.lifecycle=false"] },
  "uk-smb with no transitions (immediate = archive)": { preset: "uk-smb", extra: ["retention.immediateDays=365"] },
  "uk-bank with files over 128 KB": { preset: "uk-bank", extra: ["cost.averageEventBytes=20000"] },
};

const CLASS = "(GLACIER_IR|DEEP_ARCHIVE|STANDARD_IA|GLACIER|S3 Glacier Instant Retrieval|S3 Glacier Deep Archive|S3 Glacier Flexible Retrieval|S3 Standard-IA)";
const API_NAMES: Readonly<Record<string, string>> = {
  "S3 Glacier Instant Retrieval": "GLACIER_IR",
  "S3 Glacier Deep Archive": "DEEP_ARCHIVE",
  "S3 Glacier Flexible Retrieval": "GLACIER",
  "S3 Standard-IA": "STANDARD_IA",
};

function documents(plan: ResolvedPlan, addresses: readonly string[]): Record<string, string> {
  const files = renderEstateDocuments(plan, { addresses });
  const doc = (path: string) => files.find((f) => f.path === path)!.content;
  const readme = doc("README.md");
  // The cost table and price list name every class with its price: they are checked against the estimate below, not as claims.
  const prose = readme.replace(/## Monthly cost estimate[\s\S]*$/, "");
  return { "README.md": prose, "COMPLIANCE.md": doc("COMPLIANCE.md"), "presets show": explainPlan(plan), "wizard summary": renderSummary({ plan, addresses, out: "estate" }) };
}

/** Statements (split at sentence and clause ends) that say files move to, or are in, a colder class. */
function transitionClaims(text: string): string[] {
  return text
    .split(/(?<=[.;:])\s+|\n/)
    .filter((s) => new RegExp(`(move|moving|moved|transition|then|after \\d|is in)[^.;]*${CLASS}|${CLASS}[^.;]*after [\\d,]+ days`, "i").test(s));
}

describe.each(Object.entries(CASES))("documents of %s", (_name, { preset, extra }) => {
  const { plan, addresses } = presetEstate(preset, extra);
  const docs = documents(plan, addresses);
  const transitions = plan.archive.lifecycle?.transitions ?? [];

  it.each(Object.keys(docs))("%s claims only the transitions the rule makes, each conditional on the 128 KB minimum", (doc) => {
    const claims = transitionClaims(docs[doc]!);
    for (const claim of claims) {
      expect(claim, `"${claim}"`).toMatch(/128 KB or more/);
      for (const m of claim.matchAll(new RegExp(`${CLASS}(?: \\((\\w+)\\))? after ([\\d,]+) days`, "g"))) {
        const storageClass = m[2] ?? API_NAMES[m[1]!] ?? m[1]!;
        expect(transitions, `"${claim}"`).toContainEqual({ storageClass, days: Number(m[3]!.replace(/,/g, "")) });
      }
    }
    if (transitions.length === 0) expect(claims, doc).toEqual([]);
    // Each of these states the rule, so the check has something to check.
    else if (doc !== "COMPLIANCE.md") expect(claims.length, doc).toBeGreaterThan(0);
  });

  it("states the rule in the README, COMPLIANCE.md, presets show and the wizard summary in the same words", () => {
    const { rule } = archiveTiers(plan);
    for (const doc of ["README.md", "presets show", "wizard summary"]) expect(docs[doc], doc).toContain(rule);
    if (plan.archive.lifecycle) expect(docs["COMPLIANCE.md"]).toContain(rule);
    if (transitions.length > 0) expect(rule).toContain("files under 128 KB stay in S3 Standard");
  });

  it("agrees with the cost table about where the files sit", () => {
    const cost = estimateMonthlyCost(plan);
    const priced = cost.lines.filter((l) => l.component.startsWith("S3 archive: ") && l.monthlyUsd > 0).map((l) => l.component.replace("S3 archive: ", ""));
    const { expected } = archiveTiers(plan, cost);
    const requests = cost.lines.find((l) => l.component.startsWith("S3 requests"))!.formula;
    if (transitions.length === 0) {
      expect(priced).toEqual(["S3 Standard"]);
      expect(expected).toBe("");
      return;
    }
    // The size the summary quotes is the one the cost table's request line states.
    const average = kilobytes(cost.archive.averageObjectBytes);
    expect(requests).toContain(`(average ${average})`);
    for (const doc of ["README.md", "presets show", "wizard summary"]) expect(docs[doc], doc).toContain(expected);
    if (cost.archive.averageObjectBytes < 128 * 1024) {
      expect(expected).toBe(`The cost estimate assumes files average ${average}, under 128 KB, so it expects every file to stay in S3 Standard.`);
      expect(priced).toEqual(["S3 Standard"]);
    } else {
      expect(expected).toBe(`The cost estimate assumes files average ${average}, so it prices them through every tier.`);
      expect(priced).toEqual(["S3 Standard", ...transitions.map((t) => ({ GLACIER_IR: "S3 Glacier Instant Retrieval", DEEP_ARCHIVE: "S3 Glacier Deep Archive" })[t.storageClass as "GLACIER_IR"])]);
    }
  });

  it("says in the README what Deep Archive means for validate-logs, citing AWS", () => {
    const readme = docs["README.md"]!;
    const section = readme.slice(readme.indexOf("## Archive storage and validate-logs"));
    expect(section).toContain("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-cli.html");
    const deep = transitions.find((t) => t.storageClass === "DEEP_ARCHIVE");
    expect(section.includes("restore"), "mentions a restore").toBe(deep !== undefined);
    if (deep) {
      expect(section).toContain("https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html");
      expect(section).toMatch(/12 hours \(Standard\) or 48 hours \(Bulk\)/);
      expect(section).toContain(`older than ${deep.days} days`);
      expect(section).toMatch(/Inferred/);
    }
  });
});

describe("the transition-claim check itself", () => {
  it("catches the unconditional claims the documents used to make, and passes the conditional one", () => {
    expect(transitionClaims("    immediately available in S3 Standard: 90 days; then GLACIER_IR after 90 days")).toHaveLength(1);
    expect(transitionClaims("GLACIER_IR after 90 days, DEEP_ARCHIVE after 365 days; expiry after 2557 days.")[0]).not.toMatch(/128 KB or more/);
    const ok = "Files of 128 KB or more move to S3 Glacier Instant Retrieval (GLACIER_IR) after 90 days; files under 128 KB stay in S3 Standard.";
    expect(transitionClaims(ok)).toEqual(["Files of 128 KB or more move to S3 Glacier Instant Retrieval (GLACIER_IR) after 90 days;"]);
  });
});
