// The JSON Schema of trailwright.json and `trailwright config keys` come from
// the zod schema: every key the config accepts is in both, and nothing else.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { configKeys } from "../../src/config/config-keys.js";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { KEY_DOCS } from "../../src/config/key-docs.js";
import { configSchema } from "../../src/config/schema.js";
import { schemaUrl } from "../../src/config/schema-url.js";
import { runCli, tempFolder } from "../hardening/cli-harness.js";

/** Every dotted key path the zod schema accepts (objects and their fields; a record's own keys are the user's). */
function zodPaths(): string[] {
  const paths: string[] = [];
  const unwrap = (node: z.ZodType): z.ZodType => {
    let current = node;
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    return current;
  };
  const walk = (object: z.ZodObject, prefix: string) => {
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      paths.push(path);
      const inner = unwrap(field);
      if (inner instanceof z.ZodObject) walk(inner, path);
    }
  };
  walk(configSchema, "");
  return paths.sort();
}

type Node = { properties?: Record<string, Node>; additionalProperties?: unknown; required?: string[] };

function jsonSchemaPaths(node: Node, prefix = ""): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [path, ...jsonSchemaPaths(child, path)];
  });
}

describe("the JSON Schema of trailwright.json", () => {
  const schema = configJsonSchema() as Node & Record<string, unknown>;

  it("has every key the config accepts, and no other", () => {
    expect(jsonSchemaPaths(schema).sort()).toEqual(zodPaths());
  });

  it("refuses unknown keys at every level, as the config does", () => {
    const objects: Node[] = [];
    const collect = (node: Node) => {
      if (node.properties) objects.push(node);
      for (const child of Object.values(node.properties ?? {})) collect(child);
    };
    collect(schema);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it("requires what the config requires", () => {
    expect([...(schema.required ?? [])].sort()).toEqual(
      Object.entries(configSchema.shape as Record<string, z.ZodType>)
        .filter(([, field]) => !(field instanceof z.ZodOptional))
        .map(([name]) => name)
        .sort(),
    );
  });

  it("describes every key, from key-docs.ts", () => {
    for (const path of jsonSchemaPaths(schema)) {
      let node: Node = schema;
      for (const part of path.split(".")) node = node.properties![part]!;
      expect((node as { description?: string }).description, path).toMatch(/\S/);
    }
  });

  it("is named by $id and by the $schema of every trailwright.json written", async () => {
    expect(schema.$id).toBe(schemaUrl());
    const cwd = tempFolder();
    const result = await runCli(["generate", "--preset", "uk-smb", "--set", "accounts.management=123456789012", "--set", "alerts.emails=a@example.com", "--out", "estate"], cwd);
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, "estate", "trailwright.json"), "utf8"));
    expect(written.$schema).toBe(schemaUrl());
    // And the written file reads back as answers (regenerating it changes nothing).
    const again = await runCli(["generate", "--out", "estate", "--check"], cwd);
    expect(again.code, again.err.join("\n")).toBe(0);
  });

  it("is what `trailwright config schema` prints", async () => {
    const result = await runCli(["config", "schema"], tempFolder());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n"))).toEqual(schema);
  });
});

describe("trailwright config keys", () => {
  it("lists every key the config accepts, each with a type and a meaning; optional keys with their default", () => {
    const keys = configKeys();
    expect(keys.map((k) => k.path).sort()).toEqual(zodPaths());
    for (const key of keys) {
      expect(key.type, key.path).toMatch(/\S/);
      expect(key.meaning, `${key.path} needs an entry in src/config/key-docs.ts`).toMatch(/\S/);
    }
    expect(keys.find((k) => k.path === "output.backend.bucket")).toMatchObject({ required: true, type: expect.stringMatching(/^string matching /) });
    expect(keys.find((k) => k.path === "kms.rotationDays")).toMatchObject({ required: false, type: "whole number 90-2560", default: "365" });
    expect(keys.find((k) => k.path === "output.format")).toMatchObject({ type: "one of hcl, json", default: "hcl" });
  });

  it("documents no key the config does not have", () => {
    const paths = new Set(zodPaths());
    expect(Object.keys(KEY_DOCS).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("prints the nested keys a user looks for, with --json for scripts", async () => {
    const human = await runCli(["config", "keys"], tempFolder());
    expect(human.code).toBe(0);
    expect(human.out).toContain("output.backend.bucket  (string matching ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$; required)");
    const json = await runCli(["config", "keys", "--json"], tempFolder());
    const document = JSON.parse(json.out.join("\n"));
    expect(document.keys.map((k: { path: string }) => k.path)).toContain("output.backend.region");
  });
});
