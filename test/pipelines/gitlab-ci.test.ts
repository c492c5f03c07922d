import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { packageVersion } from "../../src/config/package-root.js";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { BACKEND, singleAccountPlan, withOutput } from "./plan-with-output.js";
import { expectShellParses } from "./shell-syntax.js";

interface GitLabJob {
  extends?: string | string[];
  stage?: string;
  needs?: Array<string | { job: string; artifacts: boolean }>;
  script?: string[];
  before_script?: string[];
  variables?: Record<string, string>;
  id_tokens?: Record<string, { aud: string }>;
  rules?: Array<{ if: string; changes: string[]; when?: string }>;
  environment?: { name: string };
  artifacts?: { paths: string[]; reports?: Record<string, string>; expire_in?: string };
  image?: { name: string; entrypoint: string[] };
}

const OUT = "infra/audit-logging";
const PREFIX = "trailwright-infra-audit-logging";

function pipeline(output: Parameters<typeof withOutput>[0] = {}, base?: Parameters<typeof withOutput>[1]): Record<string, GitLabJob> {
  const files = renderPipelineFiles(withOutput({ pipelines: ["gitlab"], backend: BACKEND, ...output }, base), { outDir: OUT });
  const file = files.find((f) => f.path === "ci/gitlab-ci.yml")!;
  const doc = parseDocument(file.content, { strict: true, uniqueKeys: true });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  return doc.toJS() as Record<string, GitLabJob>;
}

/** A job with its `extends` applied the way GitLab merges them (hashes deep, arrays replaced). */
function resolved(jobs: Record<string, GitLabJob>, name: string): GitLabJob {
  const job = jobs[name];
  if (!job) throw new Error(`no job ${name}`);
  const parents = job.extends === undefined ? [] : Array.isArray(job.extends) ? job.extends : [job.extends];
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const prev = out[k];
      out[k] = prev && v && typeof prev === "object" && typeof v === "object" && !Array.isArray(prev) && !Array.isArray(v) ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
    }
    return out;
  };
  const base = parents.reduce<Record<string, unknown>>((acc, parent) => merge(acc, resolved(jobs, parent) as Record<string, unknown>), {});
  const { extends: _extends, ...own } = job;
  return merge(base, own) as GitLabJob;
}

describe("GitLab CI file", () => {
  it("parses as YAML; every job it extends or needs exists", () => {
    const jobs = pipeline();
    for (const job of Object.values(jobs)) {
      for (const parent of job.extends === undefined ? [] : [job.extends].flat()) expect(Object.keys(jobs)).toContain(parent);
      for (const need of job.needs ?? []) expect(Object.keys(jobs)).toContain(typeof need === "string" ? need : need.job);
    }
    expect(Object.keys(jobs).filter((name) => !name.startsWith("."))).toEqual([`${PREFIX}-drift-check`, `${PREFIX}-validate`, `${PREFIX}-plan`, `${PREFIX}-apply`]);
  });

  it("runs the drift check from the repository root, with Node added to the terraform image", () => {
    const check = resolved(pipeline(), `${PREFIX}-drift-check`);
    expect(check.image).toEqual({ name: "hashicorp/terraform:1.11.4", entrypoint: [""] });
    expect(check.script).toEqual(["apk add --no-cache nodejs npm", `npx --yes "\${TRAILWRIGHT_PACKAGE:-trailwright@${packageVersion()}}" generate --out ${OUT} --check`]);
    expect(check.rules?.map((r) => r.changes)).toEqual([[`${OUT}/**`], [`${OUT}/**`]]);
  });

  it("checks formatting and validates in the output folder", () => {
    expect(resolved(pipeline(), `${PREFIX}-validate`).script).toEqual([`cd "${OUT}"`, "terraform fmt -check -diff", "terraform init -backend=false", "terraform validate"]);
  });

  it("plans with an OIDC ID token exchanged for the plan role, never with stored keys", () => {
    const plan = resolved(pipeline(), `${PREFIX}-plan`);
    expect(plan.id_tokens).toEqual({ AWS_ID_TOKEN: { aud: "sts.amazonaws.com" } });
    expect(plan.variables).toMatchObject({ AWS_ROLE_ARN: "arn:aws:iam::111111111111:role/trailwright-plan", AWS_REGION: "eu-west-2" });
    expect(plan.before_script).toEqual([
      `printf '%s' "$AWS_ID_TOKEN" > /tmp/aws-web-identity-token`,
      "export AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/aws-web-identity-token",
      'export AWS_ROLE_SESSION_NAME="trailwright-$CI_JOB_ID"',
      `cd "${OUT}"`,
    ]);
    expect(plan.script?.slice(0, 2)).toEqual(["terraform init", "terraform plan -out=tfplan"]);
    expect(plan.artifacts?.paths).toEqual([`${OUT}/tfplan`, `${OUT}/.terraform.lock.hcl`]);
    expect(JSON.stringify(pipeline())).not.toMatch(/AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/);
  });

  it("applies the saved plan only on the default branch, when started by hand", () => {
    const apply = resolved(pipeline(), `${PREFIX}-apply`);
    expect(apply.stage).toBe("deploy");
    expect(apply.rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", changes: [`${OUT}/**`], when: "manual" }]);
    expect(apply.needs).toEqual([{ job: `${PREFIX}-plan`, artifacts: true }]);
    expect(apply.variables).toMatchObject({ AWS_ROLE_ARN: "arn:aws:iam::111111111111:role/trailwright-apply" });
    expect(apply.environment).toEqual({ name: PREFIX });
    expect(apply.script).toEqual(["terraform init", "terraform apply tfplan"]);
  });

  it("for a child module, only checks drift and formatting", () => {
    const jobs = pipeline({ mode: "module", backend: undefined });
    expect(Object.keys(jobs).filter((name) => !name.startsWith("."))).toEqual([`${PREFIX}-drift-check`, `${PREFIX}-validate`]);
    expect(resolved(jobs, `${PREFIX}-validate`).script).toEqual([`cd "${OUT}"`, "terraform fmt -check -diff"]);
  });

  it("puts the plan's counts in the merge request: GitLab's Terraform report, built from terraform show -json", () => {
    const plan = resolved(pipeline(), `${PREFIX}-plan`);
    expect(plan.script).toEqual([
      "terraform init",
      "terraform plan -out=tfplan",
      "terraform show -json tfplan > tfplan.json",
      "apk add --no-cache jq",
      "sh ci/plan-summary.sh gitlab tfplan.json > plan-report.json",
      `sh ci/plan-summary.sh markdown tfplan.json "${OUT}"`,
    ]);
    // The report path is from the project root; the script ran in the output folder.
    expect(plan.artifacts?.reports).toEqual({ terraform: `${OUT}/plan-report.json` });
    const files = renderPipelineFiles(withOutput({ pipelines: ["gitlab"], backend: BACKEND }), { outDir: OUT }).map((f) => f.path);
    expect(files).toContain("ci/plan-summary.sh");
  });

  it("plans as the read-only role in the member accounts too, and sets the deploying role again for apply", () => {
    const jobs = pipeline();
    expect(resolved(jobs, `${PREFIX}-plan`).variables).toMatchObject({ TF_VAR_member_role_name: "trailwright-plan" });
    expect(resolved(jobs, `${PREFIX}-apply`).variables).toMatchObject({ TF_VAR_member_role_name: "trailwright-deploy" });
    const single = pipeline({}, singleAccountPlan);
    expect(JSON.stringify(single)).not.toContain("TF_VAR_member_role_name");
  });

  it("takes the CI role names from the answers", () => {
    const jobs = pipeline({ planRoleName: "audit-ci-read", applyRoleName: "audit-ci-deploy" });
    expect(resolved(jobs, `${PREFIX}-plan`).variables).toMatchObject({ AWS_ROLE_ARN: "arn:aws:iam::111111111111:role/audit-ci-read", TF_VAR_member_role_name: "audit-ci-read" });
    expect(resolved(jobs, `${PREFIX}-apply`).variables).toMatchObject({ AWS_ROLE_ARN: "arn:aws:iam::111111111111:role/audit-ci-deploy" });
  });

  it("every script line parses as POSIX shell", () => {
    const jobs = pipeline();
    for (const [name, job] of Object.entries(jobs)) {
      for (const line of [...(job.before_script ?? []), ...(job.script ?? [])]) expectShellParses(line, name);
    }
  });
});
