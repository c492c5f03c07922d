// Usage text, kept beside the parser it documents.
const MAIN = `trailwright: scaffold a compliant AWS audit-logging estate as Terraform

Usage:
  trailwright init [--preset ID] [--config FILE] [--out DIR] [--yes] [--set path=value ...]
                   [--format hcl|json] [--as root|module] [--force] [--dry-run]
  trailwright generate [--config trailwright.json | --preset ID] [--out DIR] [--set path=value ...]
                       [--check] [--format hcl|json] [--as root|module] [--force] [--dry-run]
  trailwright presets [list | show ID]

Commands:
  init       ask the questions (or take --preset/--config with --yes) and write the estate
  generate   write the estate from a preset or config without asking anything (CI)
  presets    list the presets, or explain one in plain words with each number's source

Exit codes: 0 ok, 1 internal error, 2 bad usage or config, 3 conflict with files on disk,
4 drift found by --check, 130 cancelled.`;

const TOPICS: Readonly<Record<string, string>> = {
  generate: `trailwright generate: write the estate without asking anything

  --preset ID         start from a preset (uk-smb, uk-bank, uk-healthcare)
  --config FILE       read answers from a trailwright.json (default: DIR/trailwright.json if present)
  --set path=value    override one answer, e.g. --set accounts.management=123456789012 (repeatable)
  --out DIR           output folder (default: audit-logging)
  --format hcl|json   Terraform as HCL (default) or .tf.json
  --as root|module    a complete root module with its own providers (default), or a child
                      module for a repo that already has Terraform: no provider or backend
                      blocks, called from your root module (README.md shows how)
  --check             compare with the files on disk; exit 4 when they differ (CI drift check)
  --force             overwrite generated files that were edited by hand
  --dry-run           print what would change and write nothing`,
  init: `trailwright init: the interactive wizard

  Asks for jurisdiction, industry, frameworks, topology, accounts, regions, retention,
  deletion protection, alert emails and optional features, shows a summary, and writes
  only after you confirm. Answers given by --preset, --config or --set are not asked again.

  --yes               accept defaults and ask nothing (needs every required answer)
  plus the flags of \`trailwright generate\` (--preset, --config, --set, --out, --format, --as, --force, --dry-run)`,
  presets: `trailwright presets: list presets, or explain one

  trailwright presets list
  trailwright presets show uk-bank`,
};

export function helpText(topic: string | undefined): string {
  return (topic && TOPICS[topic]) || MAIN;
}
