import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { equivalentCommands, renderCommand } from "../../src/wizard/command-line.js";
import { shellQuote } from "../../src/wizard/shell-quote.js";
import type { TrailwrightConfig } from "../../src/config/schema.js";

/** Reads the flags of a `generate` argv back into sources, as the CLI parser would. */
function sourcesOf(args: readonly string[]): { preset: string | undefined; sets: string[] } {
  let preset: string | undefined;
  const sets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--preset") preset = args[++i];
    if (args[i] === "--set") sets.push(args[++i]!);
  }
  return { preset, sets };
}

const BANK = loadConfig({
  preset: "uk-bank",
  sets: [
    "accounts.management=111111111111",
    "accounts.logArchive=222222222222",
    "accounts.security=333333333333",
    "organizationId=o-a1b2c3d4e5",
    "alerts.emails=secops@example.com,soc@example.com",
    "retention.archiveDays=3000",
    "storage.objectLock.days=3000",
    "output.format=json",
  ],
});

describe("equivalent command lines", () => {
  it("regenerates from the saved answers", () => {
    expect(renderCommand(equivalentCommands(BANK, "audit-logging").fromConfigFile)).toBe(
      "npx trailwright generate --config audit-logging/trailwright.json --out audit-logging",
    );
  });

  it("sets exactly the answers that differ from the preset", () => {
    expect(renderCommand(equivalentCommands(BANK, "estate").fromFlags)).toBe(
      "npx trailwright generate --preset uk-bank" +
        " --set accounts.management=111111111111 --set accounts.logArchive=222222222222 --set accounts.security=333333333333" +
        " --set organizationId=o-a1b2c3d4e5 --set retention.archiveDays=3000 --set storage.objectLock.days=3000" +
        " --set alerts.emails=secops@example.com,soc@example.com --set output.format=json --out estate",
    );
  });

  it.each([
    ["a preset with changes", BANK],
    [
      "no preset, with tags whose keys hold dots and spaces",
      validateConfig(
        {
          jurisdiction: "eu",
          industry: "general",
          topology: "single-account",
          homeRegion: "eu-central-1",
          allowedRegions: ["eu-central-1", "eu-west-1"],
          residency: true,
          accounts: { management: "123456789012" },
          retention: { archiveDays: 400, hotDays: 400 },
          storage: { objectLock: { mode: "GOVERNANCE" }, mfaDelete: false },
          alerts: { emails: ["a@example.com"], critical: [] },
          dataEvents: { s3: "off" },
          insights: false,
          config: false,
          tags: { "cost.centre": "it sec", owner: "o'brien" },
        },
        "test",
      ),
    ],
  ] as [string, TrailwrightConfig][])("the flag line reads back to the same config: %s", (_, config) => {
    const { preset, sets } = sourcesOf(equivalentCommands(config, "out").fromFlags);
    expect(loadConfig({ preset, sets })).toEqual(config);
  });

  it("is deterministic", () => {
    const a = equivalentCommands(BANK, "out");
    const b = equivalentCommands(structuredClone(BANK), "out");
    expect(renderCommand(a.fromFlags)).toBe(renderCommand(b.fromFlags));
  });

  it("quotes what a shell would split or expand", () => {
    expect(shellQuote("eu-west-2")).toBe("eu-west-2");
    expect(shellQuote("my estate")).toBe("'my estate'");
    expect(shellQuote(`tags={"owner":"o'brien"}`)).toBe(`'tags={"owner":"o'\\''brien"}'`);
    expect(shellQuote("")).toBe("''");
  });
});
