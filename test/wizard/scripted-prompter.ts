// A Prompter that answers from a script keyed by question id, the way a person
// would at a terminal: a value the question's validator rejects is recorded
// (that is the inline message they would see) and the next scripted value is
// typed instead. A question with no script fails the test: it was not expected.
import type { AnswerValue } from "../../src/wizard/question.js";
import type { CheckboxSpec, ConfirmSpec, InputSpec, NumberSpec, Prompter, SelectSpec } from "../../src/wizard/prompt-spec.js";

/** Several answers typed one after another, each tried while the validator rejects the previous. */
export interface Tries {
  readonly tries: readonly AnswerValue[];
}

export function tries(...values: AnswerValue[]): Tries {
  return { tries: values };
}

export type Script = Record<string, AnswerValue | Tries | ((spec: AskedSpec) => AnswerValue | Promise<AnswerValue>)>;

export type AskedSpec =
  | ({ kind: "select" } & SelectSpec)
  | ({ kind: "checkbox" } & CheckboxSpec)
  | ({ kind: "input" } & InputSpec)
  | ({ kind: "number" } & NumberSpec)
  | ({ kind: "confirm" } & ConfirmSpec);

export interface Rejection {
  readonly id: string;
  readonly value: AnswerValue;
  readonly message: string;
}

export interface ScriptedPrompter extends Prompter {
  /** Question ids in the order asked (once per question, however many tries). */
  readonly asked: string[];
  readonly specs: Map<string, AskedSpec>;
  readonly rejections: Rejection[];
}

export function scriptedPrompter(script: Script): ScriptedPrompter {
  const asked: string[] = [];
  const specs = new Map<string, AskedSpec>();
  const rejections: Rejection[] = [];
  const used = new Map<string, number>();

  async function answer(spec: AskedSpec, validate: ((value: never) => true | string) | undefined): Promise<AnswerValue> {
    asked.push(spec.id);
    specs.set(spec.id, spec);
    const entry = script[spec.id];
    if (entry === undefined) throw new Error(`unexpected question ${spec.id}: "${spec.message}"`);
    if (typeof entry === "function") return entry(spec);
    const values: readonly AnswerValue[] = typeof entry === "object" && "tries" in entry ? entry.tries : [entry];
    for (;;) {
      const index = used.get(spec.id) ?? 0;
      if (index >= values.length) throw new Error(`script for ${spec.id} ran out of answers (rejections: ${JSON.stringify(rejections)})`);
      used.set(spec.id, index + 1);
      const value = values[index]!;
      if ((spec.kind === "select" || spec.kind === "checkbox") && !checkChoices(spec, value)) {
        throw new Error(`${spec.id}: ${JSON.stringify(value)} is not an enabled choice`);
      }
      const verdict = validate ? validate(value as never) : true;
      if (verdict === true) return value;
      rejections.push({ id: spec.id, value, message: verdict });
    }
  }

  function checkChoices(spec: AskedSpec & { choices: readonly { value: string; disabled?: string }[] }, value: AnswerValue): boolean {
    const picked = Array.isArray(value) ? value : [value];
    return picked.every((v) => spec.choices.some((c) => c.value === v && !c.disabled));
  }

  return {
    asked,
    specs,
    rejections,
    select: async (spec) => (await answer({ kind: "select", ...spec }, undefined)) as string,
    checkbox: async (spec) => (await answer({ kind: "checkbox", ...spec }, spec.validate as never)) as string[],
    // Lists are typed as one comma-separated line, as at a terminal.
    input: async (spec) => {
      const value = await answer({ kind: "input", ...spec }, ((v: AnswerValue) => spec.validate?.(Array.isArray(v) ? v.join(", ") : String(v)) ?? true) as never);
      return Array.isArray(value) ? value.join(", ") : String(value);
    },
    number: async (spec) => (await answer({ kind: "number", ...spec }, spec.validate as never)) as number,
    confirm: async (spec) => (await answer({ kind: "confirm", ...spec }, undefined)) as boolean,
  };
}
