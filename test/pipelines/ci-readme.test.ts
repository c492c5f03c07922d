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

  it("gives the OIDC trust conditions matching the jobs' environment, and the two roles the pipelines name", () => {
    const text = readme({ pipelines: ["github", "gitlab"], backend: BACKEND });
    expect(text).toContain("`repo:OWNER/REPO:environment:trailwright-infra-audit-logging`");
    expect(text).toMatch(/^ *\| plan \| `arn:aws:iam::111111111111:role\/trailwright-plan` \| read only: the `ReadOnlyAccess` managed policy/m);
    expect(text).toMatch(/^ *\| apply \| `arn:aws:iam::111111111111:role\/trailwright-apply` \| create and change the estate/m);
    expect(text).toContain("In AWS account 111111111111");
    expect(text).toContain("trusts only\n`arn:aws:iam::111111111111:role/TerraformDeployer`");
  });

  it("names the role each job assumes in the member accounts, and why apply sets it again", () => {
    const text = readme({ pipelines: ["github"], backend: BACKEND });
    expect(text).toContain("Terraform reaches the member accounts (222222222222, 333333333333)");
    expect(text).toContain("| plan | `trailwright-plan`: read only (`ReadOnlyAccess`) | `arn:aws:iam::111111111111:role/trailwright-plan` |");
    expect(text).toContain("| apply | `trailwright-deploy`: deploys the estate | `arn:aws:iam::111111111111:role/trailwright-apply` |");
    expect(text).toContain("the saved\nplan does not keep the plan job's read-only role");
  });

  it("says where reviewers see the plan, on each platform", () => {
    const text = readme({ pipelines: ["github", "gitlab"], backend: BACKEND });
    expect(text).toContain("## Where reviewers see the plan");
    expect(text).toContain("posts it as one\n  comment that each new push updates in place");
    expect(text).toContain("(`artifacts:reports:terraform`)");
  });

  it("says how to run the drift check where the npm registry is unreachable: a vendored tarball of the same version", () => {
    const text = readme({ pipelines: ["github"], backend: BACKEND });
    expect(text).toContain("## No registry");
    expect(text).toMatch(/`npm pack trailwright@\d+\.\d+\.\d+`/);
    expect(text).toMatch(/set\n\s*`TRAILWRIGHT_PACKAGE` to `\.\/tools\/trailwright-\d+\.\d+\.\d+\.tgz`/);
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
    expect(text).not.toContain("trailwright-plan");
    expect(text).toContain("The calling root module plans and applies this module");
  });
});
