// The writer behind `trailwright generate`, end to end through run(): a repo
// with an output folder, the drift check CI runs, hand edits, --force and
// --dry-run. One estate is generated per step (about a second each), so the
// steps share one folder and run in order.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { packageVersion } from "../../src/config/package-root.js";
import { MANIFEST_FILE } from "../../src/output/manifest.js";
import { fileFolder, identities, put, text, tree } from "./folder-support.js";

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function trailwright(cwd: string, ...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, cwd, env: {} };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const OUT = "infra/audit-logging";
const ANSWERS = [
  "--preset", "uk-smb",
  "--set", "accounts.management=123456789012",
  "--set", "alerts.emails=secops@example.com",
  "--set", "output.pipelines=github,gitlab",
  "--set", "output.backend.bucket=acme-tf-state",
  "--set", "output.backend.key=audit/terraform.tfstate",
  "--set", "output.backend.region=eu-west-2",
];

describe("trailwright generate in a repository", () => {
  let repo: string;
  let out: string;

  beforeAll(async () => {
    repo = fileFolder();
    mkdirSync(join(repo, ".git"));
    out = join(repo, OUT);
    put(out, "providers-override.tf", "# the team's own file, beside the generated ones\n");
    const first = await trailwright(repo, "generate", ...ANSWERS, "--out", OUT);
    expect(first.err).not.toContain("trailwright:");
    expect(first.code).toBe(0);
  });

  it("writes the estate, the pipeline files and the manifest, and leaves the user's file alone", () => {
    const files = tree(out);
    expect(Object.keys(files).filter((p) => files[p] !== "<dir>")).toEqual([
      MANIFEST_FILE,
      "COMPLIANCE.md",
      "README.md",
      "access-log-bucket.tf",
      "alarms.tf",
      "alert-topics.tf",
      "archive-bucket.tf",
      "backend.tf",
      "ci/README.md",
      "ci/github-actions.yml",
      "ci/gitlab-ci.yml",
      "ci/plan-summary.sh",
      "keys.tf",
      "metric-filters.tf",
      "outputs.tf",
      "providers-override.tf",
      "providers.tf",
      "trail.tf",
      "trailwright.json",
      "versions.tf",
    ]);
    expect(files["providers-override.tf"]).toBe("# the team's own file, beside the generated ones\n");
    expect(Object.keys(JSON.parse(files[MANIFEST_FILE]!).files)).not.toContain("providers-override.tf");
    expect(files["backend.tf"]).toContain("use_lockfile = true");
  });

  it("pipeline files name the output folder by its path in the repository", () => {
    const workflow = parse(text(out, "ci/github-actions.yml"));
    expect(workflow.jobs["drift-check"].steps.map((s: { run?: string }) => s.run).filter(Boolean)[0]).toBe(
      `npx --yes "\${TRAILWRIGHT_PACKAGE:-trailwright@${packageVersion()}}" generate --out ${OUT} --check`,
    );
    expect(parse(text(out, "ci/gitlab-ci.yml"))["trailwright-infra-audit-logging-validate"].script[0]).toBe(`cd "${OUT}"`);
  });

  it("--check with only --out reads the folder's trailwright.json: exit 0, from the root or a subfolder, writing nothing", async () => {
    const before = identities(out);
    const fromRoot = await trailwright(repo, "generate", "--out", OUT, "--check");
    expect(fromRoot).toMatchObject({ code: 0, err: "" });
    expect(fromRoot.out).toContain("is up to date");
    // Run from infra/: the pipeline files still name infra/audit-logging, so nothing drifted.
    expect((await trailwright(join(repo, "infra"), "generate", "--out", "audit-logging", "--check")).code).toBe(0);
    expect(identities(out)).toEqual(before);
  });

  it("regenerating the same answers changes nothing on disk", async () => {
    const before = identities(out);
    const again = await trailwright(repo, "generate", "--out", OUT);
    expect(again.code).toBe(0);
    expect(again.out).toContain("up to date");
    expect(identities(out)).toEqual(before);
  });

  it("a hand edit: --check exits 4 with a diff, generate exits 3 naming it and keeps it, --dry-run shows it, --force restores", async () => {
    const generated = text(out, "trail.tf");
    const edited = generated.replace('resource "aws_cloudtrail" "trail_main" {\n', '$&  # edited by hand\n');
    expect(edited).not.toBe(generated);
    writeFileSync(join(out, "trail.tf"), edited);

    const check = await trailwright(repo, "generate", "--out", OUT, "--check");
    expect(check.code).toBe(4);
    expect(check.err).toContain("trail.tf: edited by hand");
    expect(check.err).toContain("-  # edited by hand");
    expect(check.err).toContain(`trailwright: 1 file differs between ${OUT} and a fresh generation: trail.tf (edited)`);

    const refused = await trailwright(repo, "generate", "--out", OUT);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("trail.tf (edited by hand");
    expect(text(out, "trail.tf")).toBe(edited);

    const before = identities(out);
    const dryRun = await trailwright(repo, "generate", "--out", OUT, "--dry-run");
    expect(dryRun.code).toBe(3);
    expect(dryRun.out).toMatch(/conflict\s+trail\.tf/);
    expect(dryRun.out).toMatch(/unchanged\s+versions\.tf/);
    expect(identities(out)).toEqual(before);

    const forced = await trailwright(repo, "generate", "--out", OUT, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/update\s+trail\.tf\s+\(edited by hand; --force\)/);
    expect(text(out, "trail.tf")).toBe(generated);
    expect((await trailwright(repo, "generate", "--out", OUT, "--check")).code).toBe(0);
  });

  it("trailwright.json edited by hand is the answers: regenerating from it rewrites it; regenerating from a preset refuses", async () => {
    const saved = JSON.parse(text(out, "trailwright.json"));
    // A person's edit: a changed answer, in their own layout (keys unsorted, 4-space indent).
    const changed = { ...saved, retention: { ...saved.retention, hotDays: 400 } };
    const reordered = Object.fromEntries(Object.keys(changed).reverse().map((key) => [key, changed[key]]));
    const edited = JSON.stringify(reordered, null, 4);
    writeFileSync(join(out, "trailwright.json"), edited);

    const fromPreset = await trailwright(repo, "generate", ...ANSWERS, "--out", OUT);
    expect(fromPreset.code).toBe(3);
    expect(text(out, "trailwright.json")).toBe(edited);

    const fromFolder = await trailwright(repo, "generate", "--out", OUT);
    expect(fromFolder.code).toBe(0);
    expect(fromFolder.out).toMatch(/update\s+trailwright\.json\s+\(your edits were read as the answers/);
    expect(fromFolder.out).toMatch(/update\s+trail\.tf$/m);
    expect(JSON.parse(text(out, "trailwright.json")).retention.hotDays).toBe(400);
    expect(text(out, "trail.tf")).toContain("retention_in_days = 400");
    expect((await trailwright(repo, "generate", "--out", OUT, "--check")).code).toBe(0);
  });

  it("refuses an --out that is a user's file, and a generated path taken by a user's file", async () => {
    put(repo, "notes.txt", "not a folder\n");
    const onFile = await trailwright(repo, "generate", ...ANSWERS, "--out", "notes.txt");
    expect(onFile.code).toBe(3);
    expect(onFile.err).toContain("is an existing file, not a folder");

    const other = join(repo, "other");
    put(other, "ci/README.md", "# our own CI notes\n");
    const collision = await trailwright(repo, "generate", ...ANSWERS, "--out", "other");
    expect(collision.code).toBe(3);
    expect(collision.err).toContain("ci/README.md (not generated by trailwright)");
    expect(tree(other)).toEqual({ ci: "<dir>", "ci/README.md": "# our own CI notes\n" });
  });
});

describe("--format is an answer saved with the others", () => {
  it("a JSON estate passes --check without repeating --format", async () => {
    const repo = fileFolder();
    const generated = await trailwright(repo, "generate", ...ANSWERS.slice(0, 6), "--format", "json", "--out", "estate");
    expect(generated.code).toBe(0);
    expect(JSON.parse(text(join(repo, "estate"), "trailwright.json")).output.format).toBe("json");
    const check = await trailwright(repo, "generate", "--out", "estate", "--check");
    expect(check).toMatchObject({ code: 0, err: "" });
  });
});

describe("an estate generated as one main.tf (trailwright before the split by concern)", () => {
  it("--check reports main.tf as no longer generated; a regeneration removes it and records the new files", async () => {
    const repo = fileFolder();
    const first = await trailwright(repo, "generate", ...ANSWERS.slice(0, 6), "--out", "estate");
    expect(first.code).toBe(0);
    const estate = join(repo, "estate");
    // What an earlier version left: a main.tf it generated, listed in its manifest.
    const oldMain = "# resources, as the previous trailwright wrote them\n";
    put(estate, "main.tf", oldMain);
    const manifest = JSON.parse(text(estate, MANIFEST_FILE));
    manifest.files["main.tf"] = createHash("sha256").update(oldMain).digest("hex");
    put(estate, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);

    const check = await trailwright(repo, "generate", "--out", "estate", "--check");
    expect(check.code).toBe(4);
    expect(check.err).toContain("main.tf: no longer generated: a regeneration would remove it");

    const again = await trailwright(repo, "generate", "--out", "estate");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/remove\s+main\.tf/);
    expect(Object.keys(tree(estate))).not.toContain("main.tf");
    expect(Object.keys(JSON.parse(text(estate, MANIFEST_FILE)).files)).toEqual(expect.arrayContaining(["keys.tf", "trail.tf", "versions.tf"]));
    expect((await trailwright(repo, "generate", "--out", "estate", "--check")).code).toBe(0);
  });
});
