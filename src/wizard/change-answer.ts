// "Change an answer" at the summary: pick any answer, answer it again, and the
// answers that depend on it are asked again too (their defaults may have
// moved: a new industry brings new frameworks and retention minimums), then
// back to the summary. Nothing is written on the way.
import { hasAnswer, valueAt, withValue, type Draft } from "./draft.js";
import { applies, applyAnswer, askAgain, askRemaining, currentAnswer, isAnswered, type Say } from "./flow.js";
import type { Choice, Prompter } from "./prompt-spec.js";
import type { Question } from "./question.js";
import { dependentsOf, READS } from "./questions/dependencies.js";
import { QUESTIONS } from "./questions/index.js";

/** Question id of the "which answer?" list. */
export const CHANGE_ID = "change";

function shown(value: unknown): string {
  if (value === undefined) return "(default)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.join(", ");
  return String(value);
}

/** The answers that can be changed now: every question that applies and is not implied by other answers. */
export function changeableQuestions(draft: Draft): Question[] {
  return QUESTIONS.filter((q) => applies(q, draft) && !q.implied?.(draft) && (q.onlyWhenInvalid || q.interactiveOnly ? true : isAnswered(q, draft) || hasAnswer(draft, q.id)));
}

export function changeChoices(draft: Draft): Choice[] {
  return changeableQuestions(draft).map((q) => ({
    value: q.id,
    name: `${q.label ?? q.message(draft)}: ${shown(currentAnswer(q, draft) ?? valueAt(draft, q.id))}`,
  }));
}

/**
 * Re-asks what depends on `id` after its answer changed, in the order the
 * wizard asks, following only answers that really changed: a question is
 * revisited when something it reads changed. One that no longer applies is
 * cleared (an organization turned single account drops its log-archive
 * account); one implied by the new answers is set and said; the rest are
 * asked, offering the answer given before where only the user can know it
 * (account ids, emails) and the new default otherwise.
 */
async function reaskDependents(id: string, draft: Draft, prompter: Prompter, say: Say): Promise<Draft> {
  const dependents = new Set(dependentsOf(id));
  const changed = new Set([id]);
  let current = draft;
  for (const q of QUESTIONS.filter((candidate) => dependents.has(candidate.id))) {
    if (!(READS[q.id] ?? []).some((read) => changed.has(read))) continue;
    if (!applies(q, current) || q.onlyWhenInvalid) {
      // A question that does not apply steers nothing, so clearing it changes nothing downstream.
      current = withValue(current, q.id, undefined);
      continue;
    }
    const before = JSON.stringify(valueAt(current, q.id));
    const implied = q.implied?.(current);
    if (implied) {
      current = applyAnswer(q, implied.value, current).draft;
      say(implied.note);
    } else {
      const userOnly = q.defaultValue(current) === undefined;
      current = await askAgain(q, current, prompter, say, userOnly ? "current" : "default");
    }
    if (JSON.stringify(valueAt(current, q.id)) !== before) changed.add(q.id);
  }
  return current;
}

/** Asks which answer to change, asks it again, then what depends on it, then anything the change opened up. */
export async function changeAnswer(draft: Draft, prompter: Prompter, say: Say): Promise<Draft> {
  const id = await prompter.select({ id: CHANGE_ID, message: "Which answer do you want to change?", choices: changeChoices(draft), searchable: true });
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question) throw new Error(`no wizard question ${id}`);
  const before = JSON.stringify(draft);
  let current = await askAgain(question, draft, prompter, say, "current");
  if (JSON.stringify(current) === before) {
    say(`${question.label ?? id}: unchanged.`);
    return current;
  }
  current = await reaskDependents(id, current, prompter, say);
  return askRemaining(current, prompter, say);
}
