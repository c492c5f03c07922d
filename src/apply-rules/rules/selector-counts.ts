// CloudTrail quotas on one trail (CloudTrail resource quotas): "a maximum of 500 total values for
// all conditions in all advanced event selectors is allowed", and "Event selectors: 5 per trail"
// (held here for advanced selectors too). Neither can be increased; CreateTrail or
// PutEventSelectors fails with InvalidEventSelectorsException past them.
import { MAX_SELECTOR_VALUES as SELECTOR_VALUES_MAX } from "../../plan/quotas.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

export const SELECTORS_MAX = 5;
const OPERATORS = ["equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"] as const;

export const selectorCounts: ApplyRule = {
  id: "selector-counts",
  title: "Each trail stays within CloudTrail's selector quotas (500 advanced-selector values, 5 selectors)",
  source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const trail of planned.ofType("aws_cloudtrail")) {
      const advanced = (trail.values.advanced_event_selector as { field_selector?: Record<string, unknown>[] }[] | undefined) ?? [];
      const basic = (trail.values.event_selector as unknown[] | undefined) ?? [];
      const values = advanced
        .flatMap((s) => s.field_selector ?? [])
        .reduce((sum, field) => sum + OPERATORS.reduce((n, op) => n + (Array.isArray(field[op]) ? (field[op] as unknown[]).length : 0), 0), 0);
      if (values > SELECTOR_VALUES_MAX) {
        findings.push(finding(trail.address, `its advanced event selectors hold ${values} values, over CloudTrail's limit of ${SELECTOR_VALUES_MAX} per trail: name fewer buckets, or log all S3 data events`));
      }
      if (advanced.length > SELECTORS_MAX) findings.push(finding(trail.address, `has ${advanced.length} advanced event selectors, over the limit of ${SELECTORS_MAX}`));
      if (basic.length > SELECTORS_MAX) findings.push(finding(trail.address, `has ${basic.length} event selectors, over the limit of ${SELECTORS_MAX}`));
    }
    return findings;
  },
};
