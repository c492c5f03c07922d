// The one place errors become exit codes and messages (DESIGN.md contract):
// 0 ok, 1 internal error, 2 bad usage or config, 3 conflict on disk, 4 drift,
// 130 cancelled. User errors get one line plus a hint, never a stack trace.
import { packageVersion } from "../config/package-root.js";
import { ConfigError, TrailwrightError } from "../model/errors.js";
import type { Io } from "./io.js";
import { style } from "./style.js";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;

export function reportError(error: unknown, io: Io): number {
  const prefix = style(io.color?.err).red("trailwright:");
  if (error instanceof TrailwrightError) {
    io.err(`${prefix} ${error.message}`);
    if (error.hint) io.err(`  ${error.hint}`);
    for (const more of error instanceof ConfigError ? error.also : []) {
      io.err(`${prefix} ${more.message}`);
      if (more.hint) io.err(`  ${more.hint}`);
    }
    return error.exitCode;
  }
  // Inquirer signals Ctrl-C with an ExitPromptError; treat it as a cancel.
  if (error instanceof Error && error.name === "ExitPromptError") {
    io.err(`${prefix} cancelled; nothing was written`);
    return 130;
  }
  const message = error instanceof Error ? error.message : String(error);
  let version = "unknown";
  try {
    version = packageVersion();
  } catch {
    // Reporting must never fail because the version could not be read.
  }
  io.err(`${prefix} internal error: ${message.split("\n")[0]}`);
  io.err(`  this is a bug in trailwright ${version}; nothing was written. Please report it with the command you ran (set TRAILWRIGHT_DEBUG=1 for details).`);
  if (io.env.TRAILWRIGHT_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT_INTERNAL;
}
