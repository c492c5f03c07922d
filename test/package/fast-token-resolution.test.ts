// The bundle's patch of cdktf's token resolver (scripts/bundle/fast-token-resolution.mjs):
// it still applies to the installed cdktf, and the patched resolver gives the
// same result as the original on the values it short-cuts and on tokens.
// (test/package/pack.test.ts checks the bundle writes the sources' bytes for every preset.)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Module } from "node:module";
import { describe, expect, it, onTestFinished } from "vitest";
import { patchEncoding, patchResolve } from "../../scripts/bundle/fast-token-resolution.mjs";

const require = createRequire(import.meta.url);
const resolvePath = require.resolve("cdktf/lib/tokens/private/resolve.js");
const encodingPath = require.resolve("cdktf/lib/tokens/private/encoding.js");

/** A patched cdktf file, loaded as a module of its own beside the original (same folder, so its requires resolve alike). */
function loadPatched<T>(path: string, patch: (source: string) => string): T {
  const patched = new Module(path) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  patched.filename = path;
  patched.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  patched._compile(patch(readFileSync(path, "utf8")), path.replace(/\.js$/, ".patched.js"));
  return patched.exports as T;
}

describe("fast token resolution", () => {
  it("applies to the installed cdktf: every edit finds its text", () => {
    const original = readFileSync(resolvePath, "utf8");
    const patched = patchResolve(original);
    expect(patched).not.toBe(original);
    expect(patched.match(/__twPlain\(/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a resolve.js it does not recognise, instead of leaving it unpatched", () => {
    expect(() => patchResolve("module.exports = {};")).toThrow(/cdktf's resolve\.js changed/);
  });

  it("resolves plain values, nested structures and tokens exactly as the original", async () => {
    const cdktf = await import("cdktf");
    const original = require("cdktf/lib/tokens/private/resolve.js") as { resolve: (obj: unknown, options: unknown) => unknown };
    const patched = loadPatched<{ resolve: (obj: unknown, options: unknown) => unknown }>(resolvePath, patchResolve);
    const outdir = mkdtempSync(join(tmpdir(), "tw-resolve-"));
    onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
    const app = new cdktf.App({ stackTraces: false, outdir });
    const stack = new cdktf.TerraformStack(app, "s");
    const token = cdktf.Token.asString(cdktf.Lazy.stringValue({ produce: () => "resolved" }));
    const numberToken = cdktf.Token.asNumber(cdktf.Lazy.numberValue({ produce: () => 42 }));
    const value = {
      plain: "text with ${braces} and 1e5 and -e-",
      flag: true,
      nothing: null,
      gone: undefined,
      list: ["a", false, null, undefined, token, `prefix-${token}`, numberToken, 7],
      nested: { [`key`]: { deeper: [{ x: "y" }], count: numberToken } },
    };
    const options = () => ({ scope: stack, prefix: [], resolver: new cdktf.DefaultTokenResolver(new cdktf.StringConcat()), preparing: false });
    expect(patched.resolve(value, options())).toEqual(original.resolve(value, options()));
    expect(patched.resolve(value, options())).toMatchObject({ list: ["a", false, null, "resolved", "prefix-resolved", 42, 7], nested: { key: { count: 42 } } });
    expect(() => patched.resolve("String Map Token Value", options())).toThrow();
  });

  it("tests object keys for map tokens exactly as the original, passing over keys without the marker", () => {
    const original = require(encodingPath) as { containsMapToken(xs: object): boolean; BEGIN_MAP_TOKEN_MARKER: string };
    const patched = loadPatched<typeof original>(encodingPath, patchEncoding);
    const marker = original.BEGIN_MAP_TOKEN_MARKER;
    const objects = [{}, { a: 1, "b c": 2 }, { [`${marker}TOKEN.12]}`]: 1 }, { [`x-${marker}TOKEN.3]}-y`]: 1 }, { [`${marker}not a token`]: 1 }, { "&{TfToken": 1, "{TfToken[": 2 }];
    expect(objects.map((o) => patched.containsMapToken(o))).toEqual(objects.map((o) => original.containsMapToken(o)));
    expect(objects.map((o) => patched.containsMapToken(o))).toEqual([false, false, true, true, false, false]);
    expect(() => patchEncoding("module.exports = {};")).toThrow(/cdktf's encoding\.js changed/);
  });
});
