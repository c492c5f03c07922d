import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { packageVersion } from "../../src/config/package-root.js";
import { UsageError } from "../../src/model/errors.js";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { BACKEND, singleAccountPlan, withOutput } from "./plan-with-output.js";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  defaults?: { run: { "working-directory": string } };
  steps: Step[];
}
interface Workflow {
  on: { pull_request: { paths: string[] }; push: { branches: string[]; paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const OUT = "infra/audit-logging";

function workflow(output: Parameters<typeof withOutput>[0] = {}, outDir = OUT): { text: string; yaml: Workflow } {
  const files = renderPipelineFiles(withOutput({ pipelines: ["github"], backend: BACKEND, ...output }), { outDir });
  const file = files.find((f) => f.path === "ci/github-actions.yml");
  if (!file) throw new Error(`no workflow among ${files.map((f) => f.path).join(", ")}`);
  const doc = parseDocument(file.content, { strict: true, uniqueKeys: true });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  return { text: file.content, yaml: doc.toJS() as Workflow };
}

const runs = (job: Job | undefined) => (job?.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));
const uses = (job: Job | undefined, action: string) => job?.steps.find((s) => s.uses?.startsWith(`${action}@`));

describe("GitHub Actions workflow", () => {
  it("parses as YAML and runs the drift check for the output folder with this trailwright version", () => {
    const { yaml } = workflow();
    expect(runs(yaml.jobs["drift-check"])).toEqual([
      `npx --yes trailwright@${packageVersion()} generate --out ${OUT} --check`,
      `diff -u "${OUT}/ci/github-actions.yml" ".github/workflows/trailwright-infra-audit-logging.yml"`,
    ]);
    // trailwright formats HCL with terraform, so the drift check needs it, without the stdout wrapper.
    expect(uses(yaml.jobs["drift-check"], "hashicorp/setup-terraform")?.with).toMatchObject({ terraform_wrapper: false });
  });

  it("triggers on changes to the output folder and to its copy in .github/workflows", () => {
    const { yaml } = workflow();
    const paths = [`${OUT}/**`, ".github/workflows/trailwright-infra-audit-logging.yml"];
    expect(yaml.on.pull_request.paths).toEqual(paths);
    expect(yaml.on.push).toEqual({ branches: ["main"], paths });
  });

  it("checks formatting and validates in the output folder", () => {
    const { yaml } = workflow();
    const validate = yaml.jobs.validate!;
    expect(validate.defaults?.run["working-directory"]).toBe(OUT);
    expect(runs(validate)).toEqual(["terraform fmt -check -diff", "terraform init -backend=false", "terraform validate"]);
  });

  it("plans with a role assumed through OIDC, never with stored keys", () => {
    const { yaml, text } = workflow();
    const plan = yaml.jobs.plan!;
    expect(plan.needs).toEqual(["drift-check", "validate"]);
    expect(plan.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(uses(plan, "aws-actions/configure-aws-credentials")?.with).toMatchObject({
      "role-to-assume": "${{ vars.TRAILWRIGHT_PLAN_ROLE_ARN }}",
      "aws-region": "eu-west-2",
    });
    expect(runs(plan)).toEqual(["terraform init", "terraform plan -out=tfplan"]);
    expect(uses(plan, "actions/upload-artifact")?.with).toMatchObject({ path: `${OUT}/tfplan\n${OUT}/.terraform.lock.hcl\n`, "include-hidden-files": true });
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET/i);
    expect(yaml.permissions).toEqual({ contents: "read" });
  });

  it("applies the saved plan only on the default branch, behind an environment's approval", () => {
    const { yaml } = workflow();
    const apply = yaml.jobs.apply!;
    expect(apply.needs).toEqual(["plan"]);
    expect(apply.if).toBe("github.event_name == 'push' && github.ref_name == github.event.repository.default_branch");
    expect(apply.environment).toBe("trailwright-infra-audit-logging");
    expect(uses(apply, "actions/download-artifact")?.with).toMatchObject({ path: OUT });
    expect(uses(apply, "aws-actions/configure-aws-credentials")?.with).toMatchObject({ "role-to-assume": "${{ vars.TRAILWRIGHT_APPLY_ROLE_ARN }}" });
    expect(runs(apply)).toEqual(["terraform init", "terraform apply tfplan"]);
  });

  it("every job it needs exists", () => {
    const { yaml } = workflow();
    for (const job of Object.values(yaml.jobs)) for (const need of job.needs ?? []) expect(Object.keys(yaml.jobs)).toContain(need);
  });

  it("for a child module, only checks drift and formatting (validate cannot run without the caller's providers)", () => {
    const { yaml } = workflow({ mode: "module", backend: undefined });
    expect(Object.keys(yaml.jobs)).toEqual(["drift-check", "validate"]);
    expect(runs(yaml.jobs.validate)).toEqual(["terraform fmt -check -diff"]);
  });

  it("skips terraform fmt for JSON output (fmt ignores .tf.json)", () => {
    expect(runs(workflow({ format: "json" }).yaml.jobs.validate)).toEqual(["terraform init -backend=false", "terraform validate"]);
    expect(Object.keys(workflow({ format: "json", mode: "module", backend: undefined }).yaml.jobs)).toEqual(["drift-check"]);
  });

  it("names the repository root and the estate when the output folder is the root", () => {
    const files = renderPipelineFiles(withOutput({ pipelines: ["github"] }, singleAccountPlan), { outDir: "." });
    const yaml = parseDocument(files.find((f) => f.path === "ci/github-actions.yml")!.content).toJS() as Workflow;
    expect(yaml.on.pull_request.paths).toEqual(["**", ".github/workflows/trailwright-smb-audit.yml"]);
    expect(runs(yaml.jobs["drift-check"])[0]).toMatch(/generate --out \. --check$/);
  });

  it("refuses an output folder that YAML and shell would need quoting for, or one outside the repository", () => {
    for (const outDir of ["infra/audit logging", "../elsewhere", "/abs/path", "infra/$(id)", "-x"]) {
      expect(() => renderPipelineFiles(withOutput({ pipelines: ["github"] }), { outDir })).toThrow(UsageError);
    }
  });

  it("is the same text every time", () => {
    expect(workflow().text).toBe(workflow().text);
  });
});
