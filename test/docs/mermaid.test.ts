// The README's Mermaid diagram for every preset parses under a strict
// structural check of flowchart syntax (support/mermaid-flowchart.ts says why
// not mermaid itself), and draws the flow the plan describes.
import { describe, expect, it } from "vitest";
import { estateFlowchart } from "../../src/docs/mermaid-flow.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import { parseFlowchart, reaches } from "./support/mermaid-flowchart.js";
import { PRESET_SETS, presetEstate, VARIANTS } from "./support/preset-estates.js";

const CASES: readonly [string, string, readonly string[]][] = [
  ...Object.keys(PRESET_SETS).map((p) => [p, p, []] as [string, string, readonly string[]]),
  ...Object.entries(VARIANTS).map(([name, v]) => [name, v.preset, v.extra] as [string, string, readonly string[]]),
];

describe.each(CASES)("the estate flowchart for %s", (_name, preset, extra) => {
  it("is the diagram in README.md and parses", () => {
    const { plan, addresses } = presetEstate(preset, extra);
    const readme = renderEstateDocuments(plan, { addresses }).find((f) => f.path === "README.md")!.content;
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(estateFlowchart(plan));
    const chart = parseFlowchart(block![1]!);
    expect(chart.direction).toBe("LR");
  });

  it("draws accounts -> trail -> archive (encrypted by the key), log group -> filters -> alarms -> topics -> people", () => {
    const { plan } = presetEstate(preset, extra);
    const chart = parseFlowchart(estateFlowchart(plan));
    for (const [from, to] of [
      ["accounts", "trail"],
      ["trail", "archive"],
      ["key", "archive"],
      ["archive", "access_logs"],
      ["accounts", "log_group"],
      ["log_group", "filters"],
      ["filters", "alarms"],
    ]) {
      expect(reaches(chart, from!, to!), `${from} -> ${to}`).toBe(true);
    }
    for (const topic of plan.topics) {
      expect(reaches(chart, "alarms", `topic_${topic.tier}`)).toBe(true);
      expect(reaches(chart, `topic_${topic.tier}`, `people_${topic.tier}`)).toBe(true);
      for (const email of topic.emails) expect(chart.nodes.get(`people_${topic.tier}`)!.label).toContain(email);
    }
    expect(chart.nodes.get("archive")!.shape).toBe("cylinder");
    expect(chart.nodes.get("archive")!.label).toContain(plan.archive.name);
    expect(reaches(chart, "trail", "log_group")).toBe(plan.trail.cloudWatchLogs);
    expect(chart.nodes.has("config_recorder")).toBe(plan.config !== undefined);
    expect(chart.nodes.has("scps")).toBe(plan.guardrails !== undefined);
  });
});

describe("the structural flowchart check itself", () => {
  const ok = 'flowchart LR\n  a["A"]\n  b[("B<br/>b")]\n  a -->|"to b"| b';

  it("accepts a well-formed chart", () => {
    expect(parseFlowchart(ok).edges).toHaveLength(1);
  });

  it.each([
    ["a missing header", ok.replace("flowchart LR", "graph")],
    ["an unclosed shape", ok.replace('a["A"]', 'a["A"')],
    ["a raw quote in a label", ok.replace('a["A"]', 'a["say "hi""]')],
    ["an edge to an undeclared node", `${ok}\n  a --> c`],
    ["a node declared twice", `${ok}\n  a["again"]`],
    ["a keyword as node id", 'flowchart LR\n  end["x"]\n  b["y"]\n  end --> b'],
    ["a node with no edges", `${ok}\n  c["lonely"]`],
    ["markup other than <br/>", ok.replace('"A"', '"<b>A</b>"')],
    ["a statement it does not know", `${ok}\n  click a callback`],
  ])("rejects %s", (_what, text) => {
    expect(() => parseFlowchart(text)).toThrow();
  });
});
