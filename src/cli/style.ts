// Colour for people, never for pipes: on only when the stream is a terminal,
// off whenever NO_COLOR is set to anything but "" (https://no-color.org), and
// forced on by FORCE_COLOR (for CI logs that render ANSI). Plain text is the
// same words either way; colour only marks what is added, removed or wrong.

export interface Style {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly bold: (text: string) => string;
}

export function colorEnabled(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function style(enabled: boolean | undefined): Style {
  if (!enabled) return { red: plain, green: plain, yellow: plain, cyan: plain, bold: plain };
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), bold: sgr(1, 22) };
}

/** A unified-diff line coloured by its kind (headers bold, hunks cyan, + green, - red). */
export function diffLine(line: string, s: Style): string {
  if (line.startsWith("+++ ") || line.startsWith("--- ")) return s.bold(line);
  if (line.startsWith("@@")) return s.cyan(line);
  if (line.startsWith("+")) return s.green(line);
  if (line.startsWith("-")) return s.red(line);
  return line;
}
