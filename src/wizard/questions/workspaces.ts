// Amazon WorkSpaces user activity monitoring: one question decides whether
// WorkSpaces run; the rest are asked only when they do. A "no" is recorded
// (workspaces.enabled=false) so it is not asked again. Asked only in a
// terminal: without one the part stays off unless --set turns it on.
import { WORKSPACES_IDENTITY_SOURCES } from "../../config/schema.js";
import { DEFAULT_BUSINESS_HOURS } from "../../plan/workspaces.js";
import { valueAt, type Draft } from "../draft.js";
import { checkEach, checkField } from "../field-checks.js";
import type { ConfirmQuestion, InputQuestion, ListQuestion, SelectQuestion } from "../question.js";

const on = (draft: Draft) => valueAt(draft, "workspaces.enabled") === true;
const answered = (id: string) => (draft: Draft) => valueAt(draft, id) !== undefined;

export const enabled: ConfirmQuestion = {
  id: "workspaces.enabled",
  kind: "confirm",
  example: "true",
  interactiveOnly: true,
  message: () => "Do your users work on Amazon WorkSpaces (virtual desktops)?",
  explain: () =>
    "If they do, the estate can record each successful WorkSpaces login (client IP, client, time), alarm on access-policy, network and image changes, on logins from outside your networks and after hours, and add an executive dashboard. AWS records no failed WorkSpaces logins itself; where they can be seen depends on the identity source.",
  defaultValue: () => false,
};

export const identitySource: SelectQuestion = {
  id: "workspaces.identitySource",
  kind: "select",
  example: "identity-center",
  applies: on,
  message: () => "Where do WorkSpaces users sign in?",
  explain: () => "This decides where failed sign-ins can be seen: only AWS Managed Microsoft AD and IAM Identity Center record them in AWS.",
  choices: () =>
    WORKSPACES_IDENTITY_SOURCES.map((value) => ({
      value,
      name: {
        "managed-ad": "AWS Managed Microsoft AD",
        "ad-connector": "AD Connector to an on-premises directory",
        "simple-ad": "Simple AD",
        "identity-center": "IAM Identity Center",
        saml: "A SAML 2.0 identity provider",
      }[value],
      description: {
        "managed-ad": "failed logons forwarded from the directory's security log",
        "ad-connector": "failed logons stay in your domain controllers' logs",
        "simple-ad": "failed logons are not recorded anywhere AWS exposes",
        "identity-center": "failed sign-ins recorded in CloudTrail",
        saml: "failed sign-ins stay in your identity provider's logs",
      }[value],
    })),
  defaultValue: () => undefined,
};

export const accounts: ListQuestion = {
  id: "workspaces.accounts",
  kind: "list",
  example: "444444444444",
  applies: (draft) => on(draft) && valueAt(draft, "topology") === "organization",
  message: () => "Accounts that run WorkSpaces (comma-separated ids)",
  explain: () => "Login events arrive in each WorkSpaces account's own region, so the rule, log group, alarms and dashboard are deployed there.",
  defaultValue: () => undefined,
  validate: (ids) => checkEach("workspaces.accounts", ids, "account id"),
};

export const regions: ListQuestion = {
  id: "workspaces.regions",
  kind: "list",
  example: "eu-west-2",
  applies: on,
  message: () => "Regions those accounts run WorkSpaces in (comma-separated)",
  defaultValue: (draft) => [String(valueAt(draft, "homeRegion") ?? "eu-west-2")],
  implied: (draft) => {
    const allowed = valueAt(draft, "allowedRegions");
    const home = valueAt(draft, "homeRegion");
    const only = Array.isArray(allowed) ? (allowed.length === 1 ? allowed[0] : undefined) : home;
    return typeof only === "string" ? { value: [only], note: `WorkSpaces regions: ${only} (the only region the estate allows).` } : undefined;
  },
  validate: (list) => (list.length === 0 ? "give at least one region" : true),
};

export const directories: ListQuestion = {
  id: "workspaces.directories",
  kind: "list",
  example: "d-1234567890",
  applies: (draft) => on(draft) && valueAt(draft, "workspaces.identitySource") === "managed-ad",
  message: () => "AWS Managed Microsoft AD directory ids whose security logs to forward (comma-separated)",
  explain: () =>
    "Failed logons are visible only in the directory's security log, which Directory Service can forward to CloudWatch Logs. With WorkSpaces in several accounts or regions, give each directory's account and region in trailwright.json.",
  defaultValue: () => undefined,
  validate: (ids) => {
    if (ids.length === 0) return "give at least one directory id";
    const bad = ids.find((id) => !/^d-[0-9a-f]{10}$/.test(id));
    return bad === undefined ? true : `${JSON.stringify(bad)} is not valid: expected a directory id like d-1234567890`;
  },
  apply: (ids) => ({ patches: [{ id: "workspaces.directories", value: ids.map((id) => ({ id })) }] }),
  isAnswered: answered("workspaces.directories"),
};

export const allowedNetworks: ListQuestion = {
  id: "workspaces.allowedNetworks",
  kind: "list",
  example: "203.0.113.0/24",
  applies: on,
  message: () => "Public networks users connect from, as /8, /16, /24 or /32 prefixes (comma-separated; empty for none)",
  explain: () =>
    "Logins from anywhere else raise a critical alarm. Give your office NAT and VPN egress addresses. Metric filters match only whole octets, so a /23 must be given as two /24s.",
  defaultValue: () => [],
  validate: (prefixes) => {
    for (const prefix of prefixes) {
      const verdict = checkField("workspaces.allowedNetworks", prefix);
      if (verdict !== true) return verdict;
    }
    return true;
  },
  isAnswered: answered("workspaces.allowedNetworks"),
};

export const timeZone: InputQuestion = {
  id: "workspaces.businessHours.timeZone",
  kind: "input",
  example: "Europe/London",
  applies: on,
  message: () => "Time zone of your business hours",
  defaultValue: () => DEFAULT_BUSINESS_HOURS.timeZone,
  validate: (zone) => {
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: zone });
      return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) ? true : `"${zone}" is not an IANA time zone name like Europe/London`;
    } catch {
      return `"${zone}" is not an IANA time zone name like Europe/London`;
    }
  },
};

export const hours: InputQuestion = {
  id: "workspaces.businessHours.start",
  kind: "input",
  example: "07:00-19:00",
  applies: on,
  message: () => "Business hours on weekdays (start-end, 24-hour); logins outside them alarm",
  defaultValue: () => `${DEFAULT_BUSINESS_HOURS.start}-${DEFAULT_BUSINESS_HOURS.end}`,
  validate: (text) => {
    const m = /^(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/.exec(text);
    if (!m) return `"${text}" is not valid: expected start-end like 07:00-19:00`;
    for (const clock of [m[1]!, m[2]!]) {
      const verdict = checkField("workspaces.businessHours.start", clock);
      if (verdict !== true) return verdict;
    }
    return m[1]! < m[2]! ? true : `the end (${m[2]}) must be after the start (${m[1]})`;
  },
  apply: (text) => {
    const [start, end] = text.split("-").map((s) => s.trim()) as [string, string];
    return { patches: [{ id: "workspaces.businessHours.start", value: start }, { id: "workspaces.businessHours.end", value: end }] };
  },
  // The answer is stored as two fields; a given start (--set, a saved file) settles it, and the schema checks its syntax.
  isAnswered: answered("workspaces.businessHours.start"),
};
