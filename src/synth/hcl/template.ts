/**
 * String conversion between Terraform's JSON syntax and HCL quoted strings.
 *
 * Both syntaxes read a string as the same template language: `${…}`
 * interpolations, `%{…}` directives, and the escapes `$${` / `%%{` for their
 * literal text. They differ only in the outer layer: HCL quoted strings also
 * need `\` escapes for `"`, `\` and control characters. So a JSON template
 * becomes an HCL template by escaping its literal runs and copying its
 * interpolations verbatim (their inner quotes belong to HCL expression syntax
 * and must stay as they are). cdktf's renderer got this wrong (B1, B2, B3).
 */

export interface TemplateSegment {
  readonly kind: "literal" | "sequence";
  readonly text: string;
}

/** Splits a template into literal runs and `${…}` / `%{…}` sequences. */
export function splitTemplate(s: string): TemplateSegment[] {
  // Most strings hold neither opener (and an escape, `$${` or `%%{`, holds one): all literal.
  if (!s.includes("${") && !s.includes("%{")) return s ? [{ kind: "literal", text: s }] : [];
  const segments: TemplateSegment[] = [];
  // A literal run is a slice of the input: escapes mean the same in both syntaxes and stay as written.
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
      i += 3;
    } else if ((s[i] === "$" || s[i] === "%") && s[i + 1] === "{") {
      if (i > start) segments.push({ kind: "literal", text: s.slice(start, i) });
      const end = endOfSequence(s, i + 2);
      segments.push({ kind: "sequence", text: s.slice(i, end) });
      i = start = end;
    } else {
      i += 1;
    }
  }
  if (i > start) segments.push({ kind: "literal", text: s.slice(start) });
  return segments;
}

/** Index just past the `}` closing a sequence whose body starts at `i`. */
function endOfSequence(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = endOfQuoted(s, i + 1);
      continue;
    }
    if (c === "{") depth += 1;
    if (c === "}" && --depth === 0) return i + 1;
    i += 1;
  }
  throw new Error(`Unterminated template sequence in ${JSON.stringify(s)}`);
}

/** Index just past the `"` closing an HCL string literal inside an expression. */
function endOfQuoted(s: string, i: number): number {
  while (i < s.length) {
    if (s[i] === "\\") i += 2;
    else if (s[i] === '"') return i + 1;
    else if (s.startsWith("$${", i) || s.startsWith("%%{", i)) i += 3;
    else if ((s[i] === "$" || s[i] === "%") && s[i + 1] === "{") i = endOfSequence(s, i + 2);
    else i += 1;
  }
  throw new Error(`Unterminated string literal in template ${JSON.stringify(s)}`);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** Escapes text for the inside of an HCL quoted string (no template handling). */
function escapeText(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    return SIMPLE_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A JSON template string as an HCL quoted template with the same meaning. */
export function quoteTemplate(s: string): string {
  const body = splitTemplate(s)
    .map((seg) => (seg.kind === "literal" ? escapeText(seg.text) : seg.text))
    .join("");
  return `"${body}"`;
}

/**
 * A string Terraform takes literally in JSON (variable defaults, descriptions,
 * the terraform block) as an HCL quoted string with the same value: there
 * `${` and `%{` are plain text, so they are escaped as `$${` and `%%{`.
 */
export function quoteLiteral(s: string): string {
  return `"${escapeText(s).replace(/([$%])\{/g, "$1$1{")}"`;
}

/**
 * The expression inside a template that is exactly one `${…}` interpolation,
 * else undefined. HCL defines such a template's value as the expression's own
 * value, unconverted, so writing the bare expression is equivalent (and is
 * what `terraform fmt` does anyway). Strip markers (`${~`) keep their quotes.
 */
export function soleInterpolation(s: string): string | undefined {
  const segments = splitTemplate(s);
  const only = segments.length === 1 ? segments[0] : undefined;
  if (!only || only.kind !== "sequence" || !only.text.startsWith("${")) return undefined;
  const inner = only.text.slice(2, -1);
  if (inner.startsWith("~") || inner.endsWith("~")) return undefined;
  return inner.trim();
}
