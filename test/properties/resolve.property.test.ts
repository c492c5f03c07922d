// Properties of validation + resolution over the config space: pure and fast,
// so many runs (settings in run-settings.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLOUDWATCH_RETENTION_DAYS } from "../../src/catalog/cloudwatch-retention.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { ConfigError, TrailwrightError } from "../../src/model/errors.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { invalidConfig, minimums, MUTATIONS, selectedFrameworks, validConfig, type RawConfig } from "./config-arbitraries.js";
import { runSettings } from "./run-settings.js";

const RESOLVE_RUNS = 300;
/** Budget per property: 300 resolutions take a few seconds; the rest is room for shrinking a failure. */
const SETTINGS = runSettings(RESOLVE_RUNS, 60_000);

function resolve(raw: unknown): ResolvedPlan {
  return resolvePlan(validateConfig(raw, "property"));
}

/** Every leaf path of a JSON value, e.g. ["storage", "objectLock", "days"]. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [prefix] : value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0 ? [prefix] : entries.flatMap(([k, v]) => [prefix.concat(k), ...leafPaths(v, [...prefix, k]).filter((p) => p.length > prefix.length + 1)]);
  }
  return [prefix];
}

function setPath(root: RawConfig, path: (string | number)[], value: unknown): RawConfig {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const leaf = path[path.length - 1]!;
  if (value === undefined) delete target[leaf];
  else target[leaf] = value;
  return copy as RawConfig;
}

describe("resolving the config space", () => {
  it(`every valid config resolves to a plan that meets its frameworks (${RESOLVE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(validConfig, (raw) => {
        const plan = resolve(raw);
        const min = minimums(selectedFrameworks(raw));
        expect(plan.retention.archiveDays.value).toBeGreaterThanOrEqual(min.archive);
        expect(plan.retention.immediateDays.value).toBeGreaterThanOrEqual(min.immediate);
        expect(plan.retention.immediateDays.value).toBeLessThanOrEqual(plan.retention.archiveDays.value);
        expect(plan.logGroup.retentionDays).toBeGreaterThanOrEqual(Math.max(min.hot, raw.retention.hotDays));
        expect(CLOUDWATCH_RETENTION_DAYS).toContain(plan.logGroup.retentionDays);
        if (min.immutable) expect(plan.archive.objectLock!.days).toBeGreaterThanOrEqual(min.immutableArchive);
        if (plan.archive.lifecycle) {
          const { transitions, expirationDays } = plan.archive.lifecycle;
          expect(expirationDays).toBe(raw.retention.archiveDays);
          const days = transitions.map((t) => t.days);
          expect(days).toEqual([...days].sort((a, b) => a - b));
          for (const d of days) expect(d).toBeLessThan(expirationDays);
          if (plan.archive.objectLock) expect(plan.archive.objectLock.days).toBeLessThanOrEqual(expirationDays);
        }
        expect(plan.archive.mfaDelete && plan.archive.lifecycle).toBeFalsy();
        for (const topic of plan.topics) {
          expect(topic.emails.length).toBeGreaterThan(0);
          // One subscription per mailbox: addresses that differ only in case are one address.
          expect(new Set(topic.emails.map((e) => e.toLowerCase())).size).toBe(topic.emails.length);
        }
        expect(Object.isFrozen(plan)).toBe(true);
        expect(JSON.stringify(resolve(raw))).toBe(JSON.stringify(plan));
      }),
      SETTINGS,
    );
  });

  it(`every config that breaks a rule is a ConfigError (exit 2) naming the field (${RESOLVE_RUNS} runs)`, () => {
    const broken = new Set<string>();
    fc.assert(
      fc.property(invalidConfig, ({ config, field, mutation }) => {
        broken.add(mutation);
        let error: unknown;
        try {
          resolve(config);
        } catch (caught) {
          error = caught;
        }
        expect(error, "accepted").toBeInstanceOf(ConfigError);
        expect((error as ConfigError).exitCode).toBe(2);
        expect((error as ConfigError).field).toBe(field);
        expect((error as ConfigError).hint, (error as Error).message).toBeTruthy();
      }),
      SETTINGS,
    );
    // Every rule was broken at least once in the runs.
    expect([...broken].sort()).toEqual(MUTATIONS.map((m) => m.name).sort());
  });

  it(`any value at any path is either accepted or a user error, never a crash (${RESOLVE_RUNS} runs)`, () => {
    const damaged = validConfig.chain((raw) => {
      const paths = leafPaths(raw).filter((p) => p.length > 0);
      return fc.tuple(fc.constant(raw), fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }));
    });
    fc.assert(
      fc.property(damaged, ([raw, path, value]) => {
        const config = setPath(raw, path, value);
        try {
          resolve(config);
        } catch (error) {
          if (!(error instanceof TrailwrightError)) throw new Error(`a bug, not a user error, at ${path.join(".")}: ${String(error)}`);
          expect(error.exitCode).toBe(2);
        }
      }),
      SETTINGS,
    );
  });
});
