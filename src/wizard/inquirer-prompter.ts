// The one file that knows inquirer: asks a PromptSpec with inquirer 14's prompt
// module. inquirer validates inline (the message appears under the prompt and
// the question stays open) and rejects with ExitPromptError on Ctrl-C, which the
// CLI maps to exit 130.
import inquirer from "inquirer";
import type { CheckboxSpec, Choice, ConfirmSpec, InputSpec, NumberSpec, Prompter, SelectSpec } from "./prompt-spec.js";

/** Where prompts read keys and draw; default the process terminal. Tests pass @inquirer/testing's streams. */
export interface PromptStreams {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

const PAGE_SIZE = 12;

function toInquirerChoice(choice: Choice): Record<string, unknown> {
  return {
    value: choice.value,
    name: choice.name,
    ...(choice.description ? { description: choice.description } : {}),
    ...(choice.disabled ? { disabled: choice.disabled } : {}),
  };
}

/** The choices whose value or name contains every word typed, in their own order (all of them for no term). */
export function filterChoices(choices: readonly Choice[], term: string | undefined): readonly Choice[] {
  const words = (term ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices;
  return choices.filter((c) => {
    const text = `${c.value} ${c.name}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function inquirerPrompter(streams: PromptStreams = {}): Prompter {
  const prompt = inquirer.createPromptModule(streams as Parameters<typeof inquirer.createPromptModule>[0]);
  // One question per call: the flow, not inquirer, decides what comes next.
  async function ask<T>(question: Record<string, unknown>): Promise<T> {
    const answers = (await prompt([{ ...question, name: "answer" }] as never)) as { answer: T };
    return answers.answer;
  }
  return {
    select: (spec: SelectSpec) =>
      spec.searchable
        ? ask<string>({
            type: "search",
            message: `${spec.message} (type to filter)`,
            default: spec.default,
            pageSize: PAGE_SIZE,
            source: (term: string | undefined) => filterChoices(spec.choices, term).map(toInquirerChoice),
          })
        : ask<string>({ type: "select", message: spec.message, choices: spec.choices.map(toInquirerChoice), default: spec.default, pageSize: PAGE_SIZE }),
    checkbox: (spec: CheckboxSpec) =>
      ask<string[]>({
        type: "checkbox",
        message: spec.message,
        pageSize: PAGE_SIZE,
        choices: spec.choices.map((c) => ({ ...toInquirerChoice(c), checked: c.checked })),
        validate: (picked: readonly { value: string }[]) => (spec.validate ? spec.validate(picked.map((p) => p.value)) : true),
      }),
    input: (spec: InputSpec) =>
      ask<string>({ type: "input", message: spec.message, default: spec.default, validate: (raw: string) => (spec.validate ? spec.validate(raw) : true) }),
    number: (spec: NumberSpec) =>
      ask<number>({
        type: "number",
        message: spec.message,
        default: spec.default,
        required: true,
        validate: (n: number | undefined) => (n === undefined ? "enter a whole number of days" : spec.validate ? spec.validate(n) : true),
      }),
    confirm: (spec: ConfirmSpec) => ask<boolean>({ type: "confirm", message: spec.message, default: spec.default }),
  };
}
