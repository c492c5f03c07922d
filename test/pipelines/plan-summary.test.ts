// ci/plan-summary.sh on real `terraform show -json` output. The plans are made
// offline with terraform_data (Terraform's built-in provider, no download):
// apply a first configuration to local state, change it, and plan the change,
// so the JSON has every kind of change Terraform can plan.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { findTerraform } from "../../src/synth/terraform-fmt.js";
import { BACKEND, withOutput } from "./plan-with-output.js";
import { expectShellParses } from "./shell-syntax.js";

const run = promisify(execFile);
const OUT = "infra/audit-logging";

function script(): string {
  const file = renderPipelineFiles(withOutput({ pipelines: ["github", "gitlab"], backend: BACKEND }), { outDir: OUT }).find((f) => f.path === "ci/plan-summary.sh");
  if (!file) throw new Error("no ci/plan-summary.sh");
  return file.content;
}

/** Nothing reaches the network: checkpoint off, no CLI config, proxies to a closed port. */
function terraformEnv(dir: string): NodeJS.ProcessEnv {
  const closed = "http://127.0.0.1:9";
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_DATA_DIR: join(dir, ".terraform"),
    TF_CLI_CONFIG_FILE: "/dev/null",
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
  };
}

async function terraform(dir: string, ...args: string[]): Promise<string> {
  const bin = findTerraform();
  if (!bin) throw new Error("terraform is not on PATH; this test needs it");
  return (await run(bin, args, { cwd: dir, env: terraformEnv(dir), maxBuffer: 16 * 1024 * 1024 })).stdout;
}

function summarise(dir: string, ...args: string[]): string {
  const result = spawnSync("sh", [join(dir, "plan-summary.sh"), ...args], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`plan-summary.sh ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const BEFORE = `
resource "terraform_data" "kept" { input = "same" }
resource "terraform_data" "changed" { input = "old" }
resource "terraform_data" "replaced" { triggers_replace = ["v1"] }
resource "terraform_data" "removed" { input = "bye" }
resource "terraform_data" "log_bucket" { input = "evidence" }
`;
const AFTER = `
resource "terraform_data" "kept" { input = "same" }
resource "terraform_data" "changed" { input = "new" }
resource "terraform_data" "replaced" { triggers_replace = ["v2"] }
resource "terraform_data" "added" { input = "hello" }
resource "terraform_data" "added_too" { input = "again" }
`;

describe("ci/plan-summary.sh on a real saved plan", () => {
  const dir = mkdtempSync(join(tmpdir(), "tw-plan-summary-"));
  let planText = "";
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    writeFileSync(join(dir, "plan-summary.sh"), script());
    writeFileSync(join(dir, "main.tf"), BEFORE);
    await terraform(dir, "init", "-input=false", "-no-color");
    await terraform(dir, "apply", "-auto-approve", "-input=false", "-no-color");
    writeFileSync(join(dir, "main.tf"), AFTER);
    planText = await terraform(dir, "plan", "-input=false", "-no-color", "-out=tfplan");
    writeFileSync(join(dir, "tfplan.json"), await terraform(dir, "show", "-json", "tfplan"));
  }, 120_000);

  it("is POSIX shell", () => {
    expectShellParses(script(), "ci/plan-summary.sh");
  });

  it("prints Terraform's own counts, destroys called out first, then every resource that changes", () => {
    const summary = summarise(dir, "markdown", "tfplan.json", OUT);
    const terraformsLine = /^Plan: (\d+) to add, (\d+) to change, (\d+) to destroy\.$/m.exec(planText);
    expect(terraformsLine).not.toBeNull();
    expect(summary).toContain(`**Plan: ${terraformsLine![1]} to add, ${terraformsLine![2]} to change, ${terraformsLine![3]} to destroy.**`);
    expect(summary).toBe(
      [
        `<!-- trailwright plan summary: ${OUT} -->`,
        `### Terraform plan: ${OUT}`,
        "",
        "**Plan: 3 to add, 1 to change, 3 to destroy.**",
        "",
        "> [!CAUTION]",
        "> **3 to destroy**, 1 of them replaced (destroyed, then created again). A destroyed log bucket, key or trail is evidence lost: check each before approving.",
        "> - `terraform_data.log_bucket` (destroy)",
        "> - `terraform_data.removed` (destroy)",
        "> - `terraform_data.replaced` (replace)",
        "",
        "| Change | Resource |",
        "|---|---|",
        "| destroy | `terraform_data.log_bucket` |",
        "| destroy | `terraform_data.removed` |",
        "| replace | `terraform_data.replaced` |",
        "| update | `terraform_data.changed` |",
        "| create | `terraform_data.added` |",
        "| create | `terraform_data.added_too` |",
        "",
      ].join("\n"),
    );
    expect(summary).not.toContain("terraform_data.kept");
  });

  it("writes GitLab's Terraform report: a replacement is one create and one delete, as GitLab documents", () => {
    expect(JSON.parse(summarise(dir, "gitlab", "tfplan.json"))).toEqual({ create: 3, update: 1, delete: 3 });
  });

  it("says plainly when nothing changes", async () => {
    const same = mkdtempSync(join(tmpdir(), "tw-plan-none-"));
    try {
      writeFileSync(join(same, "plan-summary.sh"), script());
      writeFileSync(join(same, "main.tf"), 'resource "terraform_data" "kept" { input = "same" }\n');
      await terraform(same, "init", "-input=false", "-no-color");
      await terraform(same, "apply", "-auto-approve", "-input=false", "-no-color");
      await terraform(same, "plan", "-input=false", "-no-color", "-out=tfplan");
      writeFileSync(join(same, "tfplan.json"), await terraform(same, "show", "-json", "tfplan"));
      const summary = summarise(same, "markdown", "tfplan.json", OUT);
      expect(summary).toContain("**No changes.** The infrastructure matches the configuration.");
      expect(summary).not.toContain("CAUTION");
      expect(JSON.parse(summarise(same, "gitlab", "tfplan.json"))).toEqual({ create: 0, update: 0, delete: 0 });
    } finally {
      rmSync(same, { recursive: true, force: true });
    }
  }, 120_000);

  it("keeps a first plan of a whole estate readable: 200 rows, then a pointer to the log", () => {
    const many = { resource_changes: Array.from({ length: 230 }, (_, i) => ({ address: `aws_s3_bucket.b${i}`, mode: "managed", change: { actions: ["create"] } })) };
    writeFileSync(join(dir, "many.json"), JSON.stringify(many));
    const summary = summarise(dir, "markdown", "many.json", OUT);
    expect(summary).toContain("**Plan: 230 to add, 0 to change, 0 to destroy.**");
    expect(summary.split("\n").filter((l) => l.startsWith("| create |"))).toHaveLength(200);
    expect(summary).toContain("And 30 more: see the job log.");
  });

  it("refuses an unknown mode with a usage line and exit 2", () => {
    const result = spawnSync("sh", [join(dir, "plan-summary.sh"), "html", "tfplan.json"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("usage: sh plan-summary.sh markdown|gitlab PLAN_JSON [TITLE]");
  });
});
