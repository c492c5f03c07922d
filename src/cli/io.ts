// The CLI's window on the world, injected so tests can run commands in-process.
import { colorEnabled } from "./style.js";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdin and stdout are a terminal a person can answer prompts in. */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Rewrites one status line in place (a terminal on stderr only); absent
   * where stderr is a file or pipe, so logs are not filled with redraws.
   */
  readonly progress?: (text: string) => void;
  /** Whether stdout and stderr may carry colour (see style.ts); absent means no colour. */
  readonly color?: { readonly out: boolean; readonly err: boolean };
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
    // \r returns to the line's start, ESC[K clears the rest; an empty text erases the line.
    progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\u001b[K${text}`) : undefined,
    color: { out: colorEnabled(process.stdout, process.env), err: colorEnabled(process.stderr, process.env) },
  };
}
