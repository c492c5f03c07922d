// Strict mode makes Handlebars throw on a missing name, but only in the branches
// a render takes. This walks every template's syntax tree instead, so a typo in
// a branch no test renders still fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/config/package-root.js";
import { pipelineContext } from "../../src/pipelines/pipeline-context.js";
import { BACKEND, withOutput } from "./plan-with-output.js";

type Node = { type: string; [key: string]: unknown };
type Path = { type: "PathExpression"; original: string; parts: string[] };

const HELPERS = new Set(["if", "each", "unless"]);

/** Every data name a template reads, except `this` inside #each. */
function namesIn(node: Node | undefined, into: Path[] = []): Path[] {
  if (!node) return into;
  if (node.type === "Program") for (const child of node.body as Node[]) namesIn(child, into);
  if (node.type === "MustacheStatement" || node.type === "BlockStatement") {
    const path = node.path as Path;
    const params = (node.params as Node[]).filter((p): p is Path & Node => p.type === "PathExpression");
    if (HELPERS.has(path.original)) into.push(...params);
    else if (params.length === 0) into.push(path);
    else throw new Error(`unexpected helper {{${path.original}}}: templates hold no logic beyond if/each`);
    namesIn(node.program as Node | undefined, into);
    namesIn(node.inverse as Node | undefined, into);
  }
  return into.filter((p) => p.original !== "this");
}

describe("pipeline templates", () => {
  const context = pipelineContext(withOutput({ pipelines: ["github", "gitlab"], backend: BACKEND }), { outDir: "infra/x", version: "0.0.0" });
  const dir = join(packageRoot(), "templates", "pipelines");
  const templates = readdirSync(dir).filter((name) => name.endsWith(".hbs"));

  it("exist", () => {
    expect(templates.sort()).toEqual(["ci-readme.md.hbs", "github-actions.yml.hbs", "gitlab-ci.yml.hbs", "plan-summary.sh.hbs"]);
  });

  for (const name of templates) {
    it(`${name} reads only names the context defines, and uses no helper beyond if/each`, () => {
      const ast = Handlebars.parse(readFileSync(join(dir, name), "utf8")) as unknown as Node;
      const names = namesIn(ast);
      // Even the summary script names its generator's version: the walker saw the template.
      expect(names.length).toBeGreaterThan(0);
      for (const { original, parts } of names) {
        let value: unknown = context;
        for (const part of parts) {
          expect(value !== null && typeof value === "object" && part in value, `${name}: {{${original}}}`).toBe(true);
          value = (value as Record<string, unknown>)[part];
        }
      }
    });
  }
});
