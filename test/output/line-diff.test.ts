import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/output/line-diff.js";

const LABELS = { fromLabel: "a", toLabel: "b", maxLines: Number.MAX_SAFE_INTEGER };

/** Applies unified-diff hunks to `before`, checking every context and removed line against it. */
function applyPatch(before: string, diff: readonly string[]): string {
  const old = before.split("\n");
  if (old[old.length - 1] === "") old.pop();
  const result: string[] = [];
  let next = 0; // index into old of the first line not yet copied
  for (let i = 2; i < diff.length; ) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(diff[i]!);
    if (!header) throw new Error(`expected a hunk header, got ${diff[i]}`);
    const [oldStart, oldCount, , newCount] = header.slice(1).map(Number) as [number, number, number, number];
    // An empty old side is numbered by the line before it (0 at the top of the file).
    const start = oldCount === 0 ? oldStart : oldStart - 1;
    if (start < next || start > old.length) throw new Error(`hunk starts at old line ${oldStart}, outside ${next}..${old.length}`);
    result.push(...old.slice(next, start));
    next = start;
    let seenOld = 0;
    let seenNew = 0;
    for (i++; i < diff.length && !diff[i]!.startsWith("@@"); i++) {
      const line = diff[i]!;
      const body = line.slice(1);
      if (line[0] !== "+") {
        if (old[next] !== body) throw new Error(`line ${next + 1} is "${old[next]}", the diff says "${body}"`);
        next++;
        seenOld++;
      }
      if (line[0] !== "-") {
        result.push(body);
        seenNew++;
      }
    }
    if (seenOld !== oldCount || seenNew !== newCount) throw new Error(`hunk counts ${oldCount},${newCount} but ${seenOld},${seenNew} lines`);
  }
  result.push(...old.slice(next));
  return result.map((l) => `${l}\n`).join("");
}

const textOfLines = fc.array(fc.constantFrom("a", "b", "c", "d", "resource {", "}", ""), { maxLength: 30 }).map((lines) => lines.map((l) => `${l}\n`).join(""));

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("x\n", "x\n", LABELS)).toEqual([]);
  });

  it("produces hunks that turn the old text into the new one", () => {
    fc.assert(
      fc.property(textOfLines, textOfLines, (before, after) => {
        const diff = unifiedDiff(before, after, LABELS);
        if (before === after) return diff.length === 0;
        expect(diff.slice(0, 2)).toEqual(["--- a", "+++ b"]);
        expect(applyPatch(before, diff)).toBe(after);
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it("keeps three lines of context and merges nearby changes into one hunk", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    expect(unifiedDiff(before, before.replace("2\n", "two\n").replace("5\n", "five\n"), LABELS)).toEqual([
      "--- a",
      "+++ b",
      "@@ -1,8 +1,8 @@",
      " 1",
      "-2",
      "+two",
      " 3",
      " 4",
      "-5",
      "+five",
      " 6",
      " 7",
      " 8",
    ]);
  });

  it("explains differences a line diff cannot show", () => {
    expect(unifiedDiff("a\r\nb\r\n", "a\nb\n", LABELS)).toEqual(["(differs only in line endings: CRLF versus LF)"]);
    expect(unifiedDiff("a\nb", "a\nb\n", LABELS)).toEqual(["(differs only in the newline at the end of the file)"]);
  });

  it("stays correct, if less minimal, past the size where it skips the LCS table", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `old ${i}\n`).join("");
    const after = Array.from({ length: 2500 }, (_, i) => `new ${i}\n`).join("");
    const started = performance.now();
    const diff = unifiedDiff(before, after, LABELS);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(applyPatch(before, diff)).toBe(after);
  });
});
