// Escaping for text placed in Markdown. The context builders use these so the
// templates only ever print finished strings.

/** Text safe inside a table cell: pipes escaped, line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** Inline code; for table cells pass `inTable` so pipes are escaped too. */
export function code(text: string, inTable = false): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = fence === "``" ? " " : "";
  const body = inTable ? text.replace(/\|/g, "\\|") : text;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A list of inline-code items for one table cell. */
export function codeList(items: readonly string[]): string {
  return items.map((i) => code(i, true)).join(", ");
}

/** "-" for an empty cell, so a table never has a blank column. */
export function orDash(text: string | undefined): string {
  return text && text.length > 0 ? text : "-";
}
