/**
 * Loads dist/engine.cjs (engine.ts) with the V8 code cache the bundle writes
 * beside it. Compiling the 1.6 MB of cdktf, the provider bindings and the
 * estate's code took about 130 ms of every generation; with the cache V8
 * deserializes bytecode instead (npm run bench).
 *
 * The cache is made by scripts/bundle.mjs: it runs one uk-bank generation with
 * TRAILWRIGHT_ENGINE_CACHE_OUT set, and this loader writes what V8 compiled by
 * then. V8 checks the cache against its own version, its flags and the source
 * length and ignores one that does not match (a different Node version), so a
 * rejected cache costs a compile, never a wrong result. The flags must be the
 * ones the cache was made under: main.ts sets them before calling this.
 *
 * From the sources (tsx, tests) there is no engine beside this file and the
 * caller runs the CLI in-process instead.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { Io } from "./io.js";

export interface Engine {
  readonly run: (argv: readonly string[], io: Io) => Promise<number>;
  readonly processIo: () => Io;
  /** Writes the code cache when the bundle asked for one (TRAILWRIGHT_ENGINE_CACHE_OUT). */
  readonly afterRun: () => void;
}

export function loadEngine(bundleUrl: string): Engine | undefined {
  const file = fileURLToPath(new URL("./engine.cjs", bundleUrl));
  if (!existsSync(file)) return undefined;
  const cacheFile = `${file}.v8cache`;
  const cacheOut = process.env.TRAILWRIGHT_ENGINE_CACHE_OUT;
  const { source, cachedData } = readEngine(file, !cacheOut && existsSync(cacheFile) ? cacheFile : undefined);
  // The file is one function expression, (exports, require, module, __filename, __dirname) => ...
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} as Omit<Engine, "afterRun"> };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    run: module.exports.run,
    processIo: module.exports.processIo,
    afterRun: () => {
      if (cacheOut) writeFileSync(cacheOut, script.createCachedData());
    },
  };
}

/**
 * The engine's text and its cache, read through one buffer: the text is copied
 * out into a string before the cache is read over it. Memory a process touches
 * for the first time is what a cold start pays for, and this touches 1.6 MB less.
 * The bundle is ASCII (bundle-checks.mjs), so latin1 is its text, made into
 * V8's one-byte string without decoding UTF-8.
 */
function readEngine(file: string, cacheFile: string | undefined): { source: string; cachedData?: Buffer } {
  const [sourceFd, cacheFd] = [openSync(file, "r"), cacheFile === undefined ? undefined : openSync(cacheFile, "r")];
  try {
    const sourceSize = fstatSync(sourceFd).size;
    const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size;
    const buffer = Buffer.allocUnsafe(Math.max(sourceSize, cacheSize));
    const source = buffer.toString("latin1", 0, readFully(sourceFd, buffer, sourceSize));
    return cacheFd === undefined ? { source } : { source, cachedData: buffer.subarray(0, readFully(cacheFd, buffer, cacheSize)) };
  } finally {
    closeSync(sourceFd);
    if (cacheFd !== undefined) closeSync(cacheFd);
  }
}

function readFully(fd: number, buffer: Buffer, size: number): number {
  let done = 0;
  while (done < size) {
    const read = readSync(fd, buffer, done, size - done, done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
