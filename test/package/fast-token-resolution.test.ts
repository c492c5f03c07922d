// The bundle's patch of cdktf's token resolver (scripts/bundle/fast-token-resolution.mjs):
// it still applies to the installed cdktf, and the patched resolver gives the
// same result as the original on the values it short-cuts and on tokens.
// (test/package/pack.test.ts checks the bundle writes the sources' bytes for every preset.)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Module } from "node:module";
import { describe, expect, it } from "vitest";
import { patchResolve } from "../../scripts/bundle/fast-token-resolution.mjs";

const require = createRequire(import.meta.url);
const resolvePath = require.resolve("cdktf/lib/tokens/private/resolve.js");

/** The patched resolve.js, loaded as a module of its own beside the original (same folder, so its requires resolve alike). */
function loadPatched(): { resolve: (obj: unknown, options: unknown) => unknown } {
  const patched = new Module(resolvePath) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  patched.filename = resolvePath;
  patched.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(resolvePath));
  patched._compile(patchResolve(readFileSync(resolvePath, "utf8")), join(dirname(resolvePath), "resolve.patched.js"));
  return patched.exports as { resolve: (obj: unknown, options: unknown) => unknown };
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
    const patched = loadPatched();
    const app = new cdktf.App({ stackTraces: false, outdir: join(require("node:os").tmpdir(), `tw-resolve-${process.pid}`) });
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
});
