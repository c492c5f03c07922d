import { loadConfig } from "../../config/load-config.js";
import { listPresetIds, loadPreset } from "../../config/presets.js";
import { estimateMonthlyCost } from "../../cost/estimate-monthly-cost.js";
import { formatCostEstimate } from "../../cost/format-cost.js";
import { explainPlan } from "../../explain/explain-plan.js";
import { placeholderSets, requiredAnswers } from "../../explain/placeholder-answers.js";
import { resolvePlan } from "../../plan/resolve-plan.js";
import type { Io } from "../io.js";
import { jsonText } from "../json-output.js";

export function presetsList(io: Io, json = false): number {
  if (json) {
    const presets = listPresetIds().map((id) => {
      const preset = loadPreset(id);
      return { id, title: preset.title, description: preset.description };
    });
    io.out(jsonText({ command: "presets list", ok: true, presets }));
    return 0;
  }
  for (const id of listPresetIds()) {
    const preset = loadPreset(id);
    io.out(`${id.padEnd(15)} ${preset.title}`);
  }
  io.out("\nRun `trailwright presets show ID` for the plan in words, with the source of every number.");
  return 0;
}

export function presetsShow(id: string, io: Io, json = false): number {
  const preset = loadPreset(id);
  const config = preset.config as { topology: string; dataEvents: { s3: string } };
  const required = requiredAnswers(config.topology, config.dataEvents.s3);
  const sets = placeholderSets(config.topology, config.dataEvents.s3);
  const plan = resolvePlan(loadConfig({ preset: id, sets }));
  const command = `trailwright generate --preset ${id} ${required.map((p) => `--set ${p}=…`).join(" ")}`;
  if (json) {
    io.out(
      jsonText({
        command: "presets show",
        ok: true,
        preset: { id, title: preset.title, description: preset.description, answers: preset.config },
        youSupply: required,
        generate: command,
        // Resolved with stand-ins for the answers only you can give (placeholderSets): the plan generation would build.
        placeholders: sets,
        plan,
        cost: estimateMonthlyCost(plan),
      }),
    );
    return 0;
  }
  io.out(`${id}: ${preset.title}\n\n${preset.description}\n\n`);
  io.out(explainPlan(plan));
  io.out(`\n${formatCostEstimate(estimateMonthlyCost(plan))}`);
  io.out(`\nYou supply: ${required.join(", ")} (with --set or in trailwright.json).`);
  io.out(`Generate it: ${command}`);
  return 0;
}
