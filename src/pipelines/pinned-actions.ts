// Third-party GitHub Actions the generated workflow uses, pinned by full commit
// SHA: a tag can be moved to other code, a commit cannot (GitHub's security
// hardening guide, "Using third-party actions":
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions).
// Each SHA is the commit its release tag points to, read with
// `git rev-parse <tag>^{commit}` in a mirror of the action's repository; the
// version goes beside it in a comment so reviewers and Dependabot can read it.
// To update: change the tag and SHA together, then refresh
// test/fixtures/github-action-inputs.json from the new commit's action.yml.

export interface PinnedAction {
  readonly repository: string;
  readonly version: string;
  readonly sha: string;
}

export const PINNED_ACTIONS = {
  checkout: { repository: "actions/checkout", version: "v7.0.1", sha: "3d3c42e5aac5ba805825da76410c181273ba90b1" },
  setupNode: { repository: "actions/setup-node", version: "v7.0.0", sha: "820762786026740c76f36085b0efc47a31fe5020" },
  setupTerraform: { repository: "hashicorp/setup-terraform", version: "v4.0.1", sha: "dfe3c3f87815947d99a8997f908cb6525fc44e9e" },
  awsCredentials: { repository: "aws-actions/configure-aws-credentials", version: "v6.2.3", sha: "e6de054238d6b7531b4efff3b6587d9aade6a06c" },
  uploadArtifact: { repository: "actions/upload-artifact", version: "v7.0.0", sha: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f" },
  downloadArtifact: { repository: "actions/download-artifact", version: "v8.0.1", sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c" },
} as const satisfies Readonly<Record<string, PinnedAction>>;

/** The text after `uses:`: `owner/repo@<sha> # <version>`. */
export function usesLine(action: PinnedAction): string {
  return `${action.repository}@${action.sha} # ${action.version}`;
}

/** Every pin as its `uses:` text, keyed like PINNED_ACTIONS, for the workflow template. */
export function pinnedUses(): Readonly<Record<keyof typeof PINNED_ACTIONS, string>> {
  return Object.fromEntries(Object.entries(PINNED_ACTIONS).map(([key, action]) => [key, usesLine(action)])) as Record<keyof typeof PINNED_ACTIONS, string>;
}
