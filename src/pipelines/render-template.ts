// Handlebars for the files around the Terraform (never the Terraform itself).
// Strict: a name the context lacks is an error, not an empty string. No HTML
// escaping: the output is YAML and Markdown. Templates are read from the
// package's templates/ folder at run time (it ships beside package.json, also
// when the CLI is bundled) and compiled once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../config/package-root.js";

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders templates/<name>.hbs with `context`. */
export function renderTemplate(name: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(packageRoot(), "templates", `${name}.hbs`), "utf8");
    template = handlebars.compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  return template(context);
}
