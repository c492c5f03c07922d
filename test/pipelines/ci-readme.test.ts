import { describe, expect, it } from "vitest";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { BACKEND, singleAccountPlan, withOutput } from "./plan-with-output.js";

const readme = (...args: Parameters<typeof withOutput>) =>
  renderPipelineFiles(withOutput(...args), { outDir: "infra/audit-logging" }).find((f) => f.path === "ci/README.md")!.content;

describe("ci/README.md", () => {
  it("tells the user to copy the GitHub workflow, and to include the GitLab file, with the exact paths", () => {
    const text = readme({ pipelines: ["github", "gitlab"], backend: BACKEND });
    expect(text).toContain("cp infra/audit-logging/ci/github-actions.yml .github/workflows/trailwright-infra-audit-logging.yml");
    expect(text).toContain('  - local: "infra/audit-logging/ci/gitlab-ci.yml"');
  });

  it("gives the OIDC trust conditions matching the jobs' environment and variables", () => {
    const text = readme({ pipelines: ["github", "gitlab"], backend: BACKEND });
    expect(text).toContain("`repo:OWNER/REPO:environment:trailwright-infra-audit-logging`");
    expect(text).toContain("`TRAILWRIGHT_PLAN_ROLE_ARN`");
    expect(text).toContain("`TRAILWRIGHT_APPLY_ROLE_ARN`");
    expect(text).toContain("In AWS account 111111111111");
    expect(text).toContain("- arn:aws:iam::222222222222:role/trailwright-deploy");
    expect(text).toContain("They trust only `arn:aws:iam::111111111111:role/TerraformDeployer`");
  });

  it("describes the state backend and its lock file, or warns when there is none", () => {
    expect(readme({ pipelines: ["github"], backend: BACKEND })).toContain("`audit/terraform.tfstate.tflock`");
    expect(readme({ pipelines: ["github"], backend: undefined })).toContain("**No backend is configured**");
  });

  it("covers only the pipelines asked for, and has no account section for a single account", () => {
    const text = readme({ pipelines: ["gitlab"], backend: BACKEND }, singleAccountPlan);
    expect(text).toContain("## GitLab CI");
    expect(text).not.toContain("## GitHub Actions");
    expect(text).not.toContain("## Accounts");
  });

  it("for a child module, says that plan and apply belong to the calling root module", () => {
    const text = readme({ pipelines: ["github"], mode: "module", backend: undefined });
    expect(text).toContain("child module");
    expect(text).not.toContain("## State");
    expect(text).not.toContain("TRAILWRIGHT_PLAN_ROLE_ARN");
  });
});
