// The per-framework part of COMPLIANCE.md: each requirement the framework states
// (its citation and short text), the controls that serve it as links into the
// Controls table, and the duties that stay with the organisation. Nothing about
// a control is repeated here; its addresses and scanner ids live in its row.
import type { Expectation, Framework } from "../catalog/regulations.js";
import { cell } from "./markdown.js";
import { controlLink, type SelectedControl } from "./compliance-controls.js";
import { REQUIREMENT_AREAS, type RequirementArea } from "./requirement-areas.js";

/**
 * The framework's requirements in area order. Several areas answer the same
 * expectation (integrity and access control are stated in the tamper-protection
 * text, monitoring in the review text), so each expectation is one row that
 * names the areas it covers.
 */
function requirements(f: Framework): { expectation: Expectation; areas: RequirementArea[] }[] {
  const byExpectation = new Map<Expectation, RequirementArea[]>();
  for (const area of REQUIREMENT_AREAS) {
    const e = area.expectation(f);
    byExpectation.set(e, [...(byExpectation.get(e) ?? []), area]);
  }
  return [...byExpectation].map(([expectation, areas]) => ({ expectation, areas }));
}

function areaList(areas: readonly RequirementArea[]): string {
  const titles = areas.map((a, i) => (i === 0 ? a.title : a.title.toLowerCase()));
  return titles.length === 1 ? titles[0]! : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
}

export function frameworkSection(f: Framework, selected: readonly SelectedControl[]) {
  // A framework cites one or two texts for all its requirements: reference-style
  // links print each URL once, under the table.
  const urls: string[] = [];
  const linkTo = (url: string) => {
    if (!urls.includes(url)) urls.push(url);
    return `${f.id}-${urls.indexOf(url) + 1}`;
  };
  const rows = requirements(f).map(({ expectation, areas }) => {
    const serving = selected.filter((s) => s.control.areas.some((id) => areas.some((a) => a.id === id)));
    return {
      requirement: `[${cell(expectation.citation.text)}][${linkTo(expectation.citation.url)}]`,
      ask: cell(expectation.summary),
      covers: areaList(areas),
      controls: serving.length > 0 ? serving.map(controlLink).join(", ") : "none in this estate (see Deliberate exceptions)",
    };
  });
  return { name: f.name, rows, duties: f.organisationalDuties, links: urls.map((url, i) => ({ label: `${f.id}-${i + 1}`, url })) };
}
