import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { ConfigError, UsageError } from "../../src/model/errors.js";
import { PRESET_SETS } from "../helpers/preset-answers.js";

function errorOf(fn: () => unknown): ConfigError | UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "tw-config-")), "trailwright.json");
  writeFileSync(path, content);
  return path;
}

describe("loading and validating answers", () => {
  it("merges preset, config file and --set, later sources winning", () => {
    const file = configFile(JSON.stringify({ preset: "uk-smb", retention: { archiveDays: 400, hotDays: 365 }, accounts: { management: "111111111111" } }));
    const config = loadConfig({ configFile: file, sets: ["alerts.emails=a@example.com", "retention.archiveDays=500"] });
    expect(config.retention).toEqual({ archiveDays: 500, hotDays: 365, immediateDays: 90 });
    expect(config.storage.objectLock).toEqual({ mode: "GOVERNANCE", days: 365 });
    expect(config.alerts.emails).toEqual(["a@example.com"]);
  });

  it("names a missing answer and how to give it", () => {
    const error = errorOf(() => loadConfig({ preset: "uk-smb", sets: ["alerts.emails=a@example.com"] }));
    expect(error.message).toBe("preset uk-smb: accounts.management is missing");
    expect(error.hint).toBe("set it in trailwright.json or with --set accounts.management=123456789012");
  });

  it("names a typo'd key before the field it hides", () => {
    const file = configFile(JSON.stringify({ preset: "uk-smb", acounts: { management: "111111111111" } }));
    const error = errorOf(() => loadConfig({ configFile: file }));
    expect(error.message).toBe(`${file}: unknown config key "acounts"`);
    expect(error.hint).toContain("accounts");
  });

  it("says what a malformed value should look like", () => {
    const error = errorOf(() => loadConfig({ preset: "uk-smb", sets: [...PRESET_SETS["uk-smb"], "accounts.management=12345"] }));
    expect(error.message).toBe('preset uk-smb: accounts.management: "12345" is not valid; expected an AWS account id of exactly 12 digits, e.g. 123456789012');
  });

  it("lists the allowed values of an enum", () => {
    const error = errorOf(() => loadConfig({ preset: "uk-smb", sets: [...PRESET_SETS["uk-smb"], "topology=galaxy"] }));
    expect(error.message).toBe('preset uk-smb: topology: "galaxy" is not allowed; expected one of "single-account", "organization"');
  });

  it("reports malformed JSON and a missing file as config errors", () => {
    expect(errorOf(() => loadConfig({ configFile: configFile("{ nope") })).message).toMatch(/is not valid JSON/);
    expect(errorOf(() => loadConfig({ configFile: "/nonexistent/trailwright.json" })).message).toBe(
      "cannot read config file /nonexistent/trailwright.json: no such file",
    );
  });

  it("rejects an unknown preset, listing the known ones", () => {
    const error = errorOf(() => loadConfig({ preset: "uk-bakery" }));
    expect(error.message).toBe('unknown preset "uk-bakery"');
    expect(error.hint).toContain("uk-bank, uk-healthcare, uk-smb");
  });
});
