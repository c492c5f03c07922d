// Decides which questions remain for a draft and asks them. Pure apart from the
// injected Prompter and `say` (where explanations and notes are printed).
import { hasAnswer, valueAt, withPatches, type Draft, type Patch } from "./draft.js";
import type { Prompter } from "./prompt-spec.js";
import { parseList, type AnswerValue, type Question } from "./question.js";
import { QUESTIONS } from "./questions/index.js";

export type Say = (text: string) => void;

export function applies(q: Question, draft: Draft): boolean {
  return q.applies ? q.applies(draft) : true;
}

export function isAnswered(q: Question, draft: Draft): boolean {
  return q.isAnswered ? q.isAnswered(draft) : hasAnswer(draft, q.id);
}

/** The validator's verdict on the answer already in the draft (given by a preset, config file or --set). */
export function givenAnswerProblem(q: Question, draft: Draft): string | undefined {
  if (!q.validate || q.isAnswered) return undefined;
  const verdict = (q.validate as (value: AnswerValue, draft: Draft) => true | string)(valueAt(draft, q.id) as AnswerValue, draft);
  return verdict === true ? undefined : verdict;
}

/** Whether the flow still has to settle `q`: it applies and is unanswered, or validation asked for it again. */
export function isPending(q: Question, draft: Draft, reask: ReadonlySet<string> = new Set()): boolean {
  if (reask.has(q.id)) return true;
  if (q.onlyWhenInvalid || !applies(q, draft)) return false;
  return !isAnswered(q, draft);
}

type Applied = { readonly patches: readonly Patch[]; readonly note?: string };

/** The question's answer in the draft; each question's apply takes its own kind of value, which `value` is. */
export function applyAnswer(q: Question, value: AnswerValue, draft: Draft): { draft: Draft; note: string | undefined } {
  const apply = q.apply as ((v: AnswerValue, d: Draft) => Applied) | undefined;
  const result: Applied = apply ? apply(value, draft) : { patches: [{ id: q.id, value }] };
  return { draft: withPatches(draft, result.patches), note: result.note };
}

/**
 * The answer already in the draft, in the form the question's prompt takes,
 * so re-asking a question (a change at the summary) offers what was chosen.
 * Undefined when the stored value is not one the prompt can offer (a question
 * whose answer maps onto other keys, or a choice no longer available).
 */
export function currentAnswer(q: Question, draft: Draft): AnswerValue | undefined {
  const value = q.current ? q.current(draft) : valueAt(draft, q.id);
  if (value === undefined) return undefined;
  switch (q.kind) {
    case "select":
      return typeof value === "string" && q.choices(draft).some((c) => c.value === value && !c.disabled) ? value : undefined;
    case "checkbox":
    case "list":
      return Array.isArray(value) ? value.map(String) : undefined;
    case "input":
      return typeof value === "string" ? value : undefined;
    case "number":
      return typeof value === "number" ? value : undefined;
    case "confirm":
      return typeof value === "boolean" ? value : undefined;
  }
}

/** Choice lists longer than this are type-to-filter (inquirer's search prompt): 30 regions by arrow key is too many presses. */
const SEARCH_ABOVE = 8;

/** Asks one question through the prompter, with its validator bound to the draft; `offer` replaces the default. */
async function askOne(q: Question, draft: Draft, prompter: Prompter, offer?: AnswerValue): Promise<AnswerValue> {
  const message = q.message(draft);
  switch (q.kind) {
    case "select": {
      const choices = q.choices(draft);
      const fallback = (offer as string | undefined) ?? q.defaultValue(draft);
      return prompter.select({
        id: q.id,
        message,
        choices,
        ...(fallback !== undefined ? { default: fallback } : {}),
        ...(choices.length > SEARCH_ABOVE ? { searchable: true } : {}),
      });
    }
    case "checkbox": {
      const checked = new Set((offer as string[] | undefined) ?? q.defaultValue(draft) ?? []);
      return prompter.checkbox({
        id: q.id,
        message,
        choices: q.choices(draft).map((c) => ({ ...c, checked: checked.has(c.value) })),
        validate: (values) => (q.validate ? q.validate([...values], draft) : true),
      });
    }
    case "input": {
      const fallback = (offer as string | undefined) ?? q.defaultValue(draft);
      return (
        await prompter.input({
          id: q.id,
          message,
          ...(fallback !== undefined ? { default: fallback } : {}),
          validate: (raw) => (q.validate ? q.validate(raw.trim(), draft) : true),
        })
      ).trim();
    }
    case "list": {
      const fallback = (offer as string[] | undefined) ?? q.defaultValue(draft);
      const raw = await prompter.input({
        id: q.id,
        message,
        ...(fallback !== undefined ? { default: fallback.join(", ") } : {}),
        validate: (text) => (q.validate ? q.validate(parseList(text), draft) : true),
      });
      return parseList(raw);
    }
    case "number": {
      const fallback = (offer as number | undefined) ?? q.defaultValue(draft);
      return prompter.number({
        id: q.id,
        message,
        ...(fallback !== undefined ? { default: fallback } : {}),
        validate: (n) => (q.validate ? q.validate(n, draft) : true),
      });
    }
    case "confirm":
      return prompter.confirm({ id: q.id, message, default: (offer as boolean | undefined) ?? q.defaultValue(draft) ?? false });
  }
}

/**
 * Asks `q` once more and applies the new answer. `offer` "current" offers the
 * answer the draft holds; "default" offers the default for the answers as
 * they now are (after an answer it reads has changed).
 */
export async function askAgain(q: Question, draft: Draft, prompter: Prompter, say: Say, offer: "current" | "default" = "current"): Promise<Draft> {
  const explanation = q.explain?.(draft);
  if (explanation) say(explanation);
  const value = await askOne(q, draft, prompter, offer === "current" ? currentAnswer(q, draft) : undefined);
  const applied = applyAnswer(q, value, draft);
  if (applied.note) say(applied.note);
  return applied.draft;
}

/**
 * Asks every question the draft leaves open, in order, and returns the filled
 * draft. `reask` names questions to ask again even though answered (fields
 * final validation rejected). A given answer that fails its question's check
 * is asked again too, after saying why.
 */
export async function askRemaining(draft: Draft, prompter: Prompter, say: Say, reask: ReadonlySet<string> = new Set()): Promise<Draft> {
  const pendingReask = new Set(reask);
  let current = draft;
  // Each answer settles its question; the bound only catches a question that never settles (a bug).
  for (let step = 0; step < QUESTIONS.length * 4; step++) {
    const q = QUESTIONS.find((candidate) => {
      if (isPending(candidate, current, pendingReask)) return true;
      return !candidate.onlyWhenInvalid && applies(candidate, current) && isAnswered(candidate, current) && givenAnswerProblem(candidate, current) !== undefined;
    });
    if (!q) return current;
    pendingReask.delete(q.id);
    const problem = isAnswered(q, current) && !q.isAnswered ? givenAnswerProblem(q, current) : undefined;
    if (problem) say(`The given ${q.id} is not usable: ${problem}`);

    const implied = q.implied?.(current);
    if (implied) {
      current = applyAnswer(q, implied.value, current).draft;
      say(implied.note);
      continue;
    }
    const explanation = q.explain?.(current);
    if (explanation) say(explanation);
    const value = await askOne(q, current, prompter);
    const applied = applyAnswer(q, value, current);
    current = applied.draft;
    if (applied.note) say(applied.note);
  }
  throw new Error("the wizard kept asking the same questions; a question's answer never settles it");
}

export interface Unanswered {
  readonly question: Question;
  /** The default that would be taken, or undefined when only the user can answer. */
  readonly defaultValue: AnswerValue | undefined;
}

export interface FilledDraft {
  readonly draft: Draft;
  /** Open questions with no default: the user must answer them (account ids, emails, ...). */
  readonly missing: readonly Unanswered[];
  /** Open questions answered with their default. */
  readonly defaulted: readonly Unanswered[];
}

/**
 * Answers every open question without asking: implied answers, then defaults.
 * Questions that only a terminal can settle (the MFA-delete trade-off) are
 * left to validation, which reports the conflict with its reason.
 */
export function fillWithDefaults(draft: Draft): FilledDraft {
  let current = draft;
  const missing: Unanswered[] = [];
  const defaulted: Unanswered[] = [];
  for (const q of QUESTIONS) {
    if (q.interactiveOnly || !isPending(q, current)) continue;
    const implied = q.implied?.(current);
    if (implied) {
      current = applyAnswer(q, implied.value, current).draft;
      continue;
    }
    const value: AnswerValue | undefined = q.defaultValue(current);
    if (value === undefined) {
      missing.push({ question: q, defaultValue: undefined });
      continue;
    }
    defaulted.push({ question: q, defaultValue: value });
    current = applyAnswer(q, value, current).draft;
  }
  return { draft: current, missing, defaulted };
}
