// Every wizard question, in the order asked. A question comes after every
// answer its default, choices or applicability read.
import type { Question } from "../question.js";
import * as accounts from "./accounts.js";
import * as alerts from "./alerts.js";
import * as cost from "./cost.js";
import * as features from "./features.js";
import * as output from "./output.js";
import * as protection from "./protection.js";
import * as reasons from "./reasons.js";
import * as regions from "./regions.js";
import * as retention from "./retention.js";
import * as scope from "./scope.js";
import * as workspaces from "./workspaces.js";

export const QUESTIONS: readonly Question[] = Object.freeze([
  scope.jurisdiction,
  scope.industry,
  scope.industryPreset,
  scope.frameworks,
  scope.topology,
  accounts.management,
  accounts.logArchive,
  accounts.security,
  accounts.organizationId,
  regions.residency,
  regions.homeRegion,
  regions.allowedRegions,
  // Each reason right after its number: asked only when that number was typed and is set by hand.
  retention.archive,
  reasons.archive,
  retention.hot,
  reasons.hot,
  retention.immediate,
  reasons.immediate,
  protection.objectLockMode,
  protection.objectLockDays,
  reasons.objectLock,
  protection.mfaDelete,
  protection.mfaDeleteOrLifecycle,
  alerts.emails,
  alerts.routing,
  alerts.critical,
  alerts.warning,
  alerts.info,
  features.controlTower,
  features.s3DataEvents,
  features.s3Buckets,
  features.lambdaDataEvents,
  features.insights,
  features.awsConfig,
  features.configRecorders,
  features.forensics,
  workspaces.enabled,
  workspaces.identitySource,
  workspaces.accounts,
  workspaces.regions,
  workspaces.directories,
  workspaces.allowedNetworks,
  workspaces.timeZone,
  workspaces.hours,
  cost.accounts,
  output.format,
  output.outDir,
]);

/** The question that sets a config field, for re-asking a field validation rejected (`alerts.emails[1]` -> alerts.emails). */
export function questionForField(field: string | undefined): Question | undefined {
  if (!field) return undefined;
  const path = field.replace(/\[\d+\]/g, "");
  return (
    QUESTIONS.find((q) => q.id === path) ??
    QUESTIONS.filter((q) => path.startsWith(`${q.id}.`)).sort((a, b) => b.id.length - a.id.length)[0] ??
    QUESTIONS.find((q) => q.id.startsWith(`${path}.`))
  );
}
