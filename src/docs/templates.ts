// Loads and compiles the document templates from templates/docs at run time.
// One isolated Handlebars environment, strict (a missing field throws instead
// of printing nothing), no HTML escaping (the output is Markdown), and only the
// built-in helpers: templates may use if and each, nothing that computes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../config/package-root.js";

export type DocumentTemplate = "README.md" | "COMPLIANCE.md";

const env = Handlebars.create();
const compiled = new Map<DocumentTemplate, ReturnType<typeof env.compile>>();

export function templatePath(name: DocumentTemplate): string {
  return join(packageRoot(), "templates", "docs", `${name}.hbs`);
}

export function renderTemplate(name: DocumentTemplate, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = env.compile(readFileSync(templatePath(name), "utf8"), { strict: true, noEscape: true, knownHelpersOnly: true });
    compiled.set(name, template);
  }
  return template(context);
}
