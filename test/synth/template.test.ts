// splitTemplate jumps over text that cannot open a sequence; a plain walk over
// every character (the first version) is the reference it must agree with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitTemplate, type TemplateSegment } from "../../src/synth/hcl/template.js";

/** One character at a time, escapes kept as written; sequences end where splitTemplate's do. */
function walk(s: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = "";
  for (let i = 0; i < s.length; ) {
    if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
      literal += s.slice(i, i + 3);
      i += 3;
    } else if ((s[i] === "$" || s[i] === "%") && s[i + 1] === "{") {
      if (literal) segments.push({ kind: "literal", text: literal });
      literal = "";
      const [sequence] = splitTemplate(s.slice(i)); // the sequence's end is not what changed
      segments.push(sequence!);
      i += sequence!.text.length;
    } else {
      literal += s[i];
      i += 1;
    }
  }
  if (literal) segments.push({ kind: "literal", text: literal });
  return segments;
}

const outcome = (split: (s: string) => TemplateSegment[], s: string) => {
  try {
    return split(s);
  } catch (error) {
    return (error as Error).message.split(" in ")[0]; // the walk's message names only the slice it handed on
  }
};

describe("splitTemplate", () => {
  it("splits literals, escapes and sequences", () => {
    expect(splitTemplate("")).toEqual([]);
    expect(splitTemplate("plain {text}")).toEqual([{ kind: "literal", text: "plain {text}" }]);
    expect(splitTemplate("a$${b}%%{c}")).toEqual([{ kind: "literal", text: "a$${b}%%{c}" }]);
    expect(splitTemplate('x${f("}")}y%{ if a }z')).toEqual([
      { kind: "literal", text: "x" },
      { kind: "sequence", text: '${f("}")}' },
      { kind: "literal", text: "y" },
      { kind: "sequence", text: "%{ if a }" },
      { kind: "literal", text: "z" },
    ]);
    expect(splitTemplate("$$${x}")).toEqual([{ kind: "literal", text: "$$${x}" }]);
  });

  it("agrees with a walk over every character, on any mix of openers, escapes, quotes and braces", () => {
    const text = fc.array(fc.constantFrom("$", "%", "{", "}", '"', "\\", "a", " "), { maxLength: 24 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, (s) => {
        expect(outcome(splitTemplate, s)).toEqual(outcome(walk, s));
      }),
      { numRuns: 3000 },
    );
  });
});
