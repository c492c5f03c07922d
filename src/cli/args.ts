// argv -> a typed command. node:util parseArgs in strict mode rejects unknown
// flags; every rejection becomes a UsageError that names the flag.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../model/errors.js";
import { didYouMean } from "./did-you-mean.js";

export const DEFAULT_OUT_DIR = "audit-logging";

export interface GenerateOptions {
  readonly preset: string | undefined;
  readonly config: string | undefined;
  readonly out: string;
  readonly outGiven: boolean;
  readonly sets: readonly string[];
  readonly check: boolean;
  readonly format: "hcl" | "json" | undefined;
  /** --as: a complete root module (default) or a child module an existing root calls. */
  readonly as: "root" | "module" | undefined;
  readonly force: boolean;
  readonly dryRun: boolean;
  /** --json (generate only): one JSON document on stdout instead of the human report. */
  readonly json?: boolean;
}

export interface InitOptions extends GenerateOptions {
  readonly yes: boolean;
}

export interface QueryOptions {
  /** What to run: the catalog listing, one check by id, or the user's own SQL. */
  readonly what: { readonly kind: "list" } | { readonly kind: "check"; readonly id: string } | { readonly kind: "sql"; readonly sql: string };
  readonly logs: string | undefined;
  /** YYYY-MM-DD or an ISO instant ending in Z; checked here, turned into a window by src/query. */
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly format: "table" | "json" | "csv";
}

export type Command =
  | { readonly kind: "generate"; readonly options: GenerateOptions }
  | { readonly kind: "query"; readonly options: QueryOptions }
  | { readonly kind: "init"; readonly options: InitOptions }
  | { readonly kind: "presets-list"; readonly json: boolean }
  | { readonly kind: "presets-show"; readonly id: string; readonly json: boolean }
  | { readonly kind: "config-keys"; readonly json: boolean }
  | { readonly kind: "config-schema" }
  | { readonly kind: "help"; readonly topic: string | undefined }
  | { readonly kind: "version" };

const SHARED = {
  preset: { type: "string" },
  config: { type: "string" },
  out: { type: "string" },
  set: { type: "string", multiple: true },
  format: { type: "string" },
  as: { type: "string" },
  force: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export const COMMANDS = ["init", "generate", "presets", "config", "query", "help", "version"] as const;
const PRESETS_SUBCOMMANDS = ["list", "show"] as const;
const CONFIG_SUBCOMMANDS = ["keys", "schema"] as const;

/** The flag a parseArgs message names as unknown ("Unknown option '--chek'"), if that is the problem. */
function unknownFlag(message: string): string | undefined {
  return /^Unknown option '(-{1,2}[^'=]+)/.exec(message)?.[1];
}

function parse<T extends ParseArgsConfig["options"]>(command: string, args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]!.replace(/\. To specify a positional argument.*$/, "");
    const flag = unknownFlag(message);
    const suggestion = flag ? didYouMean(flag.replace(/^-+/, ""), Object.keys(options ?? {}), (name) => `--${name}`) : "";
    throw new UsageError(`${command}: ${message}${suggestion}`, `run \`trailwright ${command} --help\` for the flags it takes`);
  }
}

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

function formatFlag(value: string | undefined): "hcl" | "json" | undefined {
  if (value === undefined || value === "hcl" || value === "json") return value;
  throw new UsageError(`--format "${value}" is not a format trailwright writes`, "use --format hcl (default) or --format json");
}

function asFlag(value: string | undefined): "root" | "module" | undefined {
  if (value === undefined || value === "root" || value === "module") return value;
  throw new UsageError(
    `--as "${value}" is not a kind of Terraform module trailwright writes`,
    "use --as root (default: a complete root module) or --as module (a child module your root module calls)",
  );
}

function generateOptions(values: Record<string, unknown>): GenerateOptions {
  if (values.preset !== undefined && values.config !== undefined) {
    throw new UsageError("--preset and --config cannot be used together", "put `\"preset\": \"<id>\"` inside the config file instead");
  }
  return {
    preset: values.preset as string | undefined,
    config: values.config as string | undefined,
    out: (values.out as string | undefined) ?? DEFAULT_OUT_DIR,
    outGiven: values.out !== undefined,
    sets: (values.set as string[] | undefined) ?? [],
    check: Boolean(values.check),
    format: formatFlag(values.format as string | undefined),
    as: asFlag(values.as as string | undefined),
    force: Boolean(values.force),
    dryRun: Boolean(values["dry-run"]),
    json: Boolean(values.json),
  };
}

const QUERY_FLAGS = {
  list: { type: "boolean" },
  sql: { type: "string" },
  logs: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  account: { type: "string" },
  region: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/;

function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = value.length === 10 ? `${value}T00:00:00Z` : value;
  // Date.parse accepts 2026-02-30 by rolling over; the round trip refuses it.
  const real = DATE.test(value) && !Number.isNaN(Date.parse(instant)) && new Date(Date.parse(instant)).toISOString().slice(0, 10) === value.slice(0, 10);
  if (!real) throw new UsageError(`${flag} "${value}" is not a date`, `write it as YYYY-MM-DD (a UTC day) or YYYY-MM-DDTHH:MM:SSZ, e.g. ${flag} 2026-12-01`);
  return value;
}

function queryOptions(values: Record<string, unknown>, positionals: readonly string[]): QueryOptions {
  if (positionals.length > 1) throw new UsageError(`query takes one check id (got ${positionals.join(" ")})`, "run `trailwright query --list` for the ids");
  const chosen = [values.list ? "--list" : undefined, positionals[0], values.sql !== undefined ? "--sql" : undefined].filter((x) => x !== undefined);
  if (chosen.length !== 1) {
    throw new UsageError(
      chosen.length === 0 ? "query needs a check id, --sql or --list" : `query takes one of a check id, --sql or --list (got ${chosen.join(" and ")})`,
      "run `trailwright query --list`, then `trailwright query root-usage --logs DIR`",
    );
  }
  const format = (values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json" && format !== "csv") throw new UsageError(`--format "${format}" is not a format query prints`, "use --format table (default), json or csv");
  const what: QueryOptions["what"] = values.list ? { kind: "list" } : values.sql !== undefined ? { kind: "sql", sql: values.sql as string } : { kind: "check", id: positionals[0]! };
  if (what.kind === "sql" && what.sql.trim() === "") throw new UsageError("--sql is empty", 'write a query over cloudtrail_logs, e.g. --sql "SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY 1"');
  const logs = values.logs as string | undefined;
  if (what.kind !== "list" && (logs === undefined || logs === "")) {
    throw new UsageError("query needs --logs DIR, the folder holding the downloaded logs", "download a day with `aws s3 sync s3://BUCKET/AWSLogs/ logs/AWSLogs/ --exclude \"*\" --include \"*/2026/12/01/*\"`, then --logs logs");
  }
  const since = dateFlag("--since", values.since as string | undefined);
  const until = dateFlag("--until", values.until as string | undefined);
  if (since !== undefined && until !== undefined && until < since) throw new UsageError(`--until ${until} is before --since ${since}`, "give the earlier date to --since");
  const account = values.account as string | undefined;
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new UsageError(`--account "${account}" is not an AWS account id`, "expected an AWS account id of exactly 12 digits");
  const region = values.region as string | undefined;
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region "${region}" is not an AWS Region code`, "write it like eu-west-2");
  return { what, logs, since, until, account, region, format };
}

/** Flags of the commands that take a subcommand (presets, config): --json and --help. */
const LISTING = { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const satisfies ParseArgsConfig["options"];

export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { kind: "help", topic: rest[0] };
  if (name === "--version" || name === "-v" || name === "version") return { kind: "version" };
  switch (name) {
    case "generate": {
      const { values } = parse("generate", rest, { ...SHARED, check: { type: "boolean" }, json: { type: "boolean" } });
      if (values.help) return { kind: "help", topic: "generate" };
      return { kind: "generate", options: generateOptions(values) };
    }
    case "init": {
      const { values } = parse("init", rest, { ...SHARED, yes: { type: "boolean", short: "y" } });
      if (values.help) return { kind: "help", topic: "init" };
      return { kind: "init", options: { ...generateOptions(values), yes: Boolean(values.yes) } };
    }
    case "query": {
      let parsed;
      try {
        parsed = parseArgs({ args: rest, options: QUERY_FLAGS, strict: true, allowPositionals: true });
      } catch (error) {
        const message = (error as Error).message.split("\n")[0]!;
        throw new UsageError(`query: ${message}`, "run `trailwright query --help` for the flags it takes");
      }
      if (parsed.values.help) return { kind: "help", topic: "query" };
      return { kind: "query", options: queryOptions(parsed.values, parsed.positionals) };
    }
    case "presets": {
      const { values, positionals } = parse("presets", rest, LISTING, true);
      const [sub, id, ...extra] = positionals;
      const json = Boolean(values.json);
      // `presets --help`, `presets list --help`, `presets show --help`: help wherever it is asked for.
      if (values.help) return { kind: "help", topic: "presets" };
      if (sub === undefined || sub === "list") {
        if (id !== undefined) throw new UsageError(`presets list takes no arguments (got "${id}")`, "run `trailwright presets list`");
        return { kind: "presets-list", json };
      }
      if (sub === "show") {
        if (!id) throw new UsageError("presets show needs a preset id", "run `trailwright presets list` to see them, then `trailwright presets show uk-bank`");
        if (extra.length > 0) throw new UsageError(`presets show takes one id (got ${positionals.slice(1).join(" ")})`, "run `trailwright presets show uk-bank`");
        return { kind: "presets-show", id, json };
      }
      throw new UsageError(
        `unknown presets subcommand "${sub}"${didYouMean(sub, PRESETS_SUBCOMMANDS, (name) => `presets ${name}`)}`,
        "use `trailwright presets list` or `trailwright presets show ID`",
      );
    }
    case "config": {
      const { values, positionals } = parse("config", rest, LISTING, true);
      const [sub, ...extra] = positionals;
      if (values.help || sub === undefined) return { kind: "help", topic: "config" };
      if (extra.length > 0) throw new UsageError(`config ${sub} takes no arguments (got ${extra.join(" ")})`, "run `trailwright config keys` or `trailwright config schema`");
      if (sub === "keys") return { kind: "config-keys", json: Boolean(values.json) };
      if (sub === "schema") return { kind: "config-schema" };
      throw new UsageError(
        `unknown config subcommand "${sub}"${didYouMean(sub, CONFIG_SUBCOMMANDS, (name) => `config ${name}`)}`,
        "use `trailwright config keys` (every key of trailwright.json) or `trailwright config schema` (its JSON Schema)",
      );
    }
    default:
      throw new UsageError(
        `unknown command "${name}"${didYouMean(name.replace(/^-+/, ""), COMMANDS, (c) => `trailwright ${c}`)}`,
        "commands: init, generate, presets, config, query (run `trailwright --help`)",
      );
  }
}
