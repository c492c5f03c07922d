// Entry point for the `trailwright` bin, bundled to dist/cli.cjs. CommonJS, so
// generate and init reach the engine without starting Node's ES-module loader;
// the other commands load the ES-module chunks of light.ts when they run.
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

async function main(): Promise<number> {
  const engine = RUN_IN_ENGINE.has(argv[0] ?? "") ? loadEngine(import.meta.url) : undefined;
  if (engine) {
    const code = await engine.run(argv, engine.processIo());
    engine.afterRun();
    return code;
  }
  const { run, processIo } = await import("./light.js");
  return run(argv, processIo());
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  // run() reports every error itself; this is a bundle that cannot load (a damaged install).
  (error: unknown) => {
    process.stderr.write(`trailwright: internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    process.stderr.write("  the installed package looks damaged; reinstall trailwright (set TRAILWRIGHT_DEBUG=1 for details)\n");
    if (process.env.TRAILWRIGHT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
