/**
 * Runs `work` with cdktf's token stack traces switched off.
 *
 * Every cdktf token (Lazy, Intrinsic, complex lists...) records the full stack
 * trace of its creation, with Error.stackTraceLimit raised to
 * MAX_SAFE_INTEGER, and formats it to strings at once. App's `stackTraces:
 * false` does not reach this code. Building and resolving one estate creates
 * thousands of tokens, and formatting their traces took about a tenth of a
 * `generate` run. The traces only feed cdktf's messages for a token that fails
 * to resolve, which is our bug to debug from the source, not the user's.
 *
 * V8 formats a trace through Error.prepareStackTrace when `.stack` is first
 * read; cdktf reads it immediately, so a formatter that returns "" makes the
 * trace empty. An error created inside `work` but read later is formatted with
 * the formatter of that later moment, so real errors keep their stacks.
 */
export function withoutTokenStackTraces<T>(work: () => T): T {
  const previous = Error.prepareStackTrace;
  const previousCapture = Error.captureStackTrace;
  Error.prepareStackTrace = () => "";
  // cdktf captures with Error.captureStackTrace(object) and an unlimited depth:
  // walking the stack costs even when the text comes out empty. Errors made
  // with `new Error` capture natively, not through this function, and keep theirs.
  Error.captureStackTrace = (target: object) => {
    (target as { stack?: string }).stack = "";
  };
  try {
    return work();
  } finally {
    Error.prepareStackTrace = previous;
    Error.captureStackTrace = previousCapture;
  }
}
