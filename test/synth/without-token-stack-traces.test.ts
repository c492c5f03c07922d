// cdktf records a stack trace for every token it creates; withoutTokenStackTraces
// makes those empty while the estate is built, and must leave real errors alone.
import { Lazy } from "cdktf";
import { describe, expect, it } from "vitest";
import { withoutTokenStackTraces } from "../../src/synth/without-token-stack-traces.js";

describe("withoutTokenStackTraces", () => {
  it("gives cdktf's tokens no creation trace, and puts both hooks back afterwards", () => {
    const capture = Error.captureStackTrace;
    const prepare = Error.prepareStackTrace;
    const token = withoutTokenStackTraces(() => Lazy.stringValue({ produce: () => "x" }));
    expect((token as unknown as { creationStack?: string[] }).creationStack ?? []).toEqual([]);
    const traced = { stack: undefined as string | undefined };
    Error.captureStackTrace(traced);
    expect(traced.stack).toMatch(/without-token-stack-traces\.test/);
    expect(Error.captureStackTrace).toBe(capture);
    expect(Error.prepareStackTrace).toBe(prepare);
  });

  it("keeps the stack of an error made inside and read after", () => {
    const error = withoutTokenStackTraces(() => new Error("real"));
    expect(error.stack).toMatch(/without-token-stack-traces\.test/);
  });

  it("puts the hooks back when the work throws", () => {
    const capture = Error.captureStackTrace;
    expect(() =>
      withoutTokenStackTraces(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(Error.captureStackTrace).toBe(capture);
  });
});
