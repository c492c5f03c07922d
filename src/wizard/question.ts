// One wizard question: which answer it fills, when it applies, its default
// (computed from the catalogs and earlier answers) and how an answer is checked.
// Questions are data plus pure functions of the draft; the flow decides what to
// ask, a Prompter asks it.
import type { Draft, Patch } from "./draft.js";
import type { Choice } from "./prompt-spec.js";

interface QuestionBase<V> {
  /** Dotted config path the answer lands in (or "out" for the output folder). */
  readonly id: string;
  /** Example value for "pass it with --set id=example" messages when there is no default. */
  readonly example: string;
  /** The command-line flag that gives this answer, for a value. Default: `--set <id>=<value>`. */
  readonly flag?: (value: string) => string;
  message(draft: Draft): string;
  /** Lines printed before the prompt: trade-offs and consequences worth reading first. */
  explain?(draft: Draft): string | undefined;
  /** False when the question does not apply to the answers so far. Default: applies. */
  applies?(draft: Draft): boolean;
  /** Asked only when final validation names this field (e.g. Object Lock days, normally the archive period). */
  readonly onlyWhenInvalid?: boolean;
  /** Asked only in a terminal: without one the cross-field rule reports the conflict instead of guessing. */
  readonly interactiveOnly?: boolean;
  /** The default answer, or undefined when only the user can give it (account ids, emails). */
  defaultValue(draft: Draft): V | undefined;
  /** An answer implied by earlier ones (one possible region, Control Tower's rules), set without asking. */
  implied?(draft: Draft): { readonly value: V; readonly note: string } | undefined;
  validate?(value: V, draft: Draft): true | string;
  /** Config changes for an answer; default: the answer at `id`. A note is printed after (e.g. a snapped value). */
  apply?(value: V, draft: Draft): { readonly patches: readonly Patch[]; readonly note?: string };
  /** Whether the draft already answers this question; default: a non-empty value at `id`. */
  isAnswered?(draft: Draft): boolean;
  /** The answer the draft holds, as the prompt takes it, for a question with its own `apply` (default: none is offered back). */
  current?(draft: Draft): V | undefined;
  /** Short name in the summary's "change an answer" list; default: the message. */
  readonly label?: string;
}

export type SelectQuestion = QuestionBase<string> & { readonly kind: "select"; choices(draft: Draft): readonly Choice[] };
export type CheckboxQuestion = QuestionBase<string[]> & { readonly kind: "checkbox"; choices(draft: Draft): readonly Choice[] };
export type InputQuestion = QuestionBase<string> & { readonly kind: "input" };
/** A comma-separated list typed on one line (emails, bucket names). */
export type ListQuestion = QuestionBase<string[]> & { readonly kind: "list" };
export type NumberQuestion = QuestionBase<number> & { readonly kind: "number" };
export type ConfirmQuestion = QuestionBase<boolean> & { readonly kind: "confirm" };

export type Question = SelectQuestion | CheckboxQuestion | InputQuestion | ListQuestion | NumberQuestion | ConfirmQuestion;

/** Any answer a question can take. */
export type AnswerValue = string | string[] | number | boolean;

export function parseList(raw: string): string[] {
  return [...new Set(raw.split(/[,\s]+/).map((item) => item.trim()).filter((item) => item !== ""))];
}
