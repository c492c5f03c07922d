// DuckDB is not shipped: where it is missing, query says the one command that
// installs it for the way trailwright itself was installed.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { duckdbVersion, installCommand, loadDuckDb } from "../../src/query/local/load-duckdb.js";

describe("loading DuckDB", () => {
  it("is pinned by the devDependency the tests run against", () => {
    expect(duckdbVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("names the install command when the package is missing, as a usage error (exit 2)", async () => {
    const missing = Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: "ERR_MODULE_NOT_FOUND" });
    const error = await loadDuckDb(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(/^trailwright query runs on DuckDB \(@duckdb\/node-api\), which is not installed/);
    // From this source checkout, it is a devDependency.
    expect((error as UsageError).hint).toBe("install it with: npm install");
  });

  it("passes any other failure through: a broken native binding is not a missing package", async () => {
    const broken = new Error("libduckdb.so: cannot open shared object file");
    await expect(loadDuckDb(() => Promise.reject(broken))).rejects.toBe(broken);
  });

  it("tells an npx user to run npx with both packages, and an installed one to install beside it", () => {
    const npx = join("/home/u/.npm/_npx/0a1b2c3d", "node_modules", "trailwright");
    expect(installCommand(npx, "1.5.6-r.1", "0.1.0")).toBe("npx -p trailwright@0.1.0 -p @duckdb/node-api@1.5.6-r.1 trailwright query ...");
    const project = join("/work/app", "node_modules", "trailwright");
    expect(installCommand(project, "1.5.6-r.1", "0.1.0")).toBe('npm install --prefix "/work/app" @duckdb/node-api@1.5.6-r.1');
    expect(installCommand("/work/trailwright", "1.5.6-r.1", "0.1.0")).toBe("npm install");
  });
});
