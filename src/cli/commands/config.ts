// `trailwright config keys` and `trailwright config schema`: the reference for
// trailwright.json, generated from its schema.
import { configKeys, renderConfigKeys } from "../../config/config-keys.js";
import { configJsonSchema } from "../../config/json-schema.js";
import type { Io } from "../io.js";
import { jsonText } from "../json-output.js";

export function configKeysCommand(io: Io, json: boolean): number {
  const keys = configKeys();
  io.out(json ? jsonText({ command: "config keys", ok: true, keys }) : renderConfigKeys(keys));
  return 0;
}

export function configSchemaCommand(io: Io): number {
  io.out(jsonText(configJsonSchema()));
  return 0;
}
