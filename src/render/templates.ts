// The one Handlebars environment for every file around the Terraform (documents,
// pipeline files; never the Terraform itself). Strict: a name the context lacks
// is an error, not a blank. No HTML escaping: the output is Markdown and YAML.
// Only the built-in helpers: templates may use if and each, nothing that computes.
//
// The bundle carries the templates precompiled (scripts/bundle.mjs fills
// PRECOMPILED), which saves compiling them on every run; from source they are
// read from templates/ and compiled once per process, with the same options.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../config/package-root.js";
import { PRECOMPILED } from "./precompiled-templates.js";

/** A template under templates/, without `.hbs`: "docs/README.md", "pipelines/gitlab-ci.yml". */
export type TemplateName =
  | "docs/README.md"
  | "docs/COMPLIANCE.md"
  | "pipelines/github-actions.yml"
  | "pipelines/gitlab-ci.yml"
  | "pipelines/ci-readme.md"
  | "pipelines/plan-summary.sh";

/** Shared with the bundle's precompile step, so both paths render alike. */
export const TEMPLATE_OPTIONS = Object.freeze({ strict: true, noEscape: true, knownHelpersOnly: true });

const env = Handlebars.create();
const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();

export function templatePath(name: TemplateName): string {
  return join(packageRoot(), "templates", `${name}.hbs`);
}

export function renderTemplate(name: TemplateName, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    const spec = PRECOMPILED[name];
    template = spec ? env.template(spec) : env.compile(readFileSync(templatePath(name), "utf8"), TEMPLATE_OPTIONS);
    compiled.set(name, template);
  }
  return template(context);
}
