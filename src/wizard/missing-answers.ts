// Without a terminal nothing can be asked: say which answers are missing and
// the exact flags that give them.
import { UsageError } from "../model/errors.js";
import { OUT_ID } from "./draft.js";
import type { FilledDraft, Unanswered } from "./flow.js";
import type { Question } from "./question.js";
import { shellQuote } from "./shell-quote.js";

function flagFor(q: Question, value: string): string {
  return q.flag ? q.flag(shellQuote(value)) : `--set ${shellQuote(`${q.id}=${value}`)}`;
}

function label(q: Question): string {
  return q.id === OUT_ID ? "output folder" : q.id;
}

function shown(u: Unanswered): string {
  const value = u.defaultValue;
  return value === undefined ? u.question.example : Array.isArray(value) ? value.join(",") : String(value);
}

/**
 * The error for answers a run without prompts cannot get. With --yes only the
 * answers that have no default count; without it, every open question does
 * (nothing is assumed unless the user said so).
 */
export function missingAnswersError(filled: FilledDraft, acceptDefaults: boolean): UsageError | undefined {
  const { missing, defaulted } = filled;
  const unconfirmed = acceptDefaults ? [] : defaulted;
  if (missing.length === 0 && unconfirmed.length === 0) return undefined;
  const yesHint = unconfirmed.length > 0 ? `add --yes to accept the defaults for ${unconfirmed.map((u) => label(u.question)).join(", ")}` : undefined;
  if (missing.length === 0) {
    return new UsageError(
      `no terminal to ask: ${unconfirmed.map((u) => label(u.question)).join(", ")}`,
      `${yesHint}, pass them (e.g. ${unconfirmed.map((u) => flagFor(u.question, shown(u))).join(" ")}), or run in a terminal`,
    );
  }
  return new UsageError(
    `missing answers: ${missing.map((u) => label(u.question)).join(", ")}; pass them with ${missing.map((u) => flagFor(u.question, shown(u))).join(" ")}, or run in a terminal`,
    yesHint ?? "these have no default: only you know them",
  );
}
