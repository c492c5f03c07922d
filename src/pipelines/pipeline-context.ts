// Everything the pipeline templates print, computed in one place from the plan,
// so the templates hold no logic beyond if/each and no default lives in two places.
import type { ResolvedPlan } from "../model/plan.js";
import { checkCiPath } from "./ci-folder.js";

/** Terraform used in CI: S3 lock files need >= 1.10; the tests here validate with 1.11.4. */
export const CI_TERRAFORM_VERSION = "1.11.4";
/** trailwright's own engines floor is Node 20. */
export const CI_NODE_VERSION = "20";
/** GitHub path filters need a literal branch; apply additionally checks it is the default branch. */
export const CI_DEFAULT_BRANCH = "main";
export const PLAN_ROLE_VARIABLE = "TRAILWRIGHT_PLAN_ROLE_ARN";
export const APPLY_ROLE_VARIABLE = "TRAILWRIGHT_APPLY_ROLE_ARN";

export const GITHUB_WORKFLOW_FILE = "ci/github-actions.yml";
export const GITLAB_CI_FILE = "ci/gitlab-ci.yml";
export const CI_README_FILE = "ci/README.md";

export interface PipelineContext {
  readonly version: string;
  /** The output folder inside the repository, POSIX ("." for the repository root). */
  readonly outDir: string;
  /** Path filter matching every file of the output folder. */
  readonly outDirGlob: string;
  /** Lowercase id unique to the output folder, for job, environment and artifact names. */
  readonly slug: string;
  readonly region: string;
  readonly managementAccount: string;
  readonly organization: boolean;
  /** Roles Terraform assumes into the accounts, so the CI roles must be allowed to assume them. */
  readonly assumedRoles: readonly string[];
  /** The one principal the member accounts' deploy roles trust. */
  readonly deployerArn: string;
  readonly checkCommand: string;
  readonly terraformVersion: string;
  readonly nodeVersion: string;
  readonly defaultBranch: string;
  /** HCL output: `terraform fmt -check` applies (it ignores .tf.json). */
  readonly fmtCheck: boolean;
  /** Root module: validate, plan and apply run here (a child module's caller runs them). */
  readonly validate: boolean;
  readonly planAndApply: boolean;
  readonly staticChecks: boolean;
  readonly planRoleVariable: string;
  readonly applyRoleVariable: string;
  readonly environment: string;
  readonly planArtifact: string;
  readonly github: { readonly file: string; readonly copyPath: string } | false;
  readonly gitlab: { readonly file: string; readonly jobPrefix: string } | false;
  readonly backend: { readonly bucket: string; readonly key: string; readonly region: string; readonly lockKey: string } | false;
}

export interface PipelineOptions {
  /** The output folder inside the repository, POSIX (see repoRelativeOutDir). */
  readonly outDir: string;
  /** trailwright's version, pinned in the drift-check command so CI regenerates with the same generator. */
  readonly version: string;
}

export function pipelineContext(plan: ResolvedPlan, options: PipelineOptions): PipelineContext {
  const outDir = checkCiPath(options.outDir);
  const inOut = (path: string) => (outDir === "." ? path : `${outDir}/${path}`);
  const folderSlug = outDir.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const slug = folderSlug || plan.name;
  const root = plan.output.mode === "root";
  const fmtCheck = plan.output.format === "hcl";
  const backend = plan.output.backend;
  const accounts = Object.values(plan.accounts);
  return {
    version: options.version,
    outDir,
    outDirGlob: inOut("**"),
    slug,
    region: plan.homeRegion,
    managementAccount: plan.accounts.management.id,
    organization: plan.topology === "organization",
    assumedRoles: [...new Set(accounts.flatMap((a) => (a.assumeRoleArn ? [a.assumeRoleArn] : [])))].sort(),
    deployerArn: plan.access.deployerArn,
    checkCommand: `npx --yes trailwright@${options.version} generate --out ${outDir} --check`,
    terraformVersion: CI_TERRAFORM_VERSION,
    nodeVersion: CI_NODE_VERSION,
    defaultBranch: CI_DEFAULT_BRANCH,
    fmtCheck,
    validate: root,
    planAndApply: root,
    staticChecks: fmtCheck || root,
    planRoleVariable: PLAN_ROLE_VARIABLE,
    applyRoleVariable: APPLY_ROLE_VARIABLE,
    environment: `trailwright-${slug}`,
    planArtifact: `trailwright-${slug}-plan`,
    github: plan.output.pipelines.includes("github") ? { file: inOut(GITHUB_WORKFLOW_FILE), copyPath: `.github/workflows/trailwright-${slug}.yml` } : false,
    gitlab: plan.output.pipelines.includes("gitlab") ? { file: inOut(GITLAB_CI_FILE), jobPrefix: `trailwright-${slug}` } : false,
    backend: backend && root ? { ...backend, lockKey: `${backend.key}.tflock` } : false,
  };
}
