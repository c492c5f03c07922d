/**
 * Which keys of a resource, data source or provider body are nested blocks.
 *
 * Terraform's JSON syntax writes a nested block and an object-valued argument
 * the same way (`"x": {…}` or `"x": [{…}]`) and lets the provider schema tell
 * them apart; HCL spells them differently (`x {…}` versus `x = {…}`). The
 * generated provider bindings record the difference in the fragments their
 * `toHclTerraform()` returns (`isBlock` / `is_block`), so the schema is read
 * from there. It is merged per element type: block-ness belongs to the
 * provider's schema, so one instance that sets a block teaches it for all.
 *
 * Building those fragments for every element took 10 to 20 ms of a uk-bank
 * generation, and most instances have nothing new to teach: an instance is asked only when its resolved JSON has
 * an object-valued path (the only place a block can be) that no instance of
 * its type has shown before. Asking every instance gives the same schema
 * (test/synth/block-schema.test.ts holds the two equal for every estate).
 */
import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";

export interface BlockSchema {
  readonly blocks: Map<string, BlockSchema>;
}

/** Schemas keyed by `resource.<type>`, `data.<type>` and `provider.<name>`. */
export type SchemaIndex = Map<string, BlockSchema>;

export function emptySchema(): BlockSchema {
  return { blocks: new Map() };
}

/**
 * `resolved` is the stack's resolved JSON (stack.toTerraform()); an element
 * whose body is not found there is always asked, so `{}` asks every one.
 */
export function collectBlockSchemas(stack: TerraformStack, resolved: unknown): SchemaIndex {
  const index: SchemaIndex = new Map();
  const shown = new Map<string, Set<string>>(); // per element type: object-valued paths an asked instance had
  for (const element of elementsOf(stack)) {
    const place = placeOf(element);
    const body = place && (resolved as Record<string, Record<string, Record<string, unknown>> | undefined>)[place.kind]?.[place.type]?.[place.name];
    if (place && isRecord(body)) {
      const key = `${place.kind}.${place.type}`;
      const seen = shown.get(key) ?? shown.set(key, new Set()).get(key)!;
      const paths = objectPaths(body);
      if (paths.every((path) => seen.has(path))) continue;
      for (const path of paths) seen.add(path);
    }
    // Unresolved on purpose: the isBlock markers are plain data the bindings write
    // themselves, so resolving every token (a sixth of a generation's CPU) adds
    // none. Only the keys and markers are read; values never are.
    const fragment = element.toHclTerraform() as Record<string, unknown> | undefined;
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of entries(fragment?.[kind])) {
        for (const [, body] of entries(byName)) learn(schemaFor(index, `${kind}.${type}`), body);
      }
    }
    for (const [name, instances] of entries(fragment?.provider)) {
      for (const body of Array.isArray(instances) ? instances : [instances]) learn(schemaFor(index, `provider.${name}`), body);
    }
  }
  return index;
}

/** Where a resource or data source sits in the resolved JSON; providers and the rest are always asked. */
function placeOf(element: TerraformElement): { kind: "resource" | "data"; type: string; name: string } | undefined {
  if (TerraformResource.isTerraformResource(element)) return { kind: "resource", type: element.terraformResourceType, name: element.friendlyUniqueId };
  if (TerraformDataSource.isTerraformDataSource(element)) return { kind: "data", type: element.terraformResourceType, name: element.friendlyUniqueId };
  return undefined;
}

/** Every key path whose value is an object or holds objects in a list, arrays crossed without an index. */
function objectPaths(body: Record<string, unknown>, prefix = "", into: string[] = []): string[] {
  for (const [key, value] of Object.entries(body)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (!isRecord(item)) continue;
      const path = `${prefix}${key}`;
      into.push(path);
      objectPaths(item, `${path}.`, into);
    }
  }
  return into;
}

/** Same traversal as cdktf's own synthesis: every element, not crossing into nested stacks. */
function elementsOf(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) {
    if (!TerraformStack.isStack(child)) elementsOf(child, into);
  }
  return into;
}

function learn(schema: BlockSchema, body: unknown): void {
  for (const [key, attr] of entries(body)) {
    if (!isRecord(attr) || !(attr.isBlock === true || attr.is_block === true)) continue;
    const child = schemaFor(schema.blocks, key);
    // A single nested block has an object value, a repeated one an array. A
    // dynamic block carries no wrappers inside its content, so nothing more is learnt.
    const values: unknown[] = Array.isArray(attr.value) ? attr.value : [attr.value];
    for (const value of values) learn(child, value);
  }
}

function schemaFor(map: Map<string, BlockSchema>, key: string): BlockSchema {
  let schema = map.get(key);
  if (!schema) map.set(key, (schema = emptySchema()));
  return schema;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: unknown): [string, any][] {
  return isRecord(value) ? Object.entries(value) : [];
}
