import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../src/output/generated-file.js";
import { MANIFEST_FILE } from "../../src/output/manifest.js";
import { checkEstate, driftError, writeEstate } from "../../src/output/write-estate.js";
import { identities, put, tempFolder, text } from "./folder-support.js";

const FILES: GeneratedFile[] = [
  { path: "main.tf", content: Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join("\n") + "\n" },
  { path: "versions.tf", content: "terraform {}\n" },
  { path: "ci/gitlab-ci.yml", content: "stages: []\n" },
];

function generated(): string {
  const out = tempFolder();
  writeEstate(out, FILES, { force: false, dryRun: false });
  return out;
}

const kinds = (out: string, files: readonly GeneratedFile[] = FILES) =>
  Object.fromEntries(checkEstate(out, files).items.map((item) => [item.path, item.kind]));

describe("checkEstate (--check)", () => {
  it("finds nothing when the folder holds exactly a fresh generation, and writes nothing", () => {
    const out = generated();
    put(out, "user.tf", "# the user's file is not drift\n");
    const before = identities(out);
    const report = checkEstate(out, FILES);
    expect(report.items).toEqual([]);
    expect(report.compared).toBe(3);
    expect(identities(out)).toEqual(before);
  });

  it("tells edited, out-of-date, missing, foreign and no-longer-generated files apart", () => {
    const out = generated();
    put(out, "versions.tf", "terraform { # hand edit\n}\n");
    rmSync(join(out, "ci/gitlab-ci.yml"));
    const fresh: GeneratedFile[] = [
      { path: "main.tf", content: FILES[0]!.content.replace("line 30\n", "line thirty\n") }, // answers changed
      FILES[1]!,
      FILES[2]!,
      { path: "backend.tf", content: "terraform {}\n" },
    ];
    put(out, "backend.tf", "# the user's own backend\n");
    expect(kinds(out, fresh)).toEqual({
      "backend.tf": "not-generated",
      "ci/gitlab-ci.yml": "missing",
      "main.tf": "out-of-date",
      "versions.tf": "edited",
    });
    expect(kinds(out, [FILES[1]!, FILES[2]!])).toMatchObject({ "main.tf": "no-longer-generated" });
  });

  it("reports a missing or stale manifest when every file matches", () => {
    const out = generated();
    const manifest = text(out, MANIFEST_FILE);
    rmSync(join(out, MANIFEST_FILE));
    expect(checkEstate(out, FILES).items).toMatchObject([{ path: MANIFEST_FILE, kind: "manifest", detail: expect.stringContaining("missing") }]);
    put(out, MANIFEST_FILE, manifest.replace('"versions.tf"', '"versions2.tf"'));
    expect(checkEstate(out, FILES).items).toMatchObject([{ path: MANIFEST_FILE, kind: "manifest" }]);
  });

  it("shows a short unified diff from the disk to the fresh generation, capped per file", () => {
    const out = generated();
    const fresh = [{ ...FILES[0]!, content: FILES[0]!.content.replace("line 30\n", "line thirty\n") }, FILES[1]!, FILES[2]!];
    const [item] = checkEstate(out, fresh).items;
    expect(item!.diff).toEqual([
      "--- main.tf (on disk)",
      "+++ main.tf (fresh generation)",
      "@@ -27,7 +27,7 @@",
      " line 27",
      " line 28",
      " line 29",
      "-line 30",
      "+line thirty",
      " line 31",
      " line 32",
      " line 33",
    ]);

    const rewritten = [{ ...FILES[0]!, content: FILES[0]!.content.replace(/line/g, "row") }, FILES[1]!, FILES[2]!];
    const long = checkEstate(out, rewritten, { maxDiffLines: 20 }).items[0]!.diff;
    expect(long).toHaveLength(2 + 20 + 1);
    expect(long[long.length - 1]).toMatch(/^… \d+ more diff lines$/);
  });

  it("becomes a DriftError (exit 4) carrying the paths", () => {
    const out = generated();
    put(out, "versions.tf", "edited\n");
    const error = driftError(checkEstate(out, FILES), "infra/audit");
    expect(error.exitCode).toBe(4);
    expect(error.details).toEqual(["versions.tf"]);
    expect(error.message).toBe("1 file differs between infra/audit and a fresh generation: versions.tf (edited)");
    expect(error.hint).toContain("trailwright generate --out infra/audit");
  });
});
