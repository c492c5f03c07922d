// Bad input, one row each: exit 2, one short message on stderr that names the
// field (or flag), the rejected value, what is allowed and what to do, no stack
// trace, nothing on stdout, and nothing written: the working folder is
// byte-for-byte what it was (so the output folder was never created), and a
// folder generated earlier is left exactly as it was.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PRESET_SETS } from "../helpers/preset-answers.js";
import { runCli, STACK_FRAME, tempFolder, treeOf } from "./cli-harness.js";

interface BadInput {
  readonly name: string;
  readonly argv: readonly string[];
  /** Files written into the working folder before the run (config files under test). */
  readonly files?: Readonly<Record<string, string>>;
  /** The field, flag or file the message must name. */
  readonly field: string;
  /** The rejected value as the message shows it. */
  readonly value: string | RegExp;
  /** What is allowed instead. */
  readonly allowed: RegExp;
  /** What to do about it. */
  readonly todo: RegExp;
  /** False when an earlier generation in --out would itself answer the command (so the row is no longer bad input). */
  readonly withPriorOutput?: false;
}

const sets = (list: readonly string[]) => list.flatMap((s) => ["--set", s]);
const SMB = ["generate", "--preset", "uk-smb", ...sets(PRESET_SETS["uk-smb"])];
const BANK = ["generate", "--preset", "uk-bank", ...sets(PRESET_SETS["uk-bank"])];
const smbFile = (extra: Record<string, unknown>) =>
  JSON.stringify({ preset: "uk-smb", accounts: { management: "111111111111" }, alerts: { emails: ["secops@example.com"] }, ...extra });

const BAD_INPUTS: readonly BadInput[] = [
  {
    name: "unknown preset",
    argv: ["generate", "--preset", "uk-nope"],
    field: "preset",
    value: '"uk-nope"',
    allowed: /uk-bank, uk-healthcare, uk-smb/,
    todo: /choose one of/,
  },
  {
    name: "malformed config file (trailing comma)",
    argv: ["generate", "--config", "bad.json"],
    files: { "bad.json": '{ "preset": "uk-smb", }' },
    field: "bad.json",
    value: /is not valid JSON: .*position \d+/,
    allowed: /JSON/,
    todo: /fix the JSON syntax/,
  },
  {
    name: "missing config file",
    argv: ["generate", "--config", "missing.json"],
    field: "missing.json",
    value: "no such file",
    allowed: /an existing trailwright\.json/,
    todo: /pass an existing trailwright\.json with --config, or use --preset ID/,
  },
  {
    name: "unknown config key in the config file",
    argv: ["generate", "--config", "typo.json"],
    files: { "typo.json": smbFile({ retension: { archiveDays: 400 } }) },
    field: "typo.json",
    value: '"retension"',
    allowed: /use one of: .*\bretention\b/,
    todo: /remove it/,
  },
  {
    name: "unknown config key in --set",
    argv: [...SMB, "--set", "retention.archiveDayz=400"],
    field: "--set retention.archiveDayz",
    value: '"retention.archiveDayz"',
    allowed: /archiveDays, hotDays, immediateDays/,
    todo: /keys allowed under retention/,
  },
  {
    name: "invalid region",
    argv: [...SMB, "--set", "homeRegion=eu-west-9"],
    field: "homeRegion",
    value: '"eu-west-9"',
    allowed: /is not an AWS region/,
    todo: /use a region code such as eu-west-2/,
  },
  {
    name: "residency on, UK home region outside eu-west-2",
    argv: [...SMB, "--set", "homeRegion=eu-west-1"],
    field: "homeRegion",
    value: '"eu-west-1"',
    allowed: /outside the United Kingdom, and residency is on/,
    todo: /set homeRegion to eu-west-2, or residency=false/,
  },
  {
    name: "residency on, an allowed region outside the UK (config file)",
    argv: ["generate", "--config", "regions.json"],
    files: { "regions.json": smbFile({ allowedRegions: ["eu-west-2", "us-east-1"] }) },
    field: "allowedRegions",
    value: "us-east-1",
    allowed: /allow only eu-west-2/,
    todo: /or set residency=false/,
  },
  {
    name: "archive retention below FCA SYSC 9's minimum",
    argv: [...BANK, "--set", "retention.archiveDays=1000"],
    field: "retention.archiveDays",
    value: "1000 days",
    allowed: /below the 1827-day minimum of FCA SYSC 9/,
    todo: /set retention.archiveDays to at least 1827, or deselect fca-sysc-9/,
  },
  {
    name: "searchable retention below NCSC CAF's minimum",
    argv: [...SMB, "--set", "retention.hotDays=90"],
    field: "retention.hotDays",
    value: "90 days",
    allowed: /below the 365-day minimum/,
    todo: /set retention.hotDays to at least 365/,
  },
  {
    name: "searchable retention beyond CloudWatch Logs' longest",
    argv: [...SMB, "--set", "retention.hotDays=4000"],
    field: "retention.hotDays",
    value: "4000 days",
    allowed: /longest retention of 3653 days/,
    todo: /set retention.hotDays to at most 3653/,
  },
  {
    name: "malformed account id",
    argv: [...SMB, "--set", "accounts.management=12345"],
    field: "accounts.management",
    value: '"12345"',
    allowed: /exactly 12 digits/,
    todo: /--set accounts.management=123456789012/,
  },
  {
    name: "malformed organization id",
    argv: [...BANK, "--set", "organizationId=org-123"],
    field: "organizationId",
    value: '"org-123"',
    allowed: /an organization id like o-a1b2c3d4e5/,
    todo: /--set organizationId=o-a1b2c3d4e5/,
  },
  {
    name: "malformed email",
    argv: [...SMB, "--set", "alerts.emails=not-an-email"],
    field: "alerts.emails",
    value: '"not-an-email"',
    allowed: /an email address like secops@example.com/,
    todo: /--set alerts.emails=secops@example.com/,
  },
  {
    name: "MFA delete together with lifecycle on the archive bucket",
    argv: [...SMB, "--set", "storage.mfaDelete=true"],
    field: "storage.mfaDelete",
    value: /MFA delete and lifecycle rules cannot both be on/,
    allowed: /S3 does not support lifecycle configuration on an MFA-delete bucket/,
    todo: /set storage.mfaDelete=false, or set storage.lifecycle=false/,
  },
  {
    name: "Object Lock days longer than the archive expiry",
    argv: [...SMB, "--set", "storage.objectLock.days=400"],
    field: "storage.objectLock.days",
    value: "400 days",
    allowed: /outlasts the archive expiry of 365 days/,
    todo: /set storage.objectLock.days to at most 365, or raise retention.archiveDays/,
  },
  {
    name: "Object Lock off under a framework that requires immutable logs",
    argv: [...BANK, "--set", "storage.objectLock.mode=off", "--set", "storage.objectLock.days="],
    field: "storage.objectLock.mode",
    value: "is off",
    allowed: /requires logs that cannot be altered or deleted/,
    todo: /set storage.objectLock.mode to GOVERNANCE or COMPLIANCE/,
  },
  {
    name: "value of the wrong type",
    argv: [...SMB, "--set", "retention.archiveDays=abc"],
    field: "retention.archiveDays",
    value: '"abc"',
    allowed: /should be a number/,
    todo: /--set retention.archiveDays=/,
  },
  {
    name: "value outside an enumeration",
    argv: [...SMB, "--set", "topology=galaxy"],
    field: "topology",
    value: '"galaxy"',
    allowed: /expected one of "single-account", "organization"/,
    todo: /--set topology=single-account/,
  },
  {
    name: "Control Tower without an organization",
    argv: [...SMB, "--set", "controlTower=true"],
    field: "controlTower",
    value: /Control Tower implies an organization/,
    allowed: /topology=organization/,
    todo: /set topology=organization, or controlTower=false/,
  },
  {
    name: "log archive account equal to the management account",
    argv: [...BANK, "--set", "accounts.logArchive=111111111111"],
    field: "accounts.logArchive",
    value: /is the management account/,
    allowed: /separate log-archive account/,
    todo: /give a different account, or use topology=single-account/,
  },
  {
    name: "named data events without bucket names",
    argv: ["generate", "--preset", "uk-healthcare", ...sets(PRESET_SETS["uk-bank"])],
    field: "dataEvents.s3Buckets",
    value: "is empty",
    allowed: /dataEvents.s3 is "named"/,
    todo: /--set dataEvents.s3Buckets=patient-records-prod,imaging-prod, or set dataEvents.s3=all/,
  },
  {
    name: "unknown flag",
    argv: [...SMB, "--frobnicate"],
    field: "generate",
    value: "'--frobnicate'",
    allowed: /Unknown option/,
    todo: /run `trailwright generate --help` for the flags it takes/,
  },
  {
    name: "unknown --format",
    argv: [...SMB, "--format", "yaml"],
    field: "--format",
    value: '"yaml"',
    allowed: /--format hcl \(default\) or --format json/,
    todo: /use --format hcl/,
  },
  {
    name: "--set without a value",
    argv: [...SMB, "--set", "retention.archiveDays"],
    field: "--set",
    value: '"retention.archiveDays"',
    allowed: /not of the form path=value/,
    todo: /for example --set retention.archiveDays=2557/,
  },
  {
    name: "--preset and --config together",
    argv: ["generate", "--preset", "uk-smb", "--config", "trailwright.json"],
    field: "--preset and --config",
    value: /cannot be used together/,
    allowed: /"preset": "<id>"/,
    todo: /put `"preset": "<id>"` inside the config file instead/,
  },
  {
    name: "generate with no answers at all",
    argv: ["generate"],
    field: "generate",
    value: /none of --preset, --config, .*or a trailwright.json/,
    allowed: /--preset ID .*--config FILE/,
    todo: /use --preset ID/,
    withPriorOutput: false,
  },
  {
    name: "unknown command",
    argv: ["frob"],
    field: "command",
    value: '"frob"',
    allowed: /commands: init, generate, presets/,
    todo: /run `trailwright --help`/,
  },
  {
    name: "init with no terminal and no answers",
    argv: ["init"],
    field: "accounts.management",
    value: /missing answers: accounts.management, alerts.emails/,
    allowed: /--set accounts.management=123456789012 --set alerts.emails=you@example.com/,
    todo: /pass them with .* or run in a terminal/,
  },
  {
    name: "init --yes with a preset but without the organisation's answers",
    argv: ["init", "--preset", "uk-smb", "--yes"],
    field: "alerts.emails",
    value: /missing answers: accounts.management, alerts.emails/,
    allowed: /these have no default/,
    todo: /pass them with --set accounts.management=123456789012/,
  },
  {
    name: "init with every required answer but no terminal to confirm the defaults",
    argv: ["init", "--preset", "uk-smb", ...sets(PRESET_SETS["uk-smb"])],
    field: "output folder",
    value: /no terminal to ask: output.format, output folder/,
    allowed: /--out audit-logging/,
    todo: /add --yes to accept the defaults/,
  },
  {
    name: "WorkSpaces allowed network off an octet boundary",
    argv: [...SMB, ...sets(["workspaces.enabled=true", "workspaces.identitySource=saml", "workspaces.allowedNetworks=203.0.113.0/23"])],
    field: "workspaces.allowedNetworks[0]",
    value: '"203.0.113.0/23"',
    allowed: /\/8, \/16, \/24 or \/32/,
    todo: /--set workspaces\.allowedNetworks=/,
  },
  {
    name: "WorkSpaces on without an identity source",
    argv: [...SMB, ...sets(["workspaces.enabled=true"])],
    field: "workspaces.identitySource",
    value: "is required",
    allowed: /managed-ad, ad-connector, simple-ad, identity-center or saml/,
    todo: /set workspaces\.identitySource to/,
  },
  {
    name: "WorkSpaces business hours in an unknown time zone",
    argv: [...SMB, ...sets(["workspaces.enabled=true", "workspaces.identitySource=saml", "workspaces.businessHours.timeZone=Europe/Lundon"])],
    field: "workspaces.businessHours.timeZone",
    value: '"Europe/Lundon"',
    allowed: /IANA time zone/,
    todo: /Europe\/London/,
  },
];

const MAX_LINE = 400;

function expectOneShortMessage(err: readonly string[], row: BadInput): void {
  expect(err.length, err.join("\n")).toBeGreaterThanOrEqual(1);
  expect(err.length, err.join("\n")).toBeLessThanOrEqual(2);
  expect(err[0]).toMatch(/^trailwright: /);
  if (err[1] !== undefined) expect(err[1]).toMatch(/^ {2}\S/);
  for (const line of err) expect(line.length, line).toBeLessThanOrEqual(MAX_LINE);
  const text = err.join("\n");
  expect(text).not.toMatch(STACK_FRAME);
  expect(text).toContain(row.field);
  if (typeof row.value === "string") expect(text).toContain(row.value);
  else expect(text).toMatch(row.value);
  expect(text).toMatch(row.allowed);
  expect(text).toMatch(row.todo);
}

function writeFiles(cwd: string, files: Readonly<Record<string, string>> = {}): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
}

describe("bad input: exit 2, one short message, nothing written", () => {
  it.each(BAD_INPUTS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const cwd = tempFolder();
    writeFiles(cwd, row.files);
    const before = treeOf(cwd);
    const result = await runCli(row.argv, cwd);
    expect(result.code, result.err.join("\n")).toBe(2);
    expect(result.out).toEqual([]);
    expectOneShortMessage(result.err, row);
    expect(treeOf(cwd)).toEqual(before);
  });
});

describe("bad input leaves an earlier generation exactly as it was", () => {
  const cwd = tempFolder();
  const rows = BAD_INPUTS.filter((row) => row.withPriorOutput !== false && (row.argv[0] === "generate" || row.argv[0] === "init"));

  beforeAll(async () => {
    const first = await runCli([...SMB, "--out", "prior"], cwd);
    expect(first.code, first.err.join("\n")).toBe(0);
  });

  it("has a generated folder to protect", () => {
    expect(Object.keys(treeOf(join(cwd, "prior")))).toEqual(expect.arrayContaining(["trail.tf", "trailwright.json"]));
  });

  it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    writeFiles(cwd, row.files);
    const before = treeOf(cwd);
    const result = await runCli([...row.argv, "--out", "prior"], cwd);
    expect(result.code, result.err.join("\n")).toBe(2);
    expect(result.err.join("\n")).not.toMatch(STACK_FRAME);
    expect(treeOf(cwd)).toEqual(before);
  });
});
