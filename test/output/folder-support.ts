// Temp folders and whole-tree snapshots for the writer tests.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, afterEach } from "vitest";

const perTest: string[] = [];
const perFile: string[] = [];

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "trailwright-writer-"));
  perTest.push(dir);
  return dir;
}

/** A fresh temp folder shared by the tests of a file (create it in beforeAll), removed after them all. */
export function fileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "trailwright-writer-"));
  perFile.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of perTest.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  for (const dir of perFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function put(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function text(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

/** Every file and folder under `root` (hidden ones included), path -> content ("<dir>" for folders, "<link>" for symlinks). */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(root, path).split("\\").join("/");
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) out[key] = "<link>";
      else if (stats.isDirectory()) {
        out[key] = "<dir>";
        walk(path);
      } else out[key] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return out;
}

/** Identity of every file: inode and modification time, which a rewrite (even of equal bytes) changes. */
export function identities(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) walk(path);
      else out[relative(root, path)] = `${stats.ino}:${stats.mtimeMs}`;
    }
  };
  walk(root);
  return out;
}
