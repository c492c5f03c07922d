// Empty when running from source. scripts/bundle.mjs replaces this module with
// every template under templates/ precompiled (Handlebars.precompile with
// TEMPLATE_OPTIONS), keyed like TemplateName.
import type Handlebars from "handlebars";

/** What Handlebars.precompile emits; the type is global in handlebars' typings. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0];

export const PRECOMPILED: Readonly<Record<string, TemplateSpec>> = {};
