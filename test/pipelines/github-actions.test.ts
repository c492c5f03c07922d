import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { packageVersion } from "../../src/config/package-root.js";
import { UsageError } from "../../src/model/errors.js";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../src/config/package-root.js";
import { PINNED_ACTIONS } from "../../src/pipelines/pinned-actions.js";
import { BACKEND, organizationPlan, singleAccountPlan, withOutput } from "./plan-with-output.js";
import { actionlint } from "./actionlint.js";
import { expectShellParses } from "./shell-syntax.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  defaults?: { run: { "working-directory": string } };
  steps: Step[];
}
interface Workflow {
  on: { pull_request: { paths: string[] }; push: { branches: string[]; paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const OUT = "infra/audit-logging";

function workflow(output: Parameters<typeof withOutput>[0] = {}, outDir = OUT, base?: Parameters<typeof withOutput>[1]): { text: string; yaml: Workflow } {
  const files = renderPipelineFiles(withOutput({ pipelines: ["github"], backend: BACKEND, ...output }, base), { outDir });
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
      `npx --yes "\${TRAILWRIGHT_PACKAGE:-trailwright@${packageVersion()}}" generate --out ${OUT} --check`,
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
    expect(plan.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
    expect(uses(plan, "aws-actions/configure-aws-credentials")?.with).toMatchObject({
      "role-to-assume": "arn:aws:iam::111111111111:role/trailwright-plan",
      "aws-region": "eu-west-2",
      "allowed-account-ids": "111111111111",
    });
    expect(runs(plan).slice(0, 2)).toEqual(["terraform init", "terraform plan -out=tfplan"]);
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
    expect(uses(apply, "aws-actions/configure-aws-credentials")?.with).toMatchObject({ "role-to-assume": "arn:aws:iam::111111111111:role/trailwright-apply" });
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

interface ActionSpec {
  version: string;
  sha: string;
  inputs: string[];
  required: string[];
}
const ACTION_INPUTS = JSON.parse(readFileSync(join(packageRoot(), "test", "fixtures", "github-action-inputs.json"), "utf8")).actions as Record<string, ActionSpec>;

/** Every way the workflow can come out: topology, format, mode, output folder. */
const VARIANTS: Array<[string, () => { text: string; yaml: Workflow }]> = [
  ["organization, HCL, root", () => workflow()],
  ["organization, JSON, root", () => workflow({ format: "json" })],
  ["organization, module", () => workflow({ mode: "module", backend: undefined })],
  ["organization, JSON module", () => workflow({ format: "json", mode: "module", backend: undefined })],
  ["single account, root, repository root", () => workflow({}, ".", singleAccountPlan)],
];

describe("GitHub Actions workflow: pins and lint", () => {
  it.each(VARIANTS)("%s: actionlint finds nothing (syntax, expressions, job graph, known action inputs)", async (_, make) => {
    const { text } = make();
    const problems = await actionlint(text);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it("actionlint is a real check here: it flags a broken workflow (control)", async () => {
    const broken = workflow().text.replace("needs: [plan]", "needs: [planning]").replace("github.run_id", "github.run_idd");
    const kinds = (await actionlint(broken)).map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(["job-needs", "expression"]));
  });

  it.each(VARIANTS)("%s: every third-party action is pinned by a full commit SHA, with its version in a comment", (_, make) => {
    const { text, yaml } = make();
    const usesLines = text.split("\n").filter((line) => /^\s*- uses: /.test(line));
    expect(usesLines.length).toBeGreaterThan(0);
    for (const line of usesLines) {
      const m = /^\s*- uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
      expect(m, line).not.toBeNull();
      const pin = Object.values(PINNED_ACTIONS).find((p) => p.repository === m![1]);
      expect(pin, line).toBeDefined();
      expect([m![2], m![3]]).toEqual([pin!.sha, pin!.version]);
    }
    for (const job of Object.values(yaml.jobs)) for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it.each(VARIANTS)("%s: each step gives only inputs its pinned action declares, and every required one", (_, make) => {
    for (const [jobName, job] of Object.entries(make().yaml.jobs)) {
      for (const step of job.steps.filter((s) => s.uses)) {
        const [repository, sha] = step.uses!.split("@") as [string, string];
        const spec = ACTION_INPUTS[repository];
        expect(spec, `${jobName}: ${repository} has no entry in test/fixtures/github-action-inputs.json`).toBeDefined();
        // The fixture was read from the action.yml at this very commit.
        expect(spec!.sha, `${repository}: refresh the fixture for the new pin`).toBe(sha);
        for (const input of Object.keys(step.with ?? {})) expect(spec!.inputs, `${jobName}: ${repository} input ${input}`).toContain(input);
        for (const input of spec!.required) expect(Object.keys(step.with ?? {}), `${jobName}: ${repository} needs ${input}`).toContain(input);
      }
    }
  });

  it("the pins are the release commits recorded in the fixture, for every action the workflow may use", () => {
    for (const pin of Object.values(PINNED_ACTIONS)) {
      expect(ACTION_INPUTS[pin.repository], pin.repository).toMatchObject({ sha: pin.sha, version: pin.version });
    }
  });

  it.each(VARIANTS)("%s: every run script parses as bash (the runner's default shell)", (_, make) => {
    for (const [jobName, job] of Object.entries(make().yaml.jobs)) {
      for (const step of job.steps) if (step.run) expectShellParses(step.run, `${jobName}: ${step.name ?? step.run}`, "bash");
    }
  });

  it("the shell check is a real check (control)", () => {
    expect(() => expectShellParses('if [ -n "$x" ]; then\n  echo x\n', "control", "bash")).toThrow();
  });
});

describe("GitHub Actions workflow: the plan for reviewers", () => {
  const plan = () => workflow().yaml.jobs.plan!;

  it("summarises the saved plan from terraform show -json, into the run's summary page", () => {
    const step = plan().steps.find((s) => s.name === "Summarise the plan")!;
    expect(step.run!.split("\n").filter(Boolean)).toEqual([
      "terraform show -json tfplan > tfplan.json",
      `sh ci/plan-summary.sh markdown tfplan.json "${OUT}" > plan-summary.md`,
      'cat plan-summary.md >> "$GITHUB_STEP_SUMMARY"',
    ]);
    // show -json must print only JSON: no setup-terraform wrapper in this job.
    expect(uses(plan(), "hashicorp/setup-terraform")?.with).toMatchObject({ terraform_wrapper: false });
    const order = plan().steps.map((s) => s.name ?? s.uses);
    expect(order.indexOf("terraform plan")).toBeLessThan(order.indexOf("Summarise the plan"));
  });

  it("posts it on the pull request as one comment, found by its marker line and updated in place", () => {
    const step = plan().steps.find((s) => s.name === "Post the plan summary on the pull request")!;
    expect(step.if).toBe("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository");
    expect(step.env).toEqual({ GH_TOKEN: "${{ github.token }}", PR_NUMBER: "${{ github.event.pull_request.number }}" });
    expect(step.run).toContain("marker=$(head -n 1 plan-summary.md)");
    expect(step.run).toContain('select(.body | startswith(\\"$marker\\"))');
    expect(step.run).toMatch(/gh api --method PATCH "repos\/\$GITHUB_REPOSITORY\/issues\/comments\/\$existing" -F body=@plan-summary.md/);
    expect(step.run).toMatch(/gh api --method POST "\$comments" -F body=@plan-summary.md/);
    // The only job that may write to pull requests.
    for (const [name, job] of Object.entries(workflow().yaml.jobs)) if (name !== "plan") expect(job.permissions?.["pull-requests"], name).toBeUndefined();
  });

  it("plans as the read-only role in the member accounts too; apply sets the deploying role again (the variable is ephemeral)", () => {
    const { yaml } = workflow();
    expect(yaml.jobs.plan!.env).toEqual({ TF_VAR_member_role_name: "trailwright-plan" });
    expect(yaml.jobs.apply!.env).toEqual({ TF_VAR_member_role_name: organizationPlan.accounts.logArchive.assumeRoleArn!.split("/").pop() });
    const single = workflow({}, OUT, singleAccountPlan).yaml;
    expect(single.jobs.plan!.env).toBeUndefined();
    expect(single.jobs.apply!.env).toBeUndefined();
  });

  it("writes the summary script beside the workflow only for a root module (a child module does not plan)", () => {
    const paths = (output: Parameters<typeof withOutput>[0]) => renderPipelineFiles(withOutput({ pipelines: ["github"], ...output }), { outDir: OUT }).map((f) => f.path);
    expect(paths({ backend: BACKEND })).toContain("ci/plan-summary.sh");
    expect(paths({ mode: "module", backend: undefined })).not.toContain("ci/plan-summary.sh");
  });

  it("the drift check can run a vendored trailwright named by a repository variable", () => {
    const step = workflow().yaml.jobs["drift-check"]!.steps.find((s) => s.run?.includes("--check"))!;
    expect(step.env).toEqual({ TRAILWRIGHT_PACKAGE: "${{ vars.TRAILWRIGHT_PACKAGE }}" });
  });
});

