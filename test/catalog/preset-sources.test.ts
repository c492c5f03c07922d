// "Every number a preset uses must trace to a cited source in the regulation
// catalog": each numeric answer in each preset file is either a selected
// framework's minimum or a recorded engineering choice with the same value.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRESET_CHOICES } from "../../src/catalog/engineering-choices.js";
import { FRAMEWORKS, type FrameworkId } from "../../src/catalog/regulations.js";
import { PRESET_IDS } from "../helpers/preset-answers.js";

function numbers(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => numbers(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe("preset numbers trace to a source", () => {
  it.each(PRESET_IDS)("%s", (id) => {
    const preset = JSON.parse(readFileSync(`presets/${id}.json`, "utf8")) as { config: { frameworks: FrameworkId[] } & Record<string, unknown> };
    const minimums = preset.config.frameworks.flatMap((f) => [FRAMEWORKS[f].minArchiveDays, FRAMEWORKS[f].minHotDays, FRAMEWORKS[f].minImmediateDays]);
    const found = numbers(preset.config).filter(([path]) => path !== "version");
    expect(found.length).toBeGreaterThan(3);
    for (const [path, value] of found) {
      const choice = PRESET_CHOICES[id]?.[path];
      const traced = (choice && choice.value === value) || minimums.includes(value);
      expect(traced, `${id} ${path}=${value} has no citation or engineering choice`).toBe(true);
      if (choice) expect(choice.why.length).toBeGreaterThan(20);
    }
  });

  it("every framework cites a source for each expectation", () => {
    for (const f of Object.values(FRAMEWORKS)) {
      for (const e of [f.retention, f.immutability, f.residency, f.review]) {
        expect(e.citation.text, f.id).not.toBe("");
        expect(e.citation.url, f.id).toMatch(/^https:\/\//);
      }
    }
  });
});
