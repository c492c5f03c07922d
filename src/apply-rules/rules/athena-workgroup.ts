// An investigation workgroup is only a control if clients cannot step around it. Athena applies a
// workgroup's settings to every query only when "Override client-side settings" is on
// (enforce_workgroup_configuration); otherwise a client may send results anywhere, unencrypted.
// The per-query data usage control (bytes_scanned_cutoff_per_query) has a 10 MB minimum
// (https://docs.aws.amazon.com/athena/latest/ug/workgroups-setting-control-limits-cloudwatch.html),
// and results of evidence queries are evidence too: encrypted with a customer-managed key.
import type { PlannedResource } from "../planned.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const ENGINE_V3 = "Athena engine version 3";
const MIN_CUTOFF_BYTES = 10_000_000;

type Block = Record<string, unknown>;
const first = (value: unknown): Block | undefined => (Array.isArray(value) && typeof value[0] === "object" && value[0] !== null ? (value[0] as Block) : undefined);

export const athenaWorkgroup: ApplyRule = {
  id: "athena-workgroup",
  title: "The investigation workgroup enforces its settings: engine v3, SSE-KMS results under the estate's key, a scanned-bytes cutoff",
  source: "https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const wg of planned.ofType("aws_athena_workgroup")) {
      const config = first(wg.values.configuration);
      if (!config) {
        findings.push(finding(wg.address, "has no configuration block: nothing is enforced, so clients choose where results go and how they are encrypted"));
        continue;
      }
      if (config.enforce_workgroup_configuration !== true) {
        findings.push(finding(wg.address, "does not enforce its configuration (enforce_workgroup_configuration = false): a client can override the results location and encryption"));
      }
      const engine = first(config.engine_version)?.selected_engine_version;
      if (engine !== ENGINE_V3) findings.push(finding(wg.address, `runs ${JSON.stringify(engine ?? "AUTO")}, not "${ENGINE_V3}", the engine the query catalog's SQL is written for`));
      const cutoff = config.bytes_scanned_cutoff_per_query;
      if (typeof cutoff !== "number" || cutoff < MIN_CUTOFF_BYTES) {
        findings.push(finding(wg.address, `bytes_scanned_cutoff_per_query is ${JSON.stringify(cutoff ?? null)}: set a cutoff of at least ${MIN_CUTOFF_BYTES} bytes so one query cannot scan the whole archive`));
      }
      findings.push(...resultEncryption(planned, wg, config, finding));
    }
    return findings;
  },
};

function resultEncryption(planned: Parameters<ApplyRule["check"]>[0], wg: PlannedResource, config: Block, finding: (a: string, m: string) => Finding): Finding[] {
  const encryption = first(first(config.result_configuration)?.encryption_configuration);
  if (encryption?.encryption_option !== "SSE_KMS" && encryption?.encryption_option !== "CSE_KMS") {
    return [finding(wg.address, `encrypts results with ${JSON.stringify(encryption?.encryption_option ?? "nothing")}: use SSE_KMS with the estate's customer-managed key`)];
  }
  // The key ARN is known only after apply; the reference says which key it is.
  const key = planned.keyOf(wg, "configuration");
  if (!key && typeof encryption.kms_key_arn !== "string") return [finding(wg.address, "encrypts results with KMS but names no customer-managed key of the estate")];
  return [];
}
