// Everything the estate README prints, computed from the plan, the address list
// and the cost estimate. Strings arrive finished (Markdown included), so the
// template only loops and prints.
import type { CostEstimate } from "../cost/estimate-monthly-cost.js";
import { groupThousands, unitPrice, usd } from "../cost/format-numbers.js";
import { listPrices } from "../cost/price-table.js";
import type { ResolvedPlan } from "../model/plan.js";
import { partRole } from "../plan/placement.js";
import type { AddressIndex } from "./address-index.js";
import { cell, code } from "./markdown.js";
import { archiveTiers, smallFileDecision, validationAfterArchive } from "./archive-tiers.js";
import { estateFlowchart } from "./mermaid-flow.js";
import { MODULE_NAME, moduleCall } from "./module-call.js";
import { forensicsReadme } from "./forensics-context.js";
import { protectionClaims, protectionLimits } from "./protection-claims.js";
import { workspacesComponents, workspacesPrerequisites, workspacesReadme } from "./workspaces-context.js";

function account(plan: ResolvedPlan, role: "management" | "logArchive" | "security"): string {
  if (plan.topology !== "organization") return `account ${plan.accounts.management.id}`;
  const names = { management: "management", logArchive: "log-archive", security: "security" } as const;
  return `${names[role]} account ${plan.accounts[role].id}`;
}

function components(plan: ResolvedPlan) {
  const org = plan.topology === "organization";
  const lock = plan.archive.objectLock;
  const rows = [
    {
      what: `CloudTrail ${org ? "organization " : ""}trail ${code(plan.trail.name, true)}`,
      where: account(plan, partRole(plan, "trail")),
      why: plan.trail.managementEvents
        ? `Records who did what, where and when, in every region, for ${org ? "every account in the organization" : "the account"}: the evidence every selected framework asks for.`
        : "Adds the data events Control Tower's trail does not record; Control Tower's trail keeps recording management events.",
    },
    {
      what: `KMS key ${code(plan.key.alias, true)} (estate key)`,
      where: account(plan, plan.key.account),
      why: `Encrypts the log files${plan.config ? " and the AWS Config history" : ""}, so reading the evidence needs a grant on the key, which names the readers; ${org ? "kept apart from the data and from management (AWS SRA)" : "its own account administers it without reading data"}; rotates every ${plan.key.rotationPeriodDays} days.`,
    },
    {
      what: `KMS key ${code(plan.monitoringKey.alias, true)} (monitoring key)`,
      where: account(plan, plan.monitoringKey.account),
      why: "Encrypts the trail's log group and the alert topics, beside them, for CloudWatch Logs and the alarms.",
    },
    {
      what: `S3 log archive ${code(plan.archive.name, true)}`,
      where: account(plan, partRole(plan, "archive")),
      why: `Keeps the evidence for ${plan.retention.archiveDays.value} days${lock ? `, locked in Object Lock ${lock.mode} mode so nobody can alter or delete it early` : ""}. ${archiveTiers(plan).rule}`,
    },
    {
      what: `S3 access-log bucket ${code(plan.accessLogs.name, true)}`,
      where: account(plan, partRole(plan, "accessLogs")),
      why: "Records every request made to the archive: who read or tried to change the evidence.",
    },
    {
      what: `CloudWatch log group ${code(plan.logGroup.name, true)}${plan.logGroup.managed ? "" : " (Control Tower's, read only)"}`,
      where: account(plan, partRole(plan, "logGroup")),
      why: plan.logGroup.managed
        ? `Keeps events searchable for ${plan.logGroup.retentionDays} days and feeds the alarms.`
        : "Control Tower's trail feeds it and Control Tower sets its retention; the estate only reads it for the alarms.",
    },
    {
      what: `${plan.alarms.length} metric filters and alarms`,
      where: account(plan, partRole(plan, "alarms")),
      why: "Alert within five minutes on the events the CIS Benchmark and Security Hub name: root use, sign-in without MFA, changes to IAM, CloudTrail, keys, bucket policies, AWS Config and the network.",
    },
    {
      what: `${plan.topics.length} SNS alert topic${plan.topics.length === 1 ? "" : "s"} (${plan.topics.map((t) => t.tier).join(", ")})`,
      where: account(plan, partRole(plan, "topics")),
      why: "Email each alarm to the people who act on it; encrypted with the monitoring key.",
    },
    {
      what: `Delivery-health alarm ${code(`${plan.name}-trail-delivery-stopped`, true)}`,
      where: account(plan, partRole(plan, "alarms")),
      why: `Tells the ${plan.deliveryHealth.tier} tier when no event reaches the log group for ${plan.deliveryHealth.silentMinutes} minutes: a broken key or bucket policy stops delivery silently otherwise.`,
    },
  ];
  if (plan.dashboard) rows.push({ what: "CloudWatch dashboard of the alarms", where: account(plan, partRole(plan, "alarms")), why: "One page for the daily review of alarm states." });
  if (plan.config) {
    const c = plan.config;
    const recorders = c.recorderAccounts.length > 0 ? `recorders in ${c.recorderAccounts.map((r) => account(plan, r)).join(", ")} delivering under the estate key to ${code(c.bucketName, true)} (${account(plan, "logArchive")})` : "the accounts' existing recorders";
    rows.push({
      what: `AWS Config: ${c.rules.length} managed rules${c.aggregator ? " and an organization aggregator" : ""}`,
      where: `each rule in the account holding what it checks; ${recorders}${c.existingRecorderAccounts.length > 0 && c.recorderAccounts.length > 0 ? `; existing recorders reused in ${c.existingRecorderAccounts.map((r) => account(plan, r)).join(", ")}` : ""}${c.aggregator ? `; aggregator in ${account(plan, "security")}` : ""}`,
      why: "Keeps checking that the logging estate stays configured as generated.",
    });
  }
  if (plan.guardrails) {
    rows.push({
      what: `Service control policies: log protection${plan.guardrails.regionDeny ? ", region deny" : ""}`,
      where: "organization root",
      why: `Stop anyone in a member account but ${plan.guardrails.breakGlassRoleName} and the deploy role from weakening the log buckets, the estate key or Config, and anyone but ${plan.guardrails.breakGlassRoleName} from deleting evidence${plan.guardrails.regionDeny ? `; keep activity in ${plan.guardrails.regionDeny.allowedRegions.join(", ")}` : ""}. They cannot bind the management account (see "What is protected").`,
    });
  }
  rows.push(...workspacesComponents(plan));
  return rows.map((r) => ({ what: r.what, where: cell(r.where), why: cell(r.why) }));
}

function prerequisites(plan: ResolvedPlan, cost: CostEstimate): string[] {
  const out: string[] = [];
  const secondCopy = `$${cost.prices.cloudTrail.paidManagementEvents.usd.toFixed(2)} per 100,000 events, about ${usd(cost.secondManagementCopyUsd)} a month at the assumed volume`;
  if (plan.topology === "organization") {
    const a = plan.accounts;
    out.push(
      `**Credentials.** Run Terraform with credentials for the management account (${a.management.id})${a.management.assumeRoleArn ? `; the provider assumes ${code(a.management.assumeRoleArn)}` : " (the provider assumes no role there: Organizations creates OrganizationAccountAccessRole only in member accounts)"}. The same principal, ${code(plan.access.deployerArn)}, must be allowed to assume ${code(plan.access.deployRoleName)} in ${account(plan, "logArchive")} and ${account(plan, "security")}, which ${code("bootstrap/")} creates. Each provider refuses to run against any other account.`,
    );
    out.push(
      "**Trusted access for CloudTrail in AWS Organizations** (all features enabled), from the management account: `aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com`. The CloudTrail console does this for you; Terraform does not.",
    );
    if (plan.guardrails) {
      out.push(
        "**Service control policies enabled** on the organization root: `aws organizations enable-policy-type --root-id ROOT_ID --policy-type SERVICE_CONTROL_POLICY` (`aws organizations list-roots` prints ROOT_ID).",
      );
    }
    if (plan.config?.aggregator) {
      out.push(
        `**Config delegated administrator** for the aggregator in ${account(plan, "security")}, from the management account: \`aws organizations enable-aws-service-access --service-principal config.amazonaws.com\` and \`aws organizations register-delegated-administrator --account-id ${a.security.id} --service-principal config.amazonaws.com\`.`,
      );
    }
    if (plan.config && plan.config.existingRecorderAccounts.length > 0) {
      out.push(
        `**Existing AWS Config recorders** in ${plan.config.existingRecorderAccounts.map((r) => account(plan, r)).join(", ")}: the rules there rely on them (an account can have only one). If one of these accounts has none, set configRecorders to create and regenerate.`,
      );
    }
    out.push(
      "**Delegated administrator: not used.** The organization trail is created in the management account. If you later register a CloudTrail delegated administrator (`aws cloudtrail register-organization-delegated-admin`), the trail's ARN stays in the management account, which is the account the key and bucket policies name.",
    );
    out.push(
      plan.controlTower
        ? `**AWS Control Tower is present.** Its organization trail keeps recording management events; this estate adds a data-events-only trail and reads Control Tower's log group ${code(plan.logGroup.name)} without changing it. Do not edit Control Tower's own trail or buckets: Control Tower reports that as drift.`
        : `**AWS Control Tower is not present** (controlTower=false). If it is, stop: its trail already records management events, so this trail would be a paid second copy (${secondCopy}). Set \`controlTower\` to true and regenerate.`,
    );
  } else {
    out.push(`**Credentials** for account ${plan.accounts.management.id}; the provider refuses to run against any other account.`);
    out.push(
      `**No other trail for this account.** If the account belongs to an organization whose management account already runs an organization trail (Control Tower does), this trail's management events are a paid second copy (${secondCopy}).`,
    );
  }
  out.push(...workspacesPrerequisites(plan));
  const breakGlass = plan.guardrails?.breakGlassRoleName ?? "BreakGlass";
  const breakGlassAccounts = plan.topology === "organization" ? `${account(plan, "logArchive")} and ${account(plan, "security")}` : account(plan, "logArchive");
  out.push(
    `**A break-glass role** named ${code(breakGlass)} in ${breakGlassAccounts}: the archive's bucket policy lets only it delete logs or bypass a governance lock, and the estate key's policy lets only it disable or delete the key. Create it before you need it, with MFA and alerting on its use${plan.alarms.some((a) => a.id.includes("break-glass")) ? " (the break-glass alarm watches it)" : ""}. No break-glass role is needed in the management account, where nothing is exempted.`,
  );
  if (plan.key.readerArns.length > 0) {
    out.push(`**Log readers** ${plan.key.readerArns.map((r) => code(r)).join(", ")}: the key and bucket policies name them; create the role${plan.key.readerArns.length > 1 ? "s" : ""} if missing.`);
  }
  const lock = plan.archive.objectLock;
  if (lock) {
    out.push(
      lock.mode === "COMPLIANCE"
        ? `**Check the retention before the first apply.** Object Lock COMPLIANCE mode keeps every log for ${lock.days} days and nobody, the root user included, can shorten it or delete the bucket until the last lock expires.`
        : `**Object Lock GOVERNANCE mode** keeps every log for ${lock.days} days; removing a lock early needs s3:BypassGovernanceRetention, which the bucket policy denies to everyone but ${code(breakGlass)}.`,
    );
  }
  return out;
}

function applySteps(plan: ResolvedPlan, index: AddressIndex): string[] {
  const out: string[] = ["Meet the prerequisites above."];
  if (plan.access.memberAccountIds.length > 0) {
    out.push(
      `Once, before the estate: \`terraform -chdir=bootstrap init && terraform -chdir=bootstrap apply\` with the management credentials. It assumes ${code(plan.access.bootstrapRoleName)} in ${plan.access.memberAccountIds.join(" and ")} and creates ${code(plan.access.deployRoleName)} there, trusted by ${code(plan.access.deployerArn)} only. Keep its state apart from the estate's.${plan.guardrails ? ` Once the guardrail SCPs are attached they stop anyone but ${code(plan.guardrails.breakGlassRoleName)} from editing that role, so a later change to it runs through the break-glass role.` : ""}`,
    );
  }
  if (plan.output.mode === "module") {
    out.push(`Call this folder from your root module as shown in "Calling this module" (\`module "${MODULE_NAME}"\`), then run the steps below in that root.`);
  }
  out.push(
    plan.output.backend
      ? `\`terraform init\`: state is kept in ${code(`s3://${plan.output.backend.bucket}/${plan.output.backend.key}`)} (${plan.output.backend.region}) with S3 lock files.`
      : "`terraform init`, after choosing where state is kept (no backend is generated, so state stays local until you add one).",
  );
  out.push(`\`terraform plan -out=estate.tfplan\`, and review it: it should add ${index.resourceCount()} resources and change or destroy none.`);
  out.push(
    `\`terraform apply estate.tfplan\`. One apply is enough: Terraform orders it by dependency, so the key and buckets come first, the archive bucket policy before the trail (CloudTrail checks it when the trail is created), and ${plan.guardrails ? "the SCP attachments last, so they cannot lock Terraform out half way" : "the alarms after their log group and topics"}.`,
  );
  const emails = [...new Set(plan.topics.flatMap((t) => t.emails))];
  out.push(
    emails.length > 0
      ? `Ask each recipient (${emails.join(", ")}) to confirm the "AWS Notification - Subscription Confirmation" email; SNS delivers nothing to an unconfirmed address.`
      : "Add alert recipients (`alerts.emails`) and regenerate: the topics have no subscribers yet.",
  );
  if (plan.archive.mfaDelete) out.push("Run the MFA-delete root runbook below.");
  const alarm = plan.alarms[0];
  out.push(
    `Check it works: \`aws cloudtrail get-trail-status --name ${plan.trail.arn}\` shows IsLogging true;${alarm ? ` \`aws cloudwatch set-alarm-state --alarm-name ${plan.name}-${alarm.id} --state-value ALARM --state-reason "delivery test"\` sends a test email;` : ""} after an hour, a named log reader (${plan.key.readerArns.length > 0 ? plan.key.readerArns.map((r) => code(r)).join(" or ") : "none is named yet: add one to `readers`"}) runs \`aws cloudtrail validate-logs --trail-arn ${plan.trail.arn} --start-time <when you applied>\` and sees valid digests. It reads the log files, so it needs the readers' S3 and key grants; an administrator without them is denied.`,
  );
  return out;
}

function mfaRunbook(plan: ResolvedPlan) {
  if (!plan.archive.mfaDelete) return false as const;
  const owner = plan.accounts.logArchive.id;
  const bucket = plan.archive.name;
  const serial = `arn:aws:iam::${owner}:mfa/root-account-mfa-device`;
  return {
    account: account(plan, "logArchive"),
    bucket,
    owner,
    serial,
    enable: `aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "${serial} 123456" --profile archive-root`,
    verify: `aws s3api get-bucket-versioning --bucket ${bucket} --profile archive-root`,
    deleteExpired: `aws s3api delete-object --bucket ${bucket} --key KEY --version-id VERSION --mfa "${serial} 123456" --profile archive-root`,
    archiveDays: plan.retention.archiveDays.value,
  };
}

/** "Archive storage and validate-logs": what S3 does with the files, why small ones stay, what a restore means for validation. */
function archiveSection(plan: ResolvedPlan, cost: CostEstimate) {
  const tiers = archiveTiers(plan, cost);
  return {
    storage: [tiers.rule, tiers.expected].filter(Boolean).join(" "),
    decision: smallFileDecision(plan, cost) ?? false,
    validation: validationAfterArchive(plan, tiers),
  };
}

function costContext(cost: CostEstimate) {
  return {
    region: cost.prices.region,
    asOf: cost.prices.asOf,
    lines: cost.lines.map((l) => ({ component: cell(l.component), monthly: usd(l.monthlyUsd), firstMonth: usd(l.firstMonthUsd), formula: cell(l.formula) })),
    total: usd(cost.totalMonthlyUsd),
    firstMonth: usd(cost.firstMonthUsd),
    assumptions: cost.assumptions.map((a) => ({ label: cell(a.label), value: groupThousands(a.value), reason: cell(a.reason), change: code(`--set ${a.setting}=N`, true) })),
    facts: cost.modelFacts.map((f) => ({ label: cell(f.label), value: cell(f.value), why: cell(f.why) })),
    notes: cost.notes,
    notIncluded: cost.notIncluded,
    prices: listPrices(cost.prices).map(({ path, price }) => ({
      item: code(path, true),
      price: unitPrice(price.usd),
      unit: cell(price.unit),
      checked: price.checked === "confirmed" ? `confirmed: ${cell(price.note)}` : `**re-check**: ${cell(price.note)}`,
      source: price.source,
    })),
  };
}

export function readmeContext(plan: ResolvedPlan, index: AddressIndex, cost: CostEstimate, outDir: string) {
  return {
    name: plan.name,
    preset: plan.preset ? `the ${code(plan.preset)} preset` : "a custom configuration",
    frameworks: plan.frameworks.map((f) => f.name).join("; "),
    homeRegion: plan.homeRegion,
    topology: plan.topology === "organization" ? `an AWS organization (${plan.organizationId})` : `one AWS account (${plan.accounts.management.id})`,
    components: components(plan),
    mermaid: estateFlowchart(plan),
    archive: archiveSection(plan, cost),
    prerequisites: prerequisites(plan, cost),
    applySteps: applySteps(plan, index),
    moduleCall: moduleCall(plan, index, outDir) ?? (false as const),
    claims: protectionClaims(plan).map((c) => c.text),
    limits: protectionLimits(plan),
    mfa: mfaRunbook(plan),
    workspaces: workspacesReadme(plan),
    forensics: forensicsReadme(plan),
    cost: costContext(cost),
  };
}

export type ReadmeContext = ReturnType<typeof readmeContext>;
