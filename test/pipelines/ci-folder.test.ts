import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { checkCiPath, repoRelativeOutDir } from "../../src/pipelines/ci-folder.js";

const repoAt = (root: string) => (dir: string) => dir === root;

describe("repoRelativeOutDir", () => {
  it("names the output folder from the repository root, wherever trailwright runs", () => {
    expect(repoRelativeOutDir("/repo", "infra/audit", repoAt("/repo"))).toBe("infra/audit");
    expect(repoRelativeOutDir("/repo/infra", "audit", repoAt("/repo"))).toBe("infra/audit");
    expect(repoRelativeOutDir("/elsewhere", "/repo/infra/audit", repoAt("/repo"))).toBe("infra/audit");
    expect(repoRelativeOutDir("/repo", ".", repoAt("/repo"))).toBe(".");
  });

  it("falls back to the working directory outside a repository", () => {
    expect(repoRelativeOutDir("/work", "out/estate", () => false)).toBe("out/estate");
    expect(repoRelativeOutDir("/work/a", "../b", () => false)).toBe("../b");
  });
});

describe("checkCiPath", () => {
  it("accepts plain folder paths and the root", () => {
    for (const path of [".", "audit-logging", "infra/audit_logging.v2", ".infra/x"]) expect(checkCiPath(path)).toBe(path);
  });

  it("refuses folders outside the repository, and names YAML or shell would need quoting for", () => {
    expect(() => checkCiPath("../b")).toThrow(/outside the repository/);
    for (const path of ["with space", "a/../b", "a//b", "a/", "x;rm", 'q"uote', "-flag", "a/./b"]) {
      expect(() => checkCiPath(path), path).toThrow(UsageError);
    }
  });
});
