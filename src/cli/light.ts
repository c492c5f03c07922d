// Entry of dist/light.js: the CLI as ES-module chunks, one per command, loaded
// when that command runs (run.ts). main.ts imports it for every command the
// engine does not run, so `presets list` never parses cdktf.
export { processIo } from "./io.js";
export { run } from "./run.js";
