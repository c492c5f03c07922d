import { createHash } from "node:crypto";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../../src/model/errors.js";
import type { GeneratedFile } from "../../src/output/generated-file.js";
import { MANIFEST_FILE } from "../../src/output/manifest.js";
import { writeEstate, type WriteReport } from "../../src/output/write-estate.js";
import { identities, put, tempFolder, text, tree } from "./folder-support.js";

const V1: GeneratedFile[] = [
  { path: "main.tf", content: 'resource "x" "y" {}\n' },
  { path: "versions.tf", content: "terraform {}\n" },
  { path: "ci/github-actions.yml", content: "name: one\n" },
];
const V2: GeneratedFile[] = [
  { path: "main.tf", content: 'resource "x" "y" {\n  changed = true\n}\n' },
  { path: "versions.tf", content: "terraform {}\n" },
  { path: "docs/README.md", content: "# new\n" },
];

const write = (out: string, files: readonly GeneratedFile[], options: Partial<{ force: boolean; dryRun: boolean; inputs: string[] }> = {}) =>
  writeEstate(out, files, { force: false, dryRun: false, shownOut: "out", ...options });

const actions = (report: WriteReport) => Object.fromEntries(report.changes.map((c) => [c.path, c.action]));
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function conflictOf(action: () => unknown): ConflictError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConflictError) return error;
    throw error;
  }
  throw new Error("expected a ConflictError");
}

describe("writeEstate", () => {
  it("creates the folder, the files and a manifest of their sha256 hashes", () => {
    const out = join(tempFolder(), "infra", "audit");
    const report = write(out, V1);
    expect(actions(report)).toEqual({ "ci/github-actions.yml": "create", "main.tf": "create", "versions.tf": "create" });
    expect(report.manifestAction).toBe("create");
    for (const file of V1) expect(text(out, file.path)).toBe(file.content);
    const manifest = JSON.parse(text(out, MANIFEST_FILE));
    expect(manifest.files).toEqual(Object.fromEntries(V1.map((f) => [f.path, sha(f.content)])));
    expect(Object.keys(manifest.files)).toEqual(["ci/github-actions.yml", "main.tf", "versions.tf"]);
  });

  it("writes a byte-identical manifest whatever order the files come in", () => {
    const a = tempFolder();
    const b = tempFolder();
    write(a, V1);
    write(b, [...V1].reverse());
    expect(text(a, MANIFEST_FILE)).toBe(text(b, MANIFEST_FILE));
  });

  it("changes nothing on disk when the same files are written again", () => {
    const out = tempFolder();
    write(out, V1);
    const before = identities(out);
    const report = write(out, V1);
    expect(new Set(Object.values(actions(report)))).toEqual(new Set(["unchanged"]));
    expect(report.manifestAction).toBe("unchanged");
    expect(identities(out)).toEqual(before);
  });

  it("updates unedited files, removes ones no longer generated, prunes their empty folders, and never touches the user's files", () => {
    const out = tempFolder();
    put(out, "user.tf", "# mine\n");
    put(out, "ci/user-notes.md", "my notes\n");
    write(out, V1);
    put(out, "docs/mine.txt", "also mine\n");

    const report = write(out, V2);
    expect(actions(report)).toEqual({
      "ci/github-actions.yml": "remove",
      "docs/README.md": "create",
      "main.tf": "update",
      "versions.tf": "unchanged",
    });
    expect(tree(out)).toEqual({
      [MANIFEST_FILE]: expect.any(String),
      ci: "<dir>", // kept: it still holds the user's file
      "ci/user-notes.md": "my notes\n",
      docs: "<dir>",
      "docs/README.md": "# new\n",
      "docs/mine.txt": "also mine\n",
      "main.tf": V2[0]!.content,
      "user.tf": "# mine\n",
      "versions.tf": "terraform {}\n",
    });
    expect(Object.keys(JSON.parse(text(out, MANIFEST_FILE)).files)).toEqual(["docs/README.md", "main.tf", "versions.tf"]);

    write(out, V1.filter((f) => f.path !== "ci/github-actions.yml"));
    expect(tree(out).docs).toBe("<dir>"); // docs/mine.txt is the user's, so the folder stays
  });

  it("removes a folder emptied of generated files", () => {
    const out = tempFolder();
    write(out, V1);
    write(out, V1.filter((f) => !f.path.startsWith("ci/")));
    expect(tree(out).ci).toBeUndefined();
  });

  it("refuses to overwrite a hand-edited file (exit 3, naming it), writes nothing else, and keeps the edit", () => {
    const out = tempFolder();
    write(out, V1);
    put(out, "versions.tf", "terraform { # my edit\n}\n");
    const before = tree(out);

    const error = conflictOf(() => write(out, V2));
    expect(error.exitCode).toBe(3);
    expect(error.paths).toEqual(["versions.tf"]);
    expect(error.message).toContain("versions.tf (edited by hand");
    expect(error.hint).toContain("--force");
    // All or nothing: main.tf would have been updated, but nothing was written.
    expect(tree(out)).toEqual(before);
  });

  it("overwrites a hand edit with --force, restoring the generated content", () => {
    const out = tempFolder();
    write(out, V1);
    put(out, "main.tf", "# my edit\n");
    const report = write(out, V1, { force: true });
    expect(report.changes.find((c) => c.path === "main.tf")).toMatchObject({ action: "update", forced: true });
    expect(text(out, "main.tf")).toBe(V1[0]!.content);
    expect(write(out, V1).changes.every((c) => c.action === "unchanged")).toBe(true);
  });

  it("rewrites a hand-edited file that was read as input for this generation (its edits are in the new content)", () => {
    const out = tempFolder();
    const answers = (hot: number) => ({ path: "trailwright.json", content: `{\n  "hotDays": ${hot}\n}\n` });
    write(out, [answers(365)]);
    put(out, "trailwright.json", '{ "hotDays": 400 }'); // edited by hand, in another layout
    expect(() => write(out, [answers(400)])).toThrow(ConflictError);
    const report = write(out, [answers(400)], { inputs: ["trailwright.json"] });
    expect(report.changes).toMatchObject([{ path: "trailwright.json", action: "update", fromInput: true, forced: false }]);
    expect(text(out, "trailwright.json")).toBe(answers(400).content);
  });

  it("keeps a hand-edited file that is no longer generated (conflict), and removes it only with --force", () => {
    const out = tempFolder();
    write(out, V1);
    put(out, "ci/github-actions.yml", "name: edited\n");
    const error = conflictOf(() => write(out, V2));
    expect(error.paths).toEqual(["ci/github-actions.yml"]);
    expect(text(out, "ci/github-actions.yml")).toBe("name: edited\n");

    write(out, V2, { force: true });
    expect(tree(out)["ci/github-actions.yml"]).toBeUndefined();
  });

  it("refuses a user's file at a generated path, even with --force", () => {
    const out = tempFolder();
    put(out, "main.tf", "# the user's own main.tf\n");
    for (const force of [false, true]) {
      const error = conflictOf(() => write(out, V1, { force }));
      expect(error.paths).toEqual(["main.tf"]);
      expect(error.message).toContain("not generated by trailwright");
      expect(error.hint).toContain("never replaces what it did not generate");
    }
    expect(tree(out)).toEqual({ "main.tf": "# the user's own main.tf\n" });
  });

  it("refuses an --out that is an existing file", () => {
    const root = tempFolder();
    put(root, "infra", "a file, not a folder\n");
    const error = conflictOf(() => write(join(root, "infra"), V1));
    expect(error.message).toContain("is an existing file, not a folder");
    expect(text(root, "infra")).toBe("a file, not a folder\n");
  });

  it("refuses a folder where a generated file goes, and a file where a generated folder goes", () => {
    const out = tempFolder();
    mkdirSync(join(out, "main.tf"));
    put(out, "ci", "a file named ci\n");
    const error = conflictOf(() => write(out, V1));
    expect(error.paths).toEqual(["ci/github-actions.yml", "main.tf"]);
    expect(text(out, "ci")).toBe("a file named ci\n");
  });

  it("never writes through a symlinked folder inside the output folder", () => {
    const out = tempFolder();
    const elsewhere = tempFolder();
    symlinkSync(elsewhere, join(out, "ci"));
    const error = conflictOf(() => write(out, V1));
    expect(error.paths).toEqual(["ci/github-actions.yml"]);
    expect(error.message).toContain("ci is a symbolic link, not a folder");
    expect(tree(elsewhere)).toEqual({});
  });

  it("adopts files already holding exactly the generated content, so a lost manifest is rebuilt", () => {
    const out = tempFolder();
    write(out, V1);
    const manifest = text(out, MANIFEST_FILE);
    put(out, MANIFEST_FILE, ""); // an empty file is not a manifest…
    expect(() => write(out, V1)).toThrow(ConflictError);
    // …but a deleted one is rebuilt from the files that match.
    rmSync(join(out, MANIFEST_FILE));
    const report = write(out, V1);
    expect(report.manifestAction).toBe("create");
    expect(text(out, MANIFEST_FILE)).toBe(manifest);
  });

  it("refuses a manifest listing a path outside the output folder, and deletes nothing", () => {
    const root = tempFolder();
    const out = join(root, "out");
    put(root, "victim.txt", "precious\n");
    put(out, MANIFEST_FILE, JSON.stringify({ generator: "trailwright", version: 1, files: { "../victim.txt": sha("precious\n") } }));
    const error = conflictOf(() => write(out, V1));
    expect(error.message).toContain('"../victim.txt" cannot be a file in the output folder');
    expect(text(root, "victim.txt")).toBe("precious\n");
  });

  it("dry run: reports create, update, unchanged, remove and conflict, and writes nothing", () => {
    const out = tempFolder();
    write(out, [...V1, { path: "old.tf", content: "# old\n" }, { path: "edited.tf", content: "# gen\n" }]);
    put(out, "edited.tf", "# hand edit\n");
    put(out, "docs/README.md", "the user's readme\n");
    const before = tree(out);
    const ids = identities(out);

    const report = write(out, [...V2, { path: "edited.tf", content: "# gen 2\n" }], { dryRun: true });
    expect(actions(report)).toEqual({
      "ci/github-actions.yml": "remove",
      "docs/README.md": "conflict",
      "edited.tf": "conflict",
      "main.tf": "update",
      "old.tf": "remove",
      "versions.tf": "unchanged",
    });
    expect(report.conflicts.map((c) => [c.path, c.reason])).toEqual([
      ["docs/README.md", "not-generated"],
      ["edited.tf", "edited"],
    ]);
    expect(tree(out)).toEqual(before);
    expect(identities(out)).toEqual(ids);
  });

  it("dry run into a folder that does not exist creates nothing", () => {
    const root = tempFolder();
    const report = write(join(root, "new", "out"), V1, { dryRun: true });
    expect(new Set(Object.values(actions(report)))).toEqual(new Set(["create"]));
    expect(report.manifestAction).toBe("create");
    expect(tree(root)).toEqual({});
  });

  it("treats a generated path that is malformed or reserved as a bug, not a user error", () => {
    const out = tempFolder();
    for (const path of ["../escape.tf", "/abs.tf", "a//b.tf", MANIFEST_FILE, "a\\b.tf"]) {
      expect(() => write(out, [{ path, content: "" }])).toThrow(/generated path/);
      expect(() => write(out, [{ path, content: "" }])).not.toThrow(ConflictError);
    }
    expect(() => write(out, [{ path: "a.tf", content: "" }, { path: "a.tf", content: "" }])).toThrow(/appears twice/);
    expect(() => write(out, [{ path: "ci", content: "" }, { path: "ci/x.yml", content: "" }])).toThrow(/both a file and the folder/);
    expect(tree(out)).toEqual({});
  });
});
