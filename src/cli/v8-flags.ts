/**
 * V8 flags for every command but `query`, set by main.ts before any command's
 * modules load and before the engine compiles: the engine's code cache is only
 * accepted under the flags it was made with (load-engine.ts). `query` is left
 * alone: it can run long, on DuckDB's data.
 *
 * - --no-opt: a generation is one short burst of code that runs once, and V8's
 *   optimizing compiler (TurboFan) spends more CPU compiling the hot paths of
 *   cdktf and the printer than the optimized code ever saves.
 * - --semi-space-growth-factor=1: most of what a generation allocates lives to
 *   the end (the construct tree), and V8 answers that by doubling the young
 *   generation up to 2 x 16 MB. Kept at its first 1 MB, peak memory is about
 *   14 MB lower and the run no slower (npm run bench). Unlike
 *   --max-semi-space-size, it is read each time the space would grow, so it
 *   works when set from inside the process rather than on node's command line.
 */
export const GENERATION_V8_FLAGS = "--no-opt --semi-space-growth-factor=1";
