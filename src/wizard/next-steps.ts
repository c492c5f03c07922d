// What to do after writing: the Terraform commands, the MFA-delete root
// runbook where chosen, and the command lines that regenerate the same estate
// in CI without questions.
import type { TrailwrightConfig } from "../config/schema.js";
import type { ResolvedPlan } from "../model/plan.js";
import { equivalentCommands, renderCommand } from "./command-line.js";
import { shellQuote } from "./shell-quote.js";

export interface NextStepsInput {
  readonly plan: ResolvedPlan;
  readonly config: TrailwrightConfig;
  readonly out: string;
  /** Paths of the generated files, to point at the runbook. */
  readonly files: readonly string[];
  /** Dry run: nothing was written, so only the regeneration commands apply. */
  readonly dryRun: boolean;
}

function runbookFile(files: readonly string[]): string | undefined {
  return files.find((f) => /mfa/i.test(f)) ?? files.find((f) => f === "README.md");
}

export function renderNextSteps({ plan, config, out, files, dryRun }: NextStepsInput): string {
  const lines: string[] = [];
  if (!dryRun) {
    // A child module is planned from the root module that calls it, never from its own folder.
    const where = plan.output.mode === "module" ? `  call ${out}/ from your root module (README.md, "Calling this module"); in that root:` : `  cd ${shellQuote(out)}`;
    lines.push("", "Next steps:", where, "  terraform init", "  terraform plan");
    if (plan.archive.mfaDelete) {
      const runbook = runbookFile(files);
      lines.push(
        `  MFA delete: after the first apply, the root user of account ${plan.accounts.logArchive.id} turns it on with an MFA code (it cannot run in CI)${runbook ? `; runbook in ${runbook}` : ""}:`,
        `    aws s3api put-bucket-versioning --bucket ${plan.archive.name} --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "<root MFA device serial> <code>"`,
      );
    }
  }
  const commands = equivalentCommands(config, out);
  lines.push(
    "",
    "Regenerate the same estate in CI (asks nothing):",
    `  ${renderCommand(commands.fromConfigFile)}`,
    `  ${renderCommand(commands.fromFlags)}`,
  );
  return lines.join("\n");
}
