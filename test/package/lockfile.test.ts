// `npx trailwright` in a clone runs the bin that package-lock.json's root entry
// names, not package.json's: the two must agree, or the README's first command
// fails with "trailwright: not found" after `npm ci`.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8"));

describe("package-lock.json", () => {
  it("describes the package as package.json does: name, version, bin, engines", () => {
    const pkg = read("package.json");
    const lock = read("package-lock.json").packages[""];
    expect({ name: lock.name, version: lock.version, bin: lock.bin, engines: lock.engines }).toEqual({
      name: pkg.name,
      version: pkg.version,
      bin: pkg.bin,
      engines: pkg.engines,
    });
  });
});
