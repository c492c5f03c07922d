// One place for how the property tests run. A fixed seed makes CI reproducible
// (fast-check prints seed, path and counterexample on failure; rerun with them).
// Shrinking a config drawn with fc.gen() can take minutes, so every property
// gets a wall-clock budget: past it, the run stops and counts as a failure with
// the smallest counterexample found so far.
export const SEED = 20_250_131;

export function runSettings(numRuns: number, budgetMs: number) {
  return { seed: SEED, numRuns, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: true } as const;
}
