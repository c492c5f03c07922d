/**
 * Bodies of resources, data sources and providers: arguments and nested
 * blocks told apart by the provider schema (block-schema.ts), meta-arguments
 * written as bare references (B7, B8) and lifecycle conditions as blocks (B9).
 * Nested values come from the JSON, so an override into a nested block is
 * printed like any other value (B11).
 */
import { attribute, block, GAP, sections, type Block, type Body } from "./body.js";
import { emptySchema, type BlockSchema } from "./block-schema.js";
import { identifier, label, reference, referenceList, valueAttribute } from "./expression.js";
import { conditionBlock } from "./language-blocks.js";
import { asList, asObject, entriesOf, isObject, type Json } from "./json-shape.js";

/** A resource or data source, with meta-arguments first and last as Terraform's style guide orders them. */
export function elementBody(json: Json, schema: BlockSchema, where: string): Body {
  const first: Body = [];
  const dependsOn: Body = [];
  const lifecycle: Body = [];
  const rest: Json = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "count" || key === "for_each") first.push(valueAttribute(key, value, "template"));
    else if (key === "provider") first.push(attribute(key, () => reference(value, `${where}.provider`)));
    else if (key === "depends_on") dependsOn.push(attribute(key, () => referenceList(value, `${where}.depends_on`)));
    else if (key === "lifecycle") lifecycle.push(block(key, lifecycleBody(asObject(value, `${where}.lifecycle`), where)));
    else if (key === "provisioner" || key === "connection") throw new Error(`${where}: renderHcl does not support ${key} blocks`);
    else rest[key] = value;
  }
  return sections(first, nestedBody(rest, schema, where), dependsOn, lifecycle);
}

/** `alias` is read literally, but a valid alias (an identifier) prints the same either way. */
export function providerBody(json: Json, schema: BlockSchema, where: string): Body {
  const { alias, ...rest } = json;
  return nestedBody({ alias, ...rest }, schema, where);
}

/** Arguments first, then each nested block (and dynamic block) after a blank line. */
function nestedBody(json: Json, schema: BlockSchema, where: string): Body {
  const attrs: Body = [];
  const blocks: Body[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === "//" || value === undefined) continue;
    const path = `${where}.${key}`;
    if (key === "dynamic") {
      for (const [name, specs] of entriesOf(value, path)) {
        for (const spec of asList(specs)) blocks.push([dynamicBlock(name, asObject(spec, path), schema, path)]);
      }
      continue;
    }
    const child = schema.blocks.get(key);
    // A block given as a token string cannot be a block in HCL; writing it as
    // an argument keeps the JSON's meaning and lets validate report it.
    if (child && typeof value === "object" && value !== null) {
      for (const item of asList(value)) blocks.push([block(identifier(key, path), nestedBody(asObject(item, path), child, path))]);
    } else {
      attrs.push(valueAttribute(identifier(key, path), value, "template"));
    }
  }
  return sections(attrs, ...blocks);
}

function dynamicBlock(name: string, spec: Json, parent: BlockSchema, where: string): Block {
  const { for_each, iterator, labels, content, ...other } = spec;
  if (Object.keys(other).length > 0) throw new Error(`${where}: unexpected keys ${Object.keys(other).join(", ")} in a dynamic block`);
  const contentJson = asObject(content ?? {}, `${where}.content`);
  const schema = mergeSchemas(inferSchema(contentJson), parent.blocks.get(name) ?? emptySchema());
  const body: Body = [valueAttribute("for_each", for_each, "template")];
  if (iterator !== undefined) body.push(attribute("iterator", () => reference(iterator, `${where}.iterator`)));
  if (labels !== undefined) body.push(valueAttribute("labels", labels, "template"));
  return block(`dynamic ${label(name)}`, [...body, GAP, block("content", nestedBody(contentJson, schema, `${where}.content`))]);
}

/**
 * Dynamic content carries no block metadata, so what static instances of the
 * block taught is topped up from the JSON shape: a list of objects is taken as
 * a repeated block, as it is throughout the SDK-based AWS schema. A lone
 * object stays an argument (it is as likely a map such as `tags`), so a single
 * nested block inside dynamic content must be given as a one-element list.
 */
function inferSchema(json: Json): BlockSchema {
  const schema = emptySchema();
  for (const [key, value] of Object.entries(json)) {
    if (key !== "dynamic" && Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      schema.blocks.set(key, value.map((item) => inferSchema(item)).reduce(mergeSchemas));
    }
  }
  return schema;
}

function mergeSchemas(a: BlockSchema, b: BlockSchema): BlockSchema {
  const blocks = new Map(a.blocks);
  for (const [key, child] of b.blocks) blocks.set(key, blocks.has(key) ? mergeSchemas(blocks.get(key)!, child) : child);
  return { blocks };
}

function lifecycleBody(json: Json, where: string): Body {
  const attrs: Body = [];
  const conditions: Body[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === "ignore_changes") {
      // `all` is a keyword, not a string (B8); attribute names are bare (B7).
      attrs.push(attribute(key, () => (value === "all" ? "all" : referenceList(value, `${where}.lifecycle.ignore_changes`))));
    } else if (key === "replace_triggered_by") {
      attrs.push(attribute(key, () => referenceList(value, `${where}.lifecycle.replace_triggered_by`)));
    } else if (key === "precondition" || key === "postcondition") {
      conditions.push(...asList(value).map((c) => [conditionBlock(key, c, `${where}.lifecycle`)]));
    } else {
      attrs.push(valueAttribute(identifier(key, `${where}.lifecycle`), value, "template"));
    }
  }
  return sections(attrs, ...conditions);
}
