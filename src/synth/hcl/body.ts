/**
 * A minimal HCL body tree and its serializer.
 *
 * The layout follows `terraform fmt` (hclwrite.Format) so that output is
 * already canonical wherever we choose the spacing: two-space indents, `{}`
 * for empty bodies, and `=` aligned across runs of consecutive single-line
 * attributes. hclwrite ends a run at any line that is not a complete
 * `name = value` (a block, a blank line, a multi-line value), so we do too.
 */

export interface Attribute {
  readonly kind: "attribute";
  readonly name: string;
  /** Renders the value; multi-line values indent their inner lines from `indent`. */
  readonly render: (indent: string) => string;
}

export interface Block {
  readonly kind: "block";
  readonly header: string;
  readonly body: Body;
}

/** A blank line, kept only between two other items. */
export interface Gap {
  readonly kind: "gap";
}

export type BodyItem = Attribute | Block | Gap;
export type Body = BodyItem[];

export const INDENT = "  ";
export const GAP: Gap = { kind: "gap" };

export function attribute(name: string, render: (indent: string) => string): Attribute {
  return { kind: "attribute", name, render };
}

export function block(header: string, body: Body): Block {
  return { kind: "block", header, body };
}

/** Joins non-empty sections with one blank line between them. */
export function sections(...parts: Body[]): Body {
  return parts.filter((part) => part.length > 0).flatMap((part, i) => (i === 0 ? part : [GAP, ...part]));
}

/** The lines of a body whose items sit at `indent`. */
export function serializeBody(body: Body, indent: string): string[] {
  const lines: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flushRun = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) lines.push(`${indent}${a.name.padEnd(width)} = ${a.value}`);
    run = [];
  };
  let pendingGap = false;
  for (const item of body) {
    if (item.kind === "gap") {
      pendingGap = lines.length > 0 || run.length > 0;
      continue;
    }
    if (pendingGap) {
      flushRun();
      lines.push("");
      pendingGap = false;
    }
    if (item.kind === "attribute") {
      const value = item.render(indent);
      if (value.includes("\n")) {
        flushRun();
        lines.push(`${indent}${item.name} = ${value}`);
      } else {
        run.push({ name: item.name, value });
      }
      continue;
    }
    flushRun();
    if (item.body.length === 0) {
      lines.push(`${indent}${item.header} {}`);
    } else {
      lines.push(`${indent}${item.header} {`, ...serializeBody(item.body, indent + INDENT), `${indent}}`);
    }
  }
  flushRun();
  return lines;
}
