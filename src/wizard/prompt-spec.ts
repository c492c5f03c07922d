// What the flow asks, independent of inquirer. The flow builds these specs; a
// Prompter asks them (inquirer on a terminal, scripted answers in tests).

export interface Choice {
  readonly value: string;
  readonly name: string;
  readonly description?: string;
  /** Why the choice cannot be taken, shown beside it; undefined when it can. */
  readonly disabled?: string;
}

/** A validator returns true, or the one line shown under the prompt saying what is wrong. */
export type Validate<V> = (value: V) => true | string;

interface SpecBase {
  /** The question id (config path or "out"), so scripted prompters can answer by id. */
  readonly id: string;
  readonly message: string;
}

export interface SelectSpec extends SpecBase {
  readonly choices: readonly Choice[];
  readonly default?: string;
  /** A long list: typing filters it (inquirer's search prompt) instead of arrowing through it. */
  readonly searchable?: boolean;
}

export interface CheckboxSpec extends SpecBase {
  readonly choices: readonly (Choice & { readonly checked: boolean })[];
  readonly validate?: Validate<readonly string[]>;
}

export interface InputSpec extends SpecBase {
  readonly default?: string;
  readonly validate?: Validate<string>;
}

export interface NumberSpec extends SpecBase {
  readonly default?: number;
  readonly validate?: Validate<number>;
}

export interface ConfirmSpec extends SpecBase {
  readonly default: boolean;
}

/**
 * Asks one question and resolves with a valid answer. A prompter re-asks
 * inline until `validate` passes; Ctrl-C rejects (inquirer's ExitPromptError).
 */
export interface Prompter {
  select(spec: SelectSpec): Promise<string>;
  checkbox(spec: CheckboxSpec): Promise<string[]>;
  input(spec: InputSpec): Promise<string>;
  number(spec: NumberSpec): Promise<number>;
  confirm(spec: ConfirmSpec): Promise<boolean>;
}
