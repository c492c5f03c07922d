// Everything the pipeline templates print, computed in one place from the plan,
// so the templates hold no logic beyond if/each and no default lives in two places.
import type { ResolvedPlan } from "../model/plan.js";
import { checkCiPath } from "./ci-folder.js";
import { pinnedUses } from "./pinned-actions.js";
import { MEMBER_ROLE_VARIABLE, memberRoleName, usesMemberRole } from "../synth/member-role.js";

/** Terraform used in CI: S3 lock files need >= 1.10; the tests here validate with 1.11.4. */
export const CI_TERRAFORM_VERSION = "1.11.4";
/** trailwright's own engines floor is Node 20. */
export const CI_NODE_VERSION = "20";
/** GitHub path filters need a literal branch; apply additionally checks it is the default branch. */
export const CI_DEFAULT_BRANCH = "main";
/**
 * A CI variable that replaces the package the drift check runs, for runners
 * that cannot reach the npm registry (ci/README.md, "No registry").
 */
export const PACKAGE_VARIABLE = "TRAILWRIGHT_PACKAGE";

export const GITHUB_WORKFLOW_FILE = "ci/github-actions.yml";
export const GITLAB_CI_FILE = "ci/gitlab-ci.yml";
export const CI_README_FILE = "ci/README.md";
export const PLAN_SUMMARY_FILE = "ci/plan-summary.sh";

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
  /**
   * Organization root module: the role Terraform assumes in each member account, set per job
   * through the ephemeral variable (src/synth/member-role.ts): read-only to plan, deploying to apply.
   */
  readonly memberRole: { readonly env: string; readonly plan: string; readonly apply: string; readonly accounts: string } | false;
  /** A role Terraform assumes in the management account itself, when the answers name one. */
  readonly managementRole: string | false;
  /** The one principal the member accounts' deploy roles trust (bootstrap/): the apply role must be it. */
  readonly deployerArn: string;
  readonly checkCommand: string;
  /** The package npx runs when PACKAGE_VARIABLE is unset: this generator's own version. */
  readonly packageSpec: string;
  readonly packageVariable: string;
  /** Third-party actions as `owner/repo@<sha> # <version>`. */
  readonly actions: ReturnType<typeof pinnedUses>;
  /** The read-only role plans run as, and the role apply runs as, both in the management account. */
  readonly planRoleArn: string;
  readonly applyRoleArn: string;
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** The summary script, relative to the output folder (jobs run there). */
  readonly planSummary: string;
  readonly terraformVersion: string;
  readonly nodeVersion: string;
  readonly defaultBranch: string;
  /** HCL output: `terraform fmt -check` applies (it ignores .tf.json). */
  readonly fmtCheck: boolean;
  /** Root module: validate, plan and apply run here (a child module's caller runs them). */
  readonly validate: boolean;
  readonly planAndApply: boolean;
  readonly staticChecks: boolean;
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
  return {
    version: options.version,
    outDir,
    outDirGlob: inOut("**"),
    slug,
    region: plan.homeRegion,
    managementAccount: plan.accounts.management.id,
    organization: plan.topology === "organization",
    deployerArn: plan.access.deployerArn,
    memberRole: usesMemberRole(plan)
      ? {
          env: `TF_VAR_${MEMBER_ROLE_VARIABLE}`,
          plan: plan.output.planRoleName,
          apply: memberRoleName(plan),
          accounts: [...new Set([plan.accounts.logArchive.id, plan.accounts.security.id])].join(", "),
        }
      : false,
    managementRole: plan.accounts.management.assumeRoleArn ?? false,
    // The drift check runs the version that generated the folder; the variable swaps in a vendored copy of it.
    checkCommand: `npx --yes "\${${PACKAGE_VARIABLE}:-trailwright@${options.version}}" generate --out ${outDir} --check`,
    packageSpec: `trailwright@${options.version}`,
    packageVariable: PACKAGE_VARIABLE,
    actions: pinnedUses(),
    planRoleArn: `arn:aws:iam::${plan.accounts.management.id}:role/${plan.output.planRoleName}`,
    applyRoleArn: `arn:aws:iam::${plan.accounts.management.id}:role/${plan.output.applyRoleName}`,
    planRoleName: plan.output.planRoleName,
    applyRoleName: plan.output.applyRoleName,
    planSummary: PLAN_SUMMARY_FILE,
    terraformVersion: CI_TERRAFORM_VERSION,
    nodeVersion: CI_NODE_VERSION,
    defaultBranch: CI_DEFAULT_BRANCH,
    fmtCheck,
    validate: root,
    planAndApply: root,
    staticChecks: fmtCheck || root,
    environment: `trailwright-${slug}`,
    planArtifact: `trailwright-${slug}-plan`,
    github: plan.output.pipelines.includes("github") ? { file: inOut(GITHUB_WORKFLOW_FILE), copyPath: `.github/workflows/trailwright-${slug}.yml` } : false,
    gitlab: plan.output.pipelines.includes("gitlab") ? { file: inOut(GITLAB_CI_FILE), jobPrefix: `trailwright-${slug}` } : false,
    backend: backend && root ? { ...backend, lockKey: `${backend.key}.tflock` } : false,
  };
}
