// Dispatch: argv -> command -> exit code. The only layer that sees argv, the
// terminal and exit codes; everything below throws typed errors.
//
// Commands are imported when they run, not up front: `generate` needs cdktf and
// the provider bindings, `init` also inquirer, and `presets` / `--help` neither.
// In the bundled CLI each becomes its own chunk, so a command pays only for the
// modules it uses (see scripts/bundle.mjs).
import { packageVersion } from "../config/package-root.js";
import { parseCommand, type Command } from "./args.js";
import { reportError } from "./exit-codes.js";
import { helpText } from "./help.js";
import type { Io } from "./io.js";
import { exitCodeOf, jsonErrors, jsonText } from "./json-output.js";

async function dispatch(command: Command, io: Io): Promise<number> {
  switch (command.kind) {
    case "help":
      io.out(helpText(command.topic));
      return 0;
    case "version":
      io.out(packageVersion());
      return 0;
    case "presets-list":
      return (await import("./commands/presets.js")).presetsList(io, command.json);
    case "presets-show":
      return (await import("./commands/presets.js")).presetsShow(command.id, io, command.json);
    case "config-keys":
      return (await import("./commands/config.js")).configKeysCommand(io, command.json);
    case "config-schema":
      return (await import("./commands/config.js")).configSchemaCommand(io);
    case "generate":
      return await (await import("./commands/generate.js")).runGenerate(command.options, io);
    case "init":
      return await (await import("./commands/init.js")).runInit(command.options, io);
    case "query":
      return await (await import("./commands/query.js")).runQuery(command.options, io);
  }
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // Asked for JSON: even a bad flag or an invalid config answers with a JSON document.
  const json = argv.includes("--json");
  try {
    return await dispatch(parseCommand(argv), io);
  } catch (error) {
    if (!json) return reportError(error, io);
    const exitCode = exitCodeOf(error);
    io.out(jsonText({ command: argv[0] ?? null, ok: false, exitCode, errors: jsonErrors(error) }));
    return exitCode;
  }
}
