import { describe, expect, it } from "vitest";
import { fillWithDefaults } from "../../src/wizard/flow.js";
import { missingAnswersError } from "../../src/wizard/missing-answers.js";
import { draftFrom } from "./support.js";

describe("missing answers without a terminal", () => {
  it("names the missing answers and the exact flags that give them", () => {
    const error = missingAnswersError(fillWithDefaults(draftFrom({ preset: "uk-smb" }, "audit-logging")), true);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe(
      "missing answers: accounts.management, alerts.emails; pass them with --set accounts.management=123456789012 --set alerts.emails=you@example.com, or run in a terminal",
    );
  });

  it("names the organization's ids for an organization preset, and named buckets when data events need them", () => {
    const error = missingAnswersError(fillWithDefaults(draftFrom({ preset: "uk-healthcare" }, "x")), true);
    expect(error?.message).toMatch(
      /^missing answers: accounts\.management, accounts\.logArchive, accounts\.security, organizationId, alerts\.emails, dataEvents\.s3Buckets; pass them with .* --set organizationId=o-a1b2c3d4e5 .* --set dataEvents\.s3Buckets=patient-records-prod, or run in a terminal$/,
    );
  });

  it("without --yes, also names the answers that have defaults, and offers --yes for them", () => {
    const draft = draftFrom({ preset: "uk-smb", sets: ["accounts.management=123456789012", "alerts.emails=a@example.com"] });
    const error = missingAnswersError(fillWithDefaults(draft), false);
    expect(error?.message).toBe("no terminal to ask: output.format, output folder");
    expect(error?.hint).toBe("add --yes to accept the defaults for output.format, output folder, pass them (e.g. --format hcl --out audit-logging), or run in a terminal");
  });

  it("with --yes and every answer only the user knows, there is nothing missing", () => {
    const draft = draftFrom({ preset: "uk-smb", sets: ["accounts.management=123456789012", "alerts.emails=a@example.com"] });
    expect(missingAnswersError(fillWithDefaults(draft), true)).toBeUndefined();
  });
});
