/**
 * Makes generated HCL `terraform fmt`-canonical by piping it through the
 * real formatter (about 0.1 s). No pure-JS formatter produces the same output
 * (see hcl-output.md §5), so where Terraform is not installed the text is
 * returned as rendered, which is valid and nearly canonical, with a note.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

export interface FormatResult {
  readonly text: string;
  /** False when no terraform binary was available and the text is unformatted. */
  readonly formatted: boolean;
  /** One line for the user when formatting was skipped. */
  readonly note?: string;
}

export interface FormatOptions {
  /** A terraform binary to use instead of looking one up. */
  readonly terraformBin?: string;
}

export const TERRAFORM_ENV = "TRAILWRIGHT_TERRAFORM";

/** The terraform binary from $TRAILWRIGHT_TERRAFORM, else the first on PATH. */
export function findTerraform(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[TERRAFORM_ENV];
  if (configured) return isExecutable(configured) ? configured : undefined;
  const names = process.platform === "win32" ? ["terraform.exe"] : ["terraform"];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would depend on the cwd
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Formats HCL with `terraform fmt -`. Throws when Terraform rejects the text:
 * the printer produced invalid HCL, which is our bug, not the user's.
 */
export async function formatHcl(text: string, options: FormatOptions = {}): Promise<FormatResult> {
  const bin = options.terraformBin ?? findTerraform();
  if (!bin) {
    const configured = process.env[TERRAFORM_ENV];
    const why = configured ? `${TERRAFORM_ENV}=${configured} is not an executable file` : "no terraform binary on PATH";
    return { text, formatted: false, note: `Terraform formatting skipped: ${why}; install Terraform or run \`terraform fmt\` in the output folder.` };
  }
  const result = await run(bin, ["fmt", "-no-color", "-"], text);
  if ("spawnError" in result) {
    return { text, formatted: false, note: `Terraform formatting skipped: could not run ${bin} (${result.spawnError}); run \`terraform fmt\` in the output folder.` };
  }
  if (result.code !== 0) {
    throw new Error(`terraform fmt rejected the generated HCL (exit ${result.code}):\n${result.stderr.trim()}`);
  }
  return { text: result.stdout, formatted: true };
}

type RunResult = { code: number | null; stdout: string; stderr: string } | { spawnError: string };

/** Runs terraform with `stdin`, collecting its output. */
async function run(bin: string, args: string[], stdin: string): Promise<RunResult> {
  // Loaded here: most estates never need `terraform fmt`, and child_process brings net and dgram with it.
  const { spawn } = await import("node:child_process");
  // A missing CLI config file only makes Terraform print a warning; pointing
  // it at nothing also keeps a user's config from changing the result.
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  const child = spawn(bin, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  child.stdin.on("error", () => {}); // a failed spawn closes stdin early; "error"/"close" report it
  const result = new Promise<RunResult>((resolve) => {
    child.on("error", (error) => resolve({ spawnError: error.message }));
    child.on("close", (code) => {
      resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
  child.stdin.end(stdin, "utf8");
  return result;
}
