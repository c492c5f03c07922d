/**
 * A small evaluator for CloudWatch Logs JSON filter patterns, enough to test
 * the estate's metric filters against sample events offline. It follows the
 * syntax page (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html,
 * "Matching terms in JSON log events") and is itself tested against that
 * page's examples in filter-pattern.test.ts:
 *
 * - `{ SELECTOR = STRING }` / `!=`: quoted or bare; `*` matches any text at the
 *   start or end of a term only ("Ev*ent will only match the actual string Ev*ent").
 * - `{ SELECTOR <op> NUMBER }` with =, !=, <, >, <=, >= (signed, decimal, exponent).
 * - `IS NULL`, `NOT EXISTS`, `IS TRUE`, `IS FALSE`.
 * - `&&`, `||` and parentheses; && binds tighter than || ("() > && > ||").
 * - The selector must point to a value node (string or number): a comparison
 *   on an array, an object or a missing field is false for = and != alike.
 *   (The page says so for arrays and objects; treating a missing field the same
 *   way is the conservative reading, and no estate filter relies on either.)
 * - `%regex%` values (at most two per pattern on AWS) test as a JS regex search.
 *
 * Space-delimited and plain-term patterns are out of scope: the estate uses none.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const MISSING = Symbol("missing");
type Resolved = Json | typeof MISSING;

type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "compare"; path: (string | number)[]; op: string; value: Literal }
  | { kind: "test"; path: (string | number)[]; test: "IS NULL" | "NOT EXISTS" | "IS TRUE" | "IS FALSE" };

type Literal = { kind: "string"; text: string; quoted: boolean } | { kind: "regex"; source: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    this.skip();
    this.expect("{");
    const node = this.or();
    this.skip();
    this.expect("}");
    this.skip();
    if (this.pos !== this.src.length) this.error("text after the closing brace");
    return node;
  }

  private or(): Node {
    let left = this.and();
    while (this.eat("||")) left = { kind: "or", left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.eat("&&")) left = { kind: "and", left, right: this.unary() };
    return left;
  }

  private unary(): Node {
    this.skip();
    if (this.eat("(")) {
      const inner = this.or();
      this.skip();
      this.expect(")");
      return inner;
    }
    return this.condition();
  }

  private condition(): Node {
    const path = this.selector();
    this.skip();
    for (const test of ["IS NULL", "NOT EXISTS", "IS TRUE", "IS FALSE"] as const) {
      if (this.src.startsWith(test, this.pos)) {
        this.pos += test.length;
        return { kind: "test", path, test };
      }
    }
    const op = ["!=", "<=", ">=", "=", "<", ">"].find((o) => this.src.startsWith(o, this.pos));
    if (!op) this.error("a comparison operator");
    this.pos += op.length;
    return { kind: "compare", path, op, value: this.literal() };
  }

  private selector(): (string | number)[] {
    this.skip();
    this.expect("$");
    const path: (string | number)[] = [];
    for (;;) {
      if (this.src[this.pos] === ".") {
        this.pos += 1;
        const name = /^[A-Za-z0-9_-]+/.exec(this.src.slice(this.pos))?.[0];
        if (!name) this.error("a property name");
        path.push(name);
        this.pos += name.length;
      } else if (this.src[this.pos] === "[") {
        const index = /^\[(\d+)\]/.exec(this.src.slice(this.pos));
        if (!index) this.error("an array index");
        path.push(Number(index[1]));
        this.pos += index[0].length;
      } else {
        break;
      }
    }
    if (path.length === 0) this.error("a property after $");
    return path;
  }

  private literal(): Literal {
    this.skip();
    const c = this.src[this.pos];
    if (c === '"') {
      let text = "";
      this.pos += 1;
      while (this.pos < this.src.length && this.src[this.pos] !== '"') {
        if (this.src[this.pos] === "\\") this.pos += 1;
        text += this.src[this.pos];
        this.pos += 1;
      }
      this.expect('"');
      return { kind: "string", text, quoted: true };
    }
    if (c === "%") {
      const end = this.src.indexOf("%", this.pos + 1);
      if (end < 0) this.error("the closing % of a regex");
      const source = this.src.slice(this.pos + 1, end);
      if (/[()<>]/.test(source)) this.error("a regex without ( ) < > (CloudWatch rejects them)");
      this.pos = end + 1;
      return { kind: "regex", source };
    }
    const bare = /^[^\s()&|{}"]+/.exec(this.src.slice(this.pos))?.[0];
    if (!bare) this.error("a value");
    this.pos += bare.length;
    return { kind: "string", text: bare, quoted: false };
  }

  private skip(): void {
    while (/\s/.test(this.src[this.pos] ?? "")) this.pos += 1;
  }

  private eat(token: string): boolean {
    this.skip();
    if (!this.src.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.src.startsWith(token, this.pos)) this.error(`"${token}"`);
    this.pos += token.length;
  }

  private error(wanted: string): never {
    throw new Error(`filter pattern: expected ${wanted} at ${this.pos}: ${this.src.slice(this.pos, this.pos + 30)}`);
  }
}

function resolve(event: Json, path: readonly (string | number)[]): Resolved {
  let node: Resolved = event;
  for (const part of path) {
    if (typeof part === "number") {
      if (!Array.isArray(node) || part >= node.length) return MISSING;
      node = node[part]!;
    } else {
      if (node === null || typeof node !== "object" || Array.isArray(node) || !(part in node)) return MISSING;
      node = (node as Record<string, Json>)[part]!;
    }
  }
  return node;
}

/** A term with `*` at its start and/or end; a `*` anywhere else is literal. */
function termMatches(term: string, text: string): boolean {
  const leading = term.startsWith("*");
  const trailing = term.length > 1 && term.endsWith("*");
  const core = term.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (leading && trailing) return text.includes(core);
  if (leading) return text.endsWith(core);
  if (trailing) return text.startsWith(core);
  return text === core;
}

function compare(field: Resolved, op: string, value: Literal): boolean {
  // Only value nodes compare; arrays, objects, null and missing fields never match (= or !=).
  if (typeof field !== "string" && typeof field !== "number") return false;
  if (value.kind === "regex") {
    const found = new RegExp(value.source).test(String(field));
    if (op === "=") return found;
    if (op === "!=") return !found;
    throw new Error(`filter pattern: ${op} cannot take a regex`);
  }
  const numeric = NUMBER.test(value.text) && !value.quoted;
  if (op === "=" || op === "!=") {
    const equal = numeric && typeof field === "number" ? field === Number(value.text) : termMatches(value.text, String(field));
    return op === "=" ? equal : !equal;
  }
  if (!numeric) throw new Error(`filter pattern: ${op} needs a number, got ${value.text}`);
  if (typeof field !== "number") return false;
  const n = Number(value.text);
  return op === "<" ? field < n : op === ">" ? field > n : op === "<=" ? field <= n : field >= n;
}

function evaluate(node: Node, event: Json): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, event) && evaluate(node.right, event);
    case "or":
      return evaluate(node.left, event) || evaluate(node.right, event);
    case "test": {
      const field = resolve(event, node.path);
      if (node.test === "NOT EXISTS") return field === MISSING;
      if (node.test === "IS NULL") return field === null;
      return field === (node.test === "IS TRUE");
    }
    case "compare":
      return compare(resolve(event, node.path), node.op, node.value);
  }
}

/** Parses a JSON filter pattern; throws on syntax the evaluator (and CloudWatch) would reject. */
export function parseFilterPattern(pattern: string): (event: unknown) => boolean {
  const tree = new Parser(pattern).parse();
  const regexes = (pattern.match(/%[^%]*%/g) ?? []).length;
  if (regexes > 2) throw new Error(`filter pattern: ${regexes} regular expressions; CloudWatch allows 2 per pattern`);
  return (event) => evaluate(tree, event as Json);
}

export function matchesFilterPattern(pattern: string, event: unknown): boolean {
  return parseFilterPattern(pattern)(event);
}
