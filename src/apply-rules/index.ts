// The apply-time rule catalog: what `terraform apply` (and AWS after it) would do with a planned
// estate, checked before anything is applied. One file per rule under rules/, each naming the
// AWS document it rests on; runApplyRules (run.ts) is the one place that runs them.
import { accountAccess } from "./rules/account-access.js";
import { archivePutObjectDeny } from "./rules/archive-putobject-deny.js";
import { archiveReadGrants } from "./rules/archive-read-grants.js";
import { athenaWorkgroup } from "./rules/athena-workgroup.js";
import { cloudtrailKeyGrants } from "./rules/cloudtrail-key-grants.js";
import { configPlacement } from "./rules/config-placement.js";
import { controlTower } from "./rules/control-tower.js";
import { deliveryHealth } from "./rules/delivery-health.js";
import { firstApplyOrdering } from "./rules/first-apply-ordering.js";
import { policySizes } from "./rules/policy-sizes.js";
import { scpTargets } from "./rules/scp-targets.js";
import { selectorCounts } from "./rules/selector-counts.js";
import type { ApplyRule } from "./rule.js";

export const APPLY_RULES: readonly ApplyRule[] = [
  accountAccess,
  cloudtrailKeyGrants,
  firstApplyOrdering,
  configPlacement,
  scpTargets,
  archivePutObjectDeny,
  archiveReadGrants,
  policySizes,
  selectorCounts,
  controlTower,
  deliveryHealth,
  athenaWorkgroup,
];

export type { ApplyRule, Finding } from "./rule.js";
export type { ApplyRuleInput, EstateFacts, ProviderSettings } from "./planned.js";
