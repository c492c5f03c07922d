// Entry point for the `trailwright` bin.
import { setFlagsFromString } from "node:v8";
import { processIo } from "./io.js";
import { run } from "./run.js";

// A generation is one short burst of code that runs once: V8's optimizing
// compiler (TurboFan) spends more CPU compiling the hot paths of cdktf and the
// printer than the optimized code ever saves, and holds memory for it. Without
// it (Ignition and Sparkplug still run) `generate` takes about a tenth less CPU
// and memory (npm run bench). `query` is left alone: it can run long.
// Set before any command's modules load (they are imported when the command runs).
if (process.argv[2] !== "query") setFlagsFromString("--no-opt");

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
