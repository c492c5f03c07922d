// What a Markdown document says twice: table rows, table cells, list items and
// paragraphs longer than a short phrase. COMPLIANCE.md states each fact once,
// so any of these appearing twice is a fact repeated. The old document repeated
// the same answer and control cells in every framework's table, in rows that
// differed only by citation, so cells are checked as well as whole rows.

/** Shorter blocks (a "Limits:" label, a tier name, an account id) may legitimately recur. */
export const MIN_REPEAT_CHARS = 80;

/** A table row's cells, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/**
 * A cell's own words: links to controls ([C12]) are pointers, the structure the
 * document is built on (each requirement names the controls that serve it), so
 * they do not count towards a repeated statement.
 */
function words(cell: string): string {
  return cell.replace(/\[C\d+\](,\s*)?/g, "").trim();
}

/** Every table row or cell, list item or paragraph (of at least MIN_REPEAT_CHARS) that occurs more than once. */
export function repeatedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((l) => l.trim() !== "");
    const rows = lines.filter((l) => l.startsWith("|") && !/^\|[-| :]+\|$/.test(l));
    const items = lines.filter((l) => /^\s*[-*] /.test(l));
    blocks.push(...rows, ...items);
    // A cell is counted once per row it is in, so a row repeated whole is reported as a row.
    for (const row of new Set(rows)) blocks.push(...new Set(cells(row).map(words)));
    const prose = lines.filter((l) => !l.startsWith("|") && !items.includes(l) && !l.startsWith("#")).join(" ");
    if (prose) blocks.push(prose);
  }
  const seen = new Map<string, number>();
  for (const b of blocks.filter((x) => x.length >= MIN_REPEAT_CHARS)) seen.set(b, (seen.get(b) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([b]) => b);
}
