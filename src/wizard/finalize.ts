// Answers -> validated config -> resolved plan, the same checks `generate`
// runs. In a terminal a rejected field is asked again (with the reason);
// otherwise the ConfigError goes up to the CLI (exit 2, nothing written).
import type { TrailwrightConfig } from "../config/schema.js";
import { validateConfig } from "../config/validate-config.js";
import { ConfigError } from "../model/errors.js";
import type { ResolvedPlan } from "../model/plan.js";
import { resolvePlan } from "../plan/resolve-plan.js";
import type { Draft } from "./draft.js";
import { askRemaining, type Say } from "./flow.js";
import type { Prompter } from "./prompt-spec.js";
import { questionForField } from "./questions/index.js";

export const ANSWERS_SOURCE = "answers";
/** Re-asks that change nothing before giving up (an implied answer re-implied, or the same answer given again). */
const MAX_UNCHANGED_ROUNDS = 3;

export interface Finalized {
  readonly draft: Draft;
  readonly config: TrailwrightConfig;
  readonly plan: ResolvedPlan;
}

export interface Reasker {
  readonly prompter: Prompter;
  readonly say: Say;
}

/** Validates and resolves; with a `reasker`, re-asks each rejected field until the answers hold together. */
export async function finalizeAnswers(draft: Draft, reasker?: Reasker): Promise<Finalized> {
  let current = draft;
  let unchangedRounds = 0;
  for (;;) {
    try {
      const config = validateConfig(current.config, ANSWERS_SOURCE);
      return { draft: current, config, plan: resolvePlan(config) };
    } catch (error) {
      if (!(error instanceof ConfigError) || !reasker) throw error;
      const question = questionForField(error.field);
      // No question sets the field, or an implied answer keeps coming back the same: asking cannot fix it.
      if (!question || unchangedRounds >= MAX_UNCHANGED_ROUNDS) throw error;
      reasker.say(`${error.message.replace(`${ANSWERS_SOURCE}: `, "")}${error.hint ? `\n  ${error.hint}` : ""}`);
      const before = JSON.stringify(current);
      current = await askRemaining(current, reasker.prompter, reasker.say, new Set([question.id]));
      unchangedRounds = JSON.stringify(current) === before ? unchangedRounds + 1 : 0;
    }
  }
}
