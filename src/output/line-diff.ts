// A short unified diff for the drift report: enough lines to see what changed,
// never a wall of text. Longest-common-subsequence over the lines that differ
// (common leading and trailing lines are trimmed first, so a small edit in a
// large file costs little); past a size limit the differing block is shown as
// removed-then-added, which is still correct, only less minimal.

interface Op {
  readonly kind: " " | "-" | "+";
  readonly text: string;
}

/** Above this many cells (differing lines before x after), skip the LCS table. */
const LCS_LIMIT = 4_000_000;

export interface DiffOptions {
  readonly fromLabel: string;
  readonly toLabel: string;
  /** Lines of unchanged context around each change. */
  readonly context?: number;
  /** Cut the diff body after this many lines. */
  readonly maxLines?: number;
}

/** Unified diff lines from `before` to `after`, or a one-line explanation when a line diff would show nothing useful. */
export function unifiedDiff(before: string, after: string, options: DiffOptions): string[] {
  if (before === after) return [];
  if (before.includes("\0") || after.includes("\0")) return ["(binary content differs)"];
  if (before.replace(/\r\n/g, "\n") === after.replace(/\r\n/g, "\n")) return ["(differs only in line endings: CRLF versus LF)"];
  const a = lines(before);
  const b = lines(after);
  if (a.length === b.length && a.every((line, i) => line === b[i])) return ["(differs only in the newline at the end of the file)"];

  const body = hunks(editScript(a, b), options.context ?? 3);
  const max = options.maxLines ?? 20;
  const shown = body.length > max ? [...body.slice(0, max), `… ${body.length - max} more diff lines`] : body;
  return [`--- ${options.fromLabel}`, `+++ ${options.toLabel}`, ...shown];
}

function lines(text: string): string[] {
  const split = text.split("\n");
  if (split[split.length - 1] === "") split.pop();
  return split;
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (text: string): Op => ({ kind: " ", text });
  return [...a.slice(0, start).map(same), ...middle(a.slice(start, endA), b.slice(start, endB)), ...a.slice(endA).map(same)];
}

function middle(a: readonly string[], b: readonly string[]): Op[] {
  const removed = (text: string): Op => ({ kind: "-", text });
  const added = (text: string): Op => ({ kind: "+", text });
  if (a.length * b.length > LCS_LIMIT) return [...a.map(removed), ...b.map(added)];
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // lcs[i * w + j] = length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: " ", text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      ops.push(removed(a[i++]!));
    } else {
      ops.push(added(b[j++]!));
    }
  }
  return [...ops, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}

/** Groups changes with their context into `@@ -a,n +b,m @@` hunks. */
function hunks(ops: readonly Op[], context: number): string[] {
  // Line numbers (1-based) of each op in the old and new text.
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const op of ops) {
    oldNo.push(oldLine);
    newNo.push(newLine);
    if (op.kind !== "+") oldLine++;
    if (op.kind !== "-") newLine++;
  }
  const ranges: Array<[number, number]> = [];
  ops.forEach((op, index) => {
    if (op.kind === " ") return;
    const from = Math.max(0, index - context);
    const to = Math.min(ops.length, index + context + 1);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  });
  const out: string[] = [];
  for (const [from, to] of ranges) {
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    // Unified-diff convention: an empty side is numbered by the line before it.
    const oldStart = oldCount === 0 ? oldNo[from]! - 1 : oldNo[from]!;
    const newStart = newCount === 0 ? newNo[from]! - 1 : newNo[from]!;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of slice) out.push(`${op.kind}${op.text}`);
  }
  return out;
}
