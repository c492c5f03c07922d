// Entry point for the `trailwright` bin.
import { setFlagsFromString } from "node:v8";
import { loadEngine } from "./load-engine.js";
import { GENERATION_V8_FLAGS } from "./v8-flags.js";

const argv = process.argv.slice(2);

// Before any command's modules load and before the engine compiles (v8-flags.ts).
if (argv[0] !== "query") setFlagsFromString(GENERATION_V8_FLAGS);

// `trailwright presets show uk-bank | head` closes the pipe early: that is the
// reader's choice, not an error, so stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** The commands that build an estate with cdktf run in the bundle's engine (load-engine.ts), when there is one. */
const RUN_IN_ENGINE = new Set(["generate", "init"]);
const engine = RUN_IN_ENGINE.has(argv[0] ?? "") ? loadEngine(import.meta.url) : undefined;
if (engine) {
  process.exitCode = await engine.run(argv, engine.processIo());
  engine.afterRun();
} else {
  // Imported here, not up front: the engine carries its own copy.
  const [{ run }, { processIo }] = await Promise.all([import("./run.js"), import("./io.js")]);
  process.exitCode = await run(argv, processIo());
}
