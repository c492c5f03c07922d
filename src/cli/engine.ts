// Entry of dist/engine.cjs: the whole CLI again, for the commands that build the
// estate with cdktf (generate, init). The bundle loads it with a V8 code cache
// (load-engine.ts), so those commands skip compiling cdktf and the provider
// bindings; every other command stays in the ES-module chunks of dist/cli.js.
// Its own copy of run() does its own error reporting: no object crosses from
// one bundle to the other but argv in and an exit code out.
export { processIo } from "./io.js";
export { run } from "./run.js";
