// Typed errors every stage throws. They live here, at the ground floor beside the
// plan's types, so no stage ever imports from the CLI; the CLI alone maps them
// to exit codes (see src/cli/exit-codes.ts).

/** Base for every error caused by what the user asked for (never a bug). */
export abstract class TrailwrightError extends Error {
  abstract readonly exitCode: number;
  /** One line telling the user what to do next, printed after the message. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Bad flags, unknown command, missing answers without a terminal. Exit 2. */
export class UsageError extends TrailwrightError {
  readonly exitCode = 2;
}

/** A config value or combination that is not allowed. Exit 2. */
export class ConfigError extends TrailwrightError {
  readonly exitCode = 2;
  /** Dotted path of the offending field, e.g. `retention.archiveDays`. */
  readonly field: string | undefined;
  /** Further problems found in the same pass, so a user fixes them all in one go instead of one per run. */
  readonly also: readonly ConfigError[];
  constructor(message: string, opts: { field?: string; hint?: string; also?: readonly ConfigError[] } = {}) {
    super(message, opts.hint);
    this.field = opts.field;
    this.also = opts.also ?? [];
  }
}

/** Files on disk that the tool must not overwrite or touch. Exit 3. */
export class ConflictError extends TrailwrightError {
  readonly exitCode = 3;
  readonly paths: readonly string[];
  constructor(message: string, paths: readonly string[], hint?: string) {
    super(message, hint);
    this.paths = paths;
  }
}

/** `--check` found committed output that differs from a fresh generation. Exit 4. */
export class DriftError extends TrailwrightError {
  readonly exitCode = 4;
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[], hint?: string) {
    super(message, hint);
    this.details = details;
  }
}

/** The user pressed Ctrl-C or declined the confirmation. Exit 130. */
export class CancelledError extends TrailwrightError {
  readonly exitCode = 130;
}
