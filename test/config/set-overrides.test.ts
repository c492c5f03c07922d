import { describe, expect, it } from "vitest";
import { applyOverrides, parseSetFlag } from "../../src/config/set-overrides.js";
import { ConfigError } from "../../src/model/errors.js";

describe("--set path=value", () => {
  it("parses each value as the type the schema declares", () => {
    expect(parseSetFlag("retention.archiveDays=2557")).toEqual({ path: "retention.archiveDays", value: 2557 });
    expect(parseSetFlag("insights=true")).toEqual({ path: "insights", value: true });
    expect(parseSetFlag("alerts.emails=a@example.com, b@example.com")).toEqual({
      path: "alerts.emails",
      value: ["a@example.com", "b@example.com"],
    });
    expect(parseSetFlag("accounts.management=012345678901")).toEqual({ path: "accounts.management", value: "012345678901" });
    expect(parseSetFlag("tags.cost-centre=1234")).toEqual({ path: "tags.cost-centre", value: "1234" });
  });

  it("keeps an unparseable number as text so the schema can name the bad value", () => {
    expect(parseSetFlag("retention.hotDays=ten")).toEqual({ path: "retention.hotDays", value: "ten" });
  });

  it("clears an answer with an empty value, and empties a list", () => {
    expect(parseSetFlag("storage.objectLock.days=")).toEqual({ path: "storage.objectLock.days", value: undefined });
    expect(parseSetFlag("alerts.emails=")).toEqual({ path: "alerts.emails", value: [] });
    expect(applyOverrides({ storage: { objectLock: { mode: "off", days: 3 } } }, [{ path: "storage.objectLock.days", value: undefined }])).toEqual({
      storage: { objectLock: { mode: "off" } },
    });
  });

  it("rejects an unknown key and lists the keys allowed there", () => {
    expect(() => parseSetFlag("retention.archveDays=5")).toThrow(ConfigError);
    try {
      parseSetFlag("retention.archveDays=5");
    } catch (error) {
      expect((error as ConfigError).message).toBe('--set retention.archveDays: unknown config key "retention.archveDays"');
      expect((error as ConfigError).hint).toBe("keys allowed under retention: archiveDays, hotDays, immediateDays");
    }
  });

  it("rejects a flag without =", () => {
    expect(() => parseSetFlag("insights")).toThrow(/not of the form path=value/);
  });

  it("creates intermediate objects and leaves the input untouched", () => {
    const input = { storage: { mfaDelete: false } };
    const result = applyOverrides(input, [{ path: "storage.objectLock.mode", value: "GOVERNANCE" }]);
    expect(result).toEqual({ storage: { mfaDelete: false, objectLock: { mode: "GOVERNANCE" } } });
    expect(input).toEqual({ storage: { mfaDelete: false } });
  });
});
