// How and where the estate is written. The folder is a flag (--out), not a config key.
import { DEFAULT_OUT_DIR } from "../../cli/args.js";
import { OUT_ID, valueAt } from "../draft.js";

/** Set on a draft that edits an existing estate (init on a folder holding one). */
export const EDITING = "wizard.editing";
import type { InputQuestion, SelectQuestion } from "../question.js";

export const format: SelectQuestion = {
  id: "output.format",
  kind: "select",
  example: "hcl",
  flag: (value) => `--format ${value}`,
  message: () => "Terraform output format",
  // An edit keeps the format the estate was written in (a trailwright.json without the key means the default, HCL).
  isAnswered: (draft) => valueAt(draft, "output.format") !== undefined || valueAt(draft, EDITING) === true,
  choices: () => [
    { value: "hcl", name: "HCL (.tf)", description: "formatted with terraform fmt when terraform is installed" },
    { value: "json", name: "JSON (.tf.json)" },
  ],
  defaultValue: () => "hcl",
};

export const outDir: InputQuestion = {
  id: OUT_ID,
  kind: "input",
  example: DEFAULT_OUT_DIR,
  flag: (value) => `--out ${value}`,
  message: () => "Output folder",
  defaultValue: () => DEFAULT_OUT_DIR,
  validate: (dir) => (dir.trim() === "" ? "give a folder name" : dir.includes("\0") ? "a folder name cannot contain a NUL character" : true),
};
