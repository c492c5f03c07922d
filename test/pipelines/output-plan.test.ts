// The output section of the resolved plan, which the pipeline and backend files read.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/model/errors.js";
import { presetPlan } from "../helpers/preset-answers.js";

describe("resolved output plan", () => {
  it("defaults to a root module in HCL with no pipelines and no backend", () => {
    expect(presetPlan("uk-smb").output).toEqual({ format: "hcl", mode: "root", callerDir: ".", planRoleName: "trailwright-plan", applyRoleName: "trailwright-apply", pipelines: [], backend: undefined });
  });

  it("carries pipelines (deduplicated, sorted) and the backend", () => {
    const plan = presetPlan("uk-smb", [
      "output.pipelines=gitlab,github,gitlab",
      "output.backend.bucket=acme-tf-state",
      "output.backend.key=audit/terraform.tfstate",
      "output.backend.region=eu-west-2",
    ]);
    expect(plan.output.pipelines).toEqual(["github", "gitlab"]);
    expect(plan.output.backend).toEqual({ bucket: "acme-tf-state", key: "audit/terraform.tfstate", region: "eu-west-2" });
  });

  it("refuses a backend for a child module, naming the field", () => {
    const sets = ["output.mode=module", "output.backend.bucket=acme-tf-state", "output.backend.key=k", "output.backend.region=eu-west-2"];
    expect(() => presetPlan("uk-smb", sets)).toThrow(ConfigError);
    try {
      presetPlan("uk-smb", sets);
    } catch (error) {
      expect((error as ConfigError).field).toBe("output.backend");
    }
  });
});
