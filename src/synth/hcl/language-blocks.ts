/**
 * Terraform's own blocks, whose schema is fixed by the language rather than a
 * provider: terraform, variable, output, import, moved, and the condition
 * blocks. Where Terraform reads a JSON string literally (the terraform block,
 * variable defaults, descriptions) it is written as a literal, so a `${` in it
 * stays text; type expressions and references are written bare.
 */
import { attribute, block, INDENT, sections, serializeBody, type Block, type Body } from "./body.js";
import { identifier, label, objectKey, reference, referenceList, renderValue, valueAttribute } from "./expression.js";
import { asList, asObject, entriesOf, isObject, ordered, type Json } from "./json-shape.js";

/** A precondition, postcondition or validation block: an expression and a message template. */
export function conditionBlock(kind: string, value: unknown, where: string): Block {
  const json = asObject(value, `${where}.${kind}`);
  const body = ordered(json, ["condition", "error_message"]).map(([k, v]) => valueAttribute(identifier(k, `${where}.${kind}`), v, "template"));
  return block(kind, body);
}

/** The terraform block is read before any evaluation, so all of its strings are literal (B10). */
export function terraformBlock(json: Json): Block {
  const attrs: Body = [];
  const blocks: Body[] = [];
  for (const [key, value] of ordered(json, ["required_version", "required_providers", "backend", "cloud"])) {
    if (key === "required_version") attrs.push(valueAttribute(key, value, "literal"));
    else if (key === "required_providers") blocks.push([block(key, requiredProviders(asObject(value, "terraform.required_providers")))]);
    else if (key === "backend") {
      for (const [type, config] of entriesOf(value, "terraform.backend")) {
        blocks.push([block(`backend ${label(type)}`, settingsBody(asObject(config, `terraform.backend.${type}`)))]);
      }
    } else if (key === "cloud") blocks.push([block("cloud", settingsBody(asObject(value, "terraform.cloud")))]);
    else throw new Error(`renderHcl does not support terraform.${key} yet; use the JSON output`);
  }
  return block("terraform", sections(attrs, ...blocks));
}

function requiredProviders(json: Json): Body {
  return Object.entries(json).map(([name, requirement]) =>
    attribute(objectKey(name, "literal"), (indent) => {
      if (!isObject(requirement)) return renderValue(requirement, "literal", indent);
      const { configuration_aliases: aliases, ...rest } = requirement;
      const items = Object.entries(rest).map(([k, v]) => valueAttribute(objectKey(k, "literal"), v, "literal"));
      if (aliases !== undefined) items.push(attribute("configuration_aliases", () => referenceList(aliases, `required_providers.${name}`)));
      return ["{", ...serializeBody(items, indent + INDENT), `${indent}}`].join("\n");
    }),
  );
}

/** Backend and cloud settings: literal arguments, plus the `workspaces` block of `cloud` and the remote backend. */
function settingsBody(json: Json): Body {
  const attrs: Body = [];
  const blocks: Body[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === "workspaces" && isObject(value)) blocks.push([block(key, settingsBody(value))]);
    else attrs.push(valueAttribute(identifier(key, "terraform"), value, "literal"));
  }
  return sections(attrs, ...blocks);
}

/** `type` is a type expression; `default` and `description` are literal values (B6 keeps falsy ones). */
export function variableBlock(name: string, json: Json): Block {
  const where = `variable.${name}`;
  const attrs: Body = [];
  const validations: Body[] = [];
  for (const [key, value] of ordered(json, ["description", "type", "default"])) {
    if (key === "type") attrs.push(attribute(key, () => typeExpression(value, where)));
    else if (key === "validation") validations.push(...asList(value).map((v) => [conditionBlock(key, v, where)]));
    else attrs.push(valueAttribute(identifier(key, where), value, "literal"));
  }
  return block(`variable ${label(name)}`, sections(attrs, ...validations));
}

function typeExpression(value: unknown, where: string): string {
  if (typeof value !== "string") throw new Error(`${where}.type: expected a type expression string`);
  return value.startsWith("${") && value.endsWith("}") ? value.slice(2, -1).trim() : value;
}

export function outputBlock(name: string, json: Json): Block {
  const where = `output.${name}`;
  const attrs: Body = [];
  const conditions: Body[] = [];
  for (const [key, value] of ordered(json, ["description", "value"])) {
    if (key === "depends_on") attrs.push(attribute(key, () => referenceList(value, `${where}.depends_on`))); // C5
    else if (key === "precondition") conditions.push(...asList(value).map((c) => [conditionBlock(key, c, where)]));
    else attrs.push(valueAttribute(identifier(key, where), value, key === "description" ? "literal" : "template"));
  }
  return block(`output ${label(name)}`, sections(attrs, ...conditions));
}

export function importBlock(json: Json): Block {
  const body = Object.entries(json).map(([key, value]) =>
    key === "to" || key === "provider"
      ? attribute(key, () => reference(value, `import.${key}`))
      : valueAttribute(identifier(key, "import"), value, "template"),
  );
  return block("import", body);
}

export function movedBlock(json: Json): Block {
  return block("moved", Object.entries(json).map(([key, value]) => attribute(identifier(key, "moved"), () => reference(value, `moved.${key}`))));
}
