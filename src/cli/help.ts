// Usage text, kept beside the parser it documents.
const MAIN = `trailwright: scaffold a compliant AWS audit-logging estate as Terraform

Usage:
  trailwright init [--preset ID] [--config FILE] [--out DIR] [--yes] [--set path=value ...]
                   [--format hcl|json] [--as root|module] [--force] [--dry-run]
  trailwright generate [--config trailwright.json | --preset ID] [--out DIR] [--set path=value ...]
                       [--check] [--format hcl|json] [--as root|module] [--force] [--dry-run] [--json]
  trailwright presets [list | show ID] [--json]
  trailwright config [keys [--json] | schema]
  trailwright query [--list | CHECK | --sql "..."] --logs DIR [--since DATE] [--until DATE]
                    [--account ID] [--region R] [--format table|json|csv]

Commands:
  init       ask the questions (or take --preset/--config with --yes) and write the estate
  generate   write the estate from a preset or config without asking anything (CI)
  presets    list the presets, or explain one in plain words with each number's source
  query      run the review checks (or your SQL) over CloudTrail logs downloaded from the archive
  config     every key of trailwright.json with its type, default and meaning, or its JSON Schema

Run \`trailwright <command> --help\` for a command's flags. Colour is used on a terminal
unless NO_COLOR is set.

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
  --dry-run           print what would change, with a diff of each updated file, and write nothing
  --json              print one JSON document (files and their actions, drift, warnings,
                      errors with field and code) instead of the report; same exit codes
  --help, -h          this help`,
  init: `trailwright init: the interactive wizard

  Asks for jurisdiction, industry, frameworks, topology, accounts, regions, retention,
  deletion protection, alert emails and optional features, shows a summary, and writes
  only after you confirm. Answers given by --preset, --config or --set are not asked again.
  At the summary: write, change any answer (what depends on it is asked again), or stop
  (your answers are kept in .trailwright-init.json; the next init here resumes them).
  With --out DIR on a folder that already holds an estate, init edits it: it starts from
  its trailwright.json and the summary lists what changes before anything is written.

  --yes, -y           accept defaults and ask nothing (needs every required answer)
  --help, -h          this help
  plus the flags of \`trailwright generate\` (--preset, --config, --set, --out, --format, --as, --force, --dry-run)`,
  query: `trailwright query: the review checks over downloaded CloudTrail logs, on DuckDB

  trailwright query --list                     the checks, with severity and what each finds
  trailwright query CHECK --logs DIR           run one check (e.g. daily-review, root-usage)
  trailwright query --sql "SELECT ..." --logs DIR   your own SQL over the view cloudtrail_logs

  --logs DIR          the folder \`aws s3 sync s3://BUCKET/AWSLogs/ DIR/AWSLogs/\` wrote
  --since DATE        first UTC day (YYYY-MM-DD) or instant (YYYY-MM-DDTHH:MM:SSZ)
  --until DATE        last UTC day, included whole (or an instant, excluded)
  --account ID        only this account's logs
  --region R          only this Region's logs
  --format F          table (default), json (one array) or csv

  DuckDB (@duckdb/node-api) is not installed with trailwright; without it, query
  prints the one command that installs it.`,
  presets: `trailwright presets: list presets, or explain one

  trailwright presets list            every preset with its title
  trailwright presets show uk-bank    the plan in plain words, the source of every number, the cost

  --json              print one JSON document (presets, or the preset's answers, resolved plan and cost)
  --help, -h          this help`,
  config: `trailwright config: the reference for trailwright.json

  trailwright config keys             every key with its type, default and meaning
  trailwright config keys --json      the same as one JSON document
  trailwright config schema           the JSON Schema (also in the package as dist/trailwright.schema.json;
                                      every trailwright.json names it in "$schema", so editors complete it)

  --help, -h          this help`,
};

export function helpText(topic: string | undefined): string {
  return (topic && TOPICS[topic]) || MAIN;
}
