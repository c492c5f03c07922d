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
}

export interface InitOptions extends GenerateOptions {
  readonly yes: boolean;
}

export type Command =
  | { readonly kind: "generate"; readonly options: GenerateOptions }
  | { readonly kind: "init"; readonly options: InitOptions }
  | { readonly kind: "presets-list" }
  | { readonly kind: "presets-show"; readonly id: string }
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

export const COMMANDS = ["init", "generate", "presets", "help", "version"] as const;
const PRESETS_SUBCOMMANDS = ["list", "show"] as const;

/** The flag a parseArgs message names as unknown ("Unknown option '--chek'"), if that is the problem. */
function unknownFlag(message: string): string | undefined {
  return /^Unknown option '(-{1,2}[^'=]+)/.exec(message)?.[1];
}

function parse<T extends ParseArgsConfig["options"]>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
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
  };
}

export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { kind: "help", topic: rest[0] };
  if (name === "--version" || name === "-v" || name === "version") return { kind: "version" };
  switch (name) {
    case "generate": {
      const { values } = parse("generate", rest, { ...SHARED, check: { type: "boolean" } });
      if (values.help) return { kind: "help", topic: "generate" };
      return { kind: "generate", options: generateOptions(values) };
    }
    case "init": {
      const { values } = parse("init", rest, { ...SHARED, yes: { type: "boolean", short: "y" } });
      if (values.help) return { kind: "help", topic: "init" };
      return { kind: "init", options: { ...generateOptions(values), yes: Boolean(values.yes) } };
    }
    case "presets": {
      const [sub, id, ...extra] = rest;
      // `presets --help`, `presets list --help`, `presets show --help`: help wherever it is asked for.
      if (rest.some(isHelp)) return { kind: "help", topic: "presets" };
      if (sub === undefined || sub === "list") {
        if (id !== undefined) throw new UsageError(`presets list takes no arguments (got "${id}")`, "run `trailwright presets list`");
        return { kind: "presets-list" };
      }
      if (sub === "show") {
        if (!id) throw new UsageError("presets show needs a preset id", "run `trailwright presets list` to see them, then `trailwright presets show uk-bank`");
        if (extra.length > 0) throw new UsageError(`presets show takes one id (got ${rest.slice(1).join(" ")})`, "run `trailwright presets show uk-bank`");
        return { kind: "presets-show", id };
      }
      throw new UsageError(
        `unknown presets subcommand "${sub}"${didYouMean(sub, PRESETS_SUBCOMMANDS, (name) => `presets ${name}`)}`,
        "use `trailwright presets list` or `trailwright presets show ID`",
      );
    }
    default:
      throw new UsageError(
        `unknown command "${name}"${didYouMean(name.replace(/^-+/, ""), COMMANDS, (c) => `trailwright ${c}`)}`,
        "commands: init, generate, presets (run `trailwright --help`)",
      );
  }
}
