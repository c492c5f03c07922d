// "Did you mean" for a mistyped command, subcommand or flag: the closest known
// name by edit distance, offered only when it is close enough to be a typo.

/** Levenshtein distance (insert, delete, substitute), with a transposition counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `typed`, or undefined when none is plausibly meant:
 * at most a third of the longer name may differ (so "genrate" finds
 * "generate", "foo" finds nothing), and a name `typed` starts is always offered.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = name.startsWith(lower) && lower.length >= 2 ? 0.5 : editDistance(lower, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(typed.length, best.name.length) / 3));
  return best.distance <= allowed ? best.name : undefined;
}

/** " (did you mean `x`?)" or "" */
export function didYouMean(typed: string, known: readonly string[], show: (name: string) => string = (n) => n): string {
  const match = closest(typed, known);
  return match ? ` (did you mean \`${show(match)}\`?)` : "";
}
