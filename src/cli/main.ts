// Entry point for the `trailwright` bin.
import { processIo } from "./io.js";
import { run } from "./run.js";

// `trailwright presets show uk-bank | head` closes the pipe early: that is the
// reader's choice, not an error, so stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await run(process.argv.slice(2), processIo());
process.exitCode = code;
