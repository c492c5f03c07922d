// The document templates: logic-free (if and each only), strict (a missing
// field is an error, not a blank), and read from templates/docs at run time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/config/package-root.js";
import { renderTemplate, templatePath } from "../../src/render/templates.js";

const dir = join(packageRoot(), "templates", "docs");
const templates = readdirSync(dir).filter((f) => f.endsWith(".hbs"));

describe("document templates", () => {
  it("are README.md and COMPLIANCE.md, found beside package.json", () => {
    expect(templates.sort()).toEqual(["COMPLIANCE.md.hbs", "README.md.hbs"]);
    expect(templatePath("docs/README.md")).toBe(join(dir, "README.md.hbs"));
  });

  it.each(templates)("%s uses no block helper but if and each, no partials and no helper calls", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const blocks = [...text.matchAll(/\{\{#(\w+)/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    expect(new Set(blocks)).toEqual(new Set(blocks.filter((b) => b === "if" || b === "each")));
    expect(text).not.toMatch(/\{\{>|\{\{\{|\{\{else|\{\{\^/);
    // A mustache with a space inside, other than a block opener, would be a helper call with arguments.
    const mustaches = [...text.matchAll(/\{\{([^#/][^}]*)\}\}/g)].map((m) => m[1]!.trim());
    expect(mustaches.filter((m) => /\s/.test(m))).toEqual([]);
  });

  it("throws on a missing field instead of printing nothing (strict mode)", () => {
    expect(() => renderTemplate("docs/COMPLIANCE.md", { name: "x" })).toThrow(/not defined/);
    expect(() => renderTemplate("docs/README.md", {})).toThrow(/"name" not defined/);
  });
});
