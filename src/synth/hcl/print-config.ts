/**
 * Prints a synthesized Terraform JSON config as HCL.
 *
 * Values are taken from the JSON cdktf synthesizes (the form Terraform itself
 * reads), so the HCL means the same by construction. What the JSON leaves to
 * the schema is spelled out by resource-body.ts (provider schemas) and
 * language-blocks.ts (Terraform's own blocks). Sections this printer does not
 * know are refused, never dropped.
 */
import { block, GAP, serializeBody, type Block } from "./body.js";
import { emptySchema, type SchemaIndex } from "./block-schema.js";
import { identifier, label, valueAttribute } from "./expression.js";
import { importBlock, movedBlock, outputBlock, terraformBlock, variableBlock } from "./language-blocks.js";
import { asList, asObject, entriesOf, type Json } from "./json-shape.js";
import { elementBody, providerBody } from "./resource-body.js";

/** Top-level sections, in the order they are printed. */
const SECTIONS = ["terraform", "provider", "variable", "locals", "data", "resource", "output", "import", "moved"];

export function printConfig(config: Json, schemas: SchemaIndex): string {
  const unknown = Object.keys(config).filter((key) => key !== "//" && !SECTIONS.includes(key));
  if (unknown.length > 0) throw new Error(`renderHcl does not support top-level ${unknown.join(", ")} yet; use the JSON output`);

  const blocks: Block[] = [];
  if (config.terraform !== undefined) blocks.push(terraformBlock(asObject(config.terraform, "terraform")));
  for (const [name, instances] of entriesOf(config.provider, "provider")) {
    const schema = schemas.get(`provider.${name}`) ?? emptySchema();
    for (const body of asList(instances)) {
      const where = `provider.${name}`;
      blocks.push(block(`provider ${label(name)}`, providerBody(asObject(body, where), schema, where)));
    }
  }
  for (const [name, body] of entriesOf(config.variable, "variable")) blocks.push(variableBlock(name, asObject(body, `variable.${name}`)));
  const locals = entriesOf(config.locals, "locals");
  if (locals.length > 0) blocks.push(block("locals", locals.map(([name, v]) => valueAttribute(identifier(name, "locals"), v, "template"))));
  for (const kind of ["data", "resource"]) {
    for (const [type, byName] of entriesOf(config[kind], kind)) {
      const schema = schemas.get(`${kind}.${type}`) ?? emptySchema();
      for (const [name, body] of entriesOf(byName, `${kind}.${type}`)) {
        const where = `${kind}.${type}.${name}`;
        blocks.push(block(`${kind} ${label(type)} ${label(name)}`, elementBody(asObject(body, where), schema, where)));
      }
    }
  }
  for (const [name, body] of entriesOf(config.output, "output")) blocks.push(outputBlock(name, asObject(body, `output.${name}`)));
  for (const item of asList(config.import ?? [])) blocks.push(importBlock(asObject(item, "import")));
  for (const item of asList(config.moved ?? [])) blocks.push(movedBlock(asObject(item, "moved")));

  return serializeBody(blocks.flatMap((b, i) => (i === 0 ? [b] : [GAP, b])), "").join("\n") + "\n";
}
