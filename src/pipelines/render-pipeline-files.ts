// The files that let CI run and apply the estate: pipeline definitions
// (output.pipelines), their setup notes, and the state backend (output.backend).
// Every path is inside the output folder: the writer never writes outside it, so
// GitHub's workflow is copied to .github/workflows by the user (and the drift
// check verifies the copy) while GitLab includes its file where it is.
import { packageVersion } from "../config/package-root.js";
import type { ResolvedPlan } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";
import { renderBackendFile } from "./backend-file.js";
import { CI_README_FILE, GITHUB_WORKFLOW_FILE, GITLAB_CI_FILE, PLAN_SUMMARY_FILE, pipelineContext } from "./pipeline-context.js";
import { renderTemplate } from "../render/templates.js";

export interface PipelineFileOptions {
  /** The output folder inside the repository, POSIX (see repoRelativeOutDir in ci-folder.ts). */
  readonly outDir: string;
  /** Defaults to this package's version. */
  readonly version?: string;
}

/** Pipeline files and backend.tf for the plan; empty when neither output.pipelines nor output.backend is set. */
export function renderPipelineFiles(plan: ResolvedPlan, options: PipelineFileOptions): GeneratedFile[] {
  const backend = renderBackendFile(plan);
  const files: GeneratedFile[] = backend ? [backend] : [];
  if (plan.output.pipelines.length === 0) return files;
  const context = pipelineContext(plan, { outDir: options.outDir, version: options.version ?? packageVersion() });
  if (context.github) files.push({ path: GITHUB_WORKFLOW_FILE, content: renderTemplate("pipelines/github-actions.yml", context) });
  if (context.gitlab) files.push({ path: GITLAB_CI_FILE, content: renderTemplate("pipelines/gitlab-ci.yml", context) });
  // Both pipelines summarise the plan with the same script; only a root module plans.
  if (context.planAndApply) files.push({ path: PLAN_SUMMARY_FILE, content: renderTemplate("pipelines/plan-summary.sh", context) });
  files.push({ path: CI_README_FILE, content: renderTemplate("pipelines/ci-readme.md", context) });
  return files;
}
