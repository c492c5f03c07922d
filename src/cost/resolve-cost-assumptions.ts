// Config `cost` answers -> the plan's cost assumptions: each user value kept
// with "set in the configuration", each gap filled from the catalog default for
// the topology, industry and data-event selection, with the default's reason.
import {
  DEFAULT_AVERAGE_EVENT_BYTES,
  DEFAULT_DATA_EVENTS_PER_DAY,
  DEFAULT_MANAGEMENT_EVENTS_PER_DAY,
  DEFAULT_ORGANIZATION_ACCOUNTS,
  type CostDefault,
} from "../catalog/cost-assumptions.js";
import type { TrailwrightConfig } from "../config/schema.js";
import { ConfigError } from "../model/errors.js";
import type { AssumedNumber, CostAssumptions } from "../model/plan.js";
import { groupThousands } from "./format-numbers.js";

const SET = "set in the configuration";

function assumed(given: number | undefined, fallback: CostDefault): AssumedNumber {
  return given === undefined ? { value: fallback.value, reason: `default: ${fallback.why}` } : { value: given, reason: SET };
}

function defaultDataEvents(cfg: TrailwrightConfig): CostDefault {
  const parts: CostDefault[] = [];
  if (cfg.dataEvents.s3 === "all") parts.push(DEFAULT_DATA_EVENTS_PER_DAY.s3All);
  if (cfg.dataEvents.s3 === "named") parts.push(DEFAULT_DATA_EVENTS_PER_DAY.s3Named);
  if (cfg.dataEvents.lambda) parts.push(DEFAULT_DATA_EVENTS_PER_DAY.lambda);
  if (parts.length === 0) return DEFAULT_DATA_EVENTS_PER_DAY.none;
  return { value: parts.reduce((sum, p) => sum + p.value, 0), why: parts.map((p) => `${groupThousands(p.value)} for ${p.why}`).join("; plus ") };
}

export function resolveCostAssumptions(cfg: TrailwrightConfig): CostAssumptions {
  const given = cfg.cost ?? {};
  const organization = cfg.topology === "organization";
  const industry = cfg.industry;

  if (!organization && given.accounts !== undefined && given.accounts !== 1) {
    throw new ConfigError(`cost.accounts: ${given.accounts} accounts, but single-account topology records exactly one`, {
      field: "cost.accounts",
      hint: "remove cost.accounts, or set topology=organization",
    });
  }
  if (organization && given.accounts !== undefined) {
    // The estate itself spans these accounts; fewer makes the estimate describe a different estate.
    const estate = new Set([cfg.accounts.management, cfg.accounts.logArchive, cfg.accounts.security].filter(Boolean)).size;
    if (given.accounts < estate) {
      throw new ConfigError(`cost.accounts: ${given.accounts} is fewer than the ${estate} accounts the estate itself uses`, {
        field: "cost.accounts",
        hint: `set cost.accounts to at least ${estate} (every account in the organization, estate accounts included)`,
      });
    }
  }

  return {
    accounts: organization
      ? assumed(given.accounts, DEFAULT_ORGANIZATION_ACCOUNTS[industry])
      : { value: 1, reason: "single-account topology: the trail records one account" },
    managementEventsPerDay: assumed(given.managementEventsPerDay, DEFAULT_MANAGEMENT_EVENTS_PER_DAY[organization ? industry : "single-account"]),
    dataEventsPerDay: assumed(given.dataEventsPerDay, defaultDataEvents(cfg)),
    averageEventBytes: assumed(given.averageEventBytes, DEFAULT_AVERAGE_EVENT_BYTES),
  };
}
