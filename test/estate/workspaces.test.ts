// WorkSpaces monitoring in a whole generated estate, single account and
// organization: the Terraform gates, where each resource lives, alarm actions
// and tiers, log-group encryption and resource policies, the scheduler role's
// reach, and that the presets are untouched while the part is off.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import type { ResolvedPlan, WorkspacesSitePlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { allHcl, fileText, mergedTfJson, presetEstate, type TfJson } from "../helpers/estate-cache.js";
import { PRESET_IDS, presetConfig } from "../helpers/preset-answers.js";
import { hclToJson, semanticDiff, terraformFmtCheck, terraformValidate } from "../helpers/terraform.js";
import { WS_VARIANTS, workspacesConfig, workspacesEstate, type WsVariant } from "../helpers/workspaces-answers.js";
import { documentFromReference } from "../policies/estate-policies.js";
import { evaluateRequest } from "../policies/evaluate-request.js";

type Attrs = Record<string, any>;
const VARIANTS = Object.keys(WS_VARIANTS) as WsVariant[];

function writeTerraform(estate: GeneratedEstate): string {
  const dir = mkdtempSync(join(tmpdir(), "tw-ws-gates-"));
  for (const file of estate.files) {
    if (!/\.tf(\.json)?$/.test(file.path)) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

async function load(variant: WsVariant): Promise<{ tf: TfJson; plan: ResolvedPlan }> {
  const tf = mergedTfJson(await workspacesEstate(variant, "json"));
  return { tf, plan: resolvePlan(workspacesConfig(variant)) };
}

const of = (tf: TfJson, type: string): [string, Attrs][] => Object.entries(tf.resource[type] ?? {}) as [string, Attrs][];
const dataOf = (tf: TfJson, type: string): [string, Attrs][] => Object.entries(tf.data?.[type] ?? {}) as [string, Attrs][];
const one = (tf: TfJson, type: string, name: string): Attrs => {
  const r = tf.resource[type]?.[name];
  if (!r) throw new Error(`no ${type}.${name}`);
  return r as Attrs;
};
const doc = (tf: TfJson, reference: string): Attrs => {
  const name = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.(?:minified_)?json\}$/.exec(reference)?.[1];
  const found = name ? tf.data?.aws_iam_policy_document?.[name] : undefined;
  if (!found) throw new Error(`${reference} is not a policy document of this stack`);
  return found as Attrs;
};

/** Construct prefix of a site, and the provider its resources must use. */
function siteParts(plan: ResolvedPlan, site: WorkspacesSitePlan) {
  const prefix = `workspaces_${site.id}`;
  // The default provider is named explicitly ("aws") in single-account estates.
  const provider = site.providerAlias ? `aws.${site.providerAlias}` : "aws";
  return { prefix, provider };
}

describe.each(VARIANTS)("%s estate with WorkSpaces on passes the Terraform gates", (variant) => {
  it("HCL: fmt-canonical and valid with no warnings", async () => {
    const dir = writeTerraform(await workspacesEstate(variant, "hcl"));
    const fmt = await terraformFmtCheck(dir);
    expect(fmt.output).toBe("");
    const result = await terraformValidate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("HCL says exactly what the JSON says, file by file; WorkSpaces blocks sit in their own files", async () => {
    const hcl = await workspacesEstate(variant, "hcl");
    const json = await workspacesEstate(variant, "json");
    const tfFiles = (estate: GeneratedEstate, ext: string) => estate.files.filter((f) => f.path.endsWith(ext) && !f.path.includes("/")).map((f) => f.path);
    const hclFiles = tfFiles(hcl, ".tf");
    expect(tfFiles(json, ".tf.json")).toEqual(hclFiles.map((p) => `${p}.json`));
    for (const path of hclFiles) {
      expect(semanticDiff(await hclToJson(fileText(hcl, path)), JSON.parse(fileText(json, `${path}.json`))), path).toEqual([]);
    }
    for (const path of hclFiles.filter((p) => !p.startsWith("workspaces") && p !== "providers.tf")) {
      expect(fileText(hcl, path), path).not.toMatch(/"workspaces_/);
    }
    expect(hclFiles.filter((p) => p.startsWith("workspaces"))).toEqual(
      expect.arrayContaining(["workspaces-alarms.tf", "workspaces-after-hours.tf", "workspaces-dashboards.tf", "workspaces-policies.tf", "workspaces.tf"]),
    );
  });
});

describe.each(VARIANTS)("%s: placement", (variant) => {
  it("each site's resources use the provider of its account and region; trail filters stay in management", async () => {
    const { tf, plan } = await load(variant);
    const ws = plan.workspaces!;
    const managementProvider = plan.accounts.management.providerAlias ? `aws.${plan.accounts.management.providerAlias}` : "aws";
    for (const site of ws.sites) {
      const { prefix, provider } = siteParts(plan, site);
      const mine = Object.entries(tf.resource).flatMap(([type, byName]) =>
        Object.entries(byName).filter(([name]) => name.startsWith(`${prefix}_`)).map(([name, r]) => [`${type}.${name}`, (r as Attrs).provider] as const),
      );
      expect(mine.length).toBeGreaterThan(15);
      for (const [address, p] of mine) expect(p, address).toBe(provider);
      if (site.providerAlias && !site.isManagementHome) {
        const config = (tf.provider!.aws as Attrs[]).find((p) => p.alias === site.providerAlias)!;
        expect(config).toMatchObject({ region: site.region, allowed_account_ids: [site.accountId] });
        // A member account's role goes through the member_role_name variable (src/synth/member-role.ts).
        const member = site.accountId !== plan.accounts.management.id && plan.topology === "organization" && plan.output.mode === "root";
        const expected = member && site.assumeRoleArn ? `arn:aws:iam::${site.accountId}:role/\${var.member_role_name}` : site.assumeRoleArn;
        expect(config.assume_role?.[0]?.role_arn ?? undefined).toBe(expected);
      }
    }
    for (const [name, filter] of of(tf, "aws_cloudwatch_log_metric_filter").filter(([n]) => n.startsWith("workspaces_trail_"))) {
      expect(filter.provider, name).toBe(managementProvider);
      expect(filter.log_group_name, name).toBe("${aws_cloudwatch_log_group.log_group_main.name}");
    }
  });

  it("alarm actions go to the topic of the alarm's tier, in the alarm's own account and region", async () => {
    const { tf, plan } = await load(variant);
    const ws = plan.workspaces!;
    const tiers = new Map<string, string>();
    for (const a of ws.trailAlarms) tiers.set(`${plan.name}-${a.id}`, a.tier);
    for (const site of ws.sites) {
      for (const a of ws.accessAlarms) tiers.set(`${site.alarmNamePrefix}${a.id}`, a.tier);
      for (const a of ws.nativeAlarms) tiers.set(`${site.alarmNamePrefix}${a.id}`, a.tier);
      tiers.set(`${site.alarmNamePrefix}ws-access-delivery-failures`, "warning");
      tiers.set(site.afterHoursAlarmName, ws.afterHoursTier);
    }
    const alarms = of(tf, "aws_cloudwatch_metric_alarm").filter(([n]) => n.startsWith("workspaces_"));
    expect(alarms).toHaveLength(ws.trailAlarms.length + ws.sites.length * (ws.accessAlarms.length + ws.nativeAlarms.length + 2));
    for (const [address, alarm] of alarms) {
      const tier = tiers.get(alarm.alarm_name);
      expect(tier, `${address} ${alarm.alarm_name}`).toBeDefined();
      const site = ws.sites.find((s) => address.startsWith(`workspaces_${s.id}_`));
      const topicPrefix = site && !site.isManagementHome ? `workspaces_${site.id}_alerts` : "alerts";
      expect(alarm.alarm_actions, address).toEqual([`\${aws_sns_topic.${topicPrefix}_${tier}_topic.arn}`]);
      const topic = one(tf, "aws_sns_topic", `${topicPrefix}_${tier}_topic`);
      expect(topic.provider, address).toBe(alarm.provider);
      expect(alarm.treat_missing_data, address).toBe("notBreaching");
      if (alarm.alarm_name.endsWith("after-hours-login")) {
        // The schedules own the switch; Terraform must not flip it back.
        expect(alarm.actions_enabled).toBe(false);
        expect(alarm.lifecycle).toEqual({ ignore_changes: ["actions_enabled"] });
      } else {
        expect(alarm.actions_enabled, address).toBe(true);
      }
    }
  });

  it("the tiers: access and network changes critical, destructive and image changes warning, provisioning info", async () => {
    const { plan } = await load(variant);
    const tierOf = Object.fromEntries([...plan.workspaces!.trailAlarms, ...plan.workspaces!.accessAlarms].map((a) => [a.id, a.tier]));
    expect(tierOf).toMatchObject({
      "ws-access-policy-change": "critical",
      "ws-network-access-change": "critical",
      "ws-destructive": "warning",
      "ws-image-bundle-change": "warning",
      "ws-provisioning": "info",
      "ws-login-outside-networks": "critical",
    });
  });

  it("the access log group is KMS-encrypted, and the key lets CloudWatch Logs use it for exactly the site's groups", async () => {
    const { tf, plan } = await load(variant);
    for (const site of plan.workspaces!.sites) {
      const { prefix } = siteParts(plan, site);
      const group = one(tf, "aws_cloudwatch_log_group", `${prefix}_access_log_group`);
      expect(group.name).toBe(site.logGroupName);
      expect(group.retention_in_days).toBe(plan.logGroup.retentionDays);
      const keyName = site.isManagementHome ? "monitoring_key" : `${prefix}_key_key`;
      expect(group.kms_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
      const key = one(tf, "aws_kms_key", keyName);
      const statements = doc(tf, key.policy).statement as Attrs[];
      const logs = statements.find((s) => s.sid === "AllowCloudWatchLogsWorkSpacesGroups")!;
      expect(logs.principals).toEqual([{ type: "Service", identifiers: [`logs.${site.region}.amazonaws.com`] }]);
      expect(logs.condition).toEqual([
        { test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [site.logGroupArn, ...site.directories.map((d) => d.logGroupArn)] },
      ]);
      if (!site.isManagementHome) {
        expect(key).toMatchObject({ enable_key_rotation: true, multi_region: false, deletion_window_in_days: 30 });
        // Administration without data access: no account principal may decrypt through the key policy.
        const admin = statements.find((s) => s.sid === "KeyAdministrationWithoutDataAccess")!;
        expect(admin.principals).toEqual([{ type: "AWS", identifiers: [`arn:aws:iam::${site.accountId}:root`] }]);
        expect(admin.actions).not.toContain("kms:*");
        expect(admin.actions.filter((a: string) => /^kms:(Decrypt|GenerateDataKey|ReEncrypt|Encrypt|CreateGrant)/.test(a))).toEqual([]);
        expect(statements.filter((s) => (s.principals ?? []).some((p: Attrs) => p.type === "AWS")).map((s) => s.sid)).toEqual(["KeyAdministrationWithoutDataAccess"]);
        const sns = statements.find((s) => s.sid === "AllowCloudWatchAlarmsEncryptedTopics")!;
        expect(sns.condition).toEqual([{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }]);
        for (const tier of plan.workspaces!.topics.map((t) => t.tier)) {
          expect(one(tf, "aws_sns_topic", `${prefix}_alerts_${tier}_topic`).kms_master_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
        }
      }
    }
  });

  it("the resource policy lets EventBridge (this rule only) and log delivery (this account only) write, and the target takes no role", async () => {
    const { tf, plan } = await load(variant);
    for (const site of plan.workspaces!.sites) {
      const { prefix } = siteParts(plan, site);
      const policy = one(tf, "aws_cloudwatch_log_resource_policy", `${prefix}_access_log_policy`);
      const statements = doc(tf, policy.policy_document).statement as Attrs[];
      expect(statements.map((s) => s.principals[0].identifiers[0]).sort()).toEqual(["delivery.logs.amazonaws.com", "events.amazonaws.com"]);
      for (const s of statements) {
        expect(s.actions).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
        expect(s.resources).toEqual([`${site.logGroupArn}:*`]);
      }
      expect(statements.find((s) => s.principals[0].identifiers[0] === "events.amazonaws.com")!.condition).toEqual([
        { test: "ArnEquals", variable: "aws:SourceArn", values: [site.ruleArn] },
      ]);
      const rule = one(tf, "aws_cloudwatch_event_rule", `${prefix}_access_rule`);
      expect(site.ruleArn.endsWith(`:rule/${rule.name}`)).toBe(true);
      expect(JSON.parse(rule.event_pattern)).toEqual({ source: ["aws.workspaces"], "detail-type": ["WorkSpaces Access"] });
      const target = one(tf, "aws_cloudwatch_event_target", `${prefix}_access_target`);
      expect(target.arn).toBe(`\${aws_cloudwatch_log_group.${prefix}_access_log_group.arn}`);
      expect(target.role_arn).toBeUndefined();
      expect(target.depends_on).toEqual([`aws_cloudwatch_log_resource_policy.${prefix}_access_log_policy`]);
    }
  });

  it("the scheduler role can switch the after-hours alarm's actions and nothing else", async () => {
    const { tf, plan } = await load(variant);
    const hours = plan.workspaces!.businessHours;
    for (const site of plan.workspaces!.sites) {
      const { prefix } = siteParts(plan, site);
      const role = one(tf, "aws_iam_role", `${prefix}_scheduler_role`);
      const trust = doc(tf, role.assume_role_policy).statement as Attrs[];
      expect(trust).toEqual([
        expect.objectContaining({
          principals: [{ type: "Service", identifiers: ["scheduler.amazonaws.com"] }],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }],
        }),
      ]);
      const rolePolicy = one(tf, "aws_iam_role_policy", `${prefix}_scheduler_policy`);
      const identityPolicy = documentFromReference(rolePolicy.policy, tf, plan);
      const alarm = one(tf, "aws_cloudwatch_metric_alarm", `${prefix}_after_hours_alarm`);
      expect(site.afterHoursAlarmArn).toBe(`arn:aws:cloudwatch:${site.region}:${site.accountId}:alarm:${alarm.alarm_name}`);
      const ask = (action: string, resource: string) =>
        evaluateRequest({
          principal: `arn:aws:iam::${site.accountId}:role/${role.name}`,
          action,
          resource,
          resourceAccount: site.accountId,
          context: {},
          identityPolicy,
          scps: [],
        });
      expect((await ask("cloudwatch:EnableAlarmActions", site.afterHoursAlarmArn)).result).toBe("Allowed");
      expect((await ask("cloudwatch:DisableAlarmActions", site.afterHoursAlarmArn)).result).toBe("Allowed");
      const other = `arn:aws:cloudwatch:${site.region}:${site.accountId}:alarm:${site.alarmNamePrefix}ws-unhealthy`;
      expect((await ask("cloudwatch:DisableAlarmActions", other)).result).not.toBe("Allowed");
      expect((await ask("cloudwatch:DeleteAlarms", site.afterHoursAlarmArn)).result).not.toBe("Allowed");
      expect((await ask("cloudwatch:PutMetricAlarm", site.afterHoursAlarmArn)).result).not.toBe("Allowed");

      const schedules = of(tf, "aws_scheduler_schedule").filter(([n]) => n.startsWith(`${prefix}_`));
      expect(schedules.map(([, s]) => [s.schedule_expression, s.schedule_expression_timezone, s.target.arn]).sort()).toEqual(
        [
          [`cron(0 19 ? * MON,TUE,WED,THU,FRI *)`, hours.timeZone, "arn:aws:scheduler:::aws-sdk:cloudwatch:enableAlarmActions"],
          [`cron(0 7 ? * MON,TUE,WED,THU,FRI *)`, hours.timeZone, "arn:aws:scheduler:::aws-sdk:cloudwatch:disableAlarmActions"],
        ].sort(),
      );
      for (const [, s] of schedules) {
        expect(s.target.role_arn).toBe(`\${aws_iam_role.${prefix}_scheduler_role.arn}`);
        expect(JSON.parse(s.target.input)).toEqual({ AlarmNames: [alarm.alarm_name] });
        expect(s.flexible_time_window).toEqual({ mode: "OFF" });
      }
    }
  });

  it("native metrics alarm on one Metrics Insights series per site; ConnectionFailure is described as what it is", async () => {
    const { tf, plan } = await load(variant);
    for (const site of plan.workspaces!.sites) {
      const { prefix } = siteParts(plan, site);
      const failures = one(tf, "aws_cloudwatch_metric_alarm", `${prefix}_ws_connection_failures_alarm`);
      expect(failures.metric_query).toEqual([
        expect.objectContaining({ id: "q1", expression: 'SELECT SUM(ConnectionFailure) FROM SCHEMA("AWS/WorkSpaces", DirectoryId)', period: 900, return_data: true }),
      ]);
      expect(failures.alarm_description).toMatch(/not failed passwords/);
      expect(failures.alarm_description).toMatch(/after the user had already authenticated/);
      expect(failures.metric_name).toBeUndefined();
    }
  });
});

describe("Managed AD directory log forwarding (organization variant)", () => {
  it("forwards the named directory into its own encrypted group, writable by Directory Service", async () => {
    const { tf, plan } = await load("organization");
    const site = plan.workspaces!.sites.find((s) => s.directories.length > 0)!;
    const prefix = `workspaces_${site.id}`;
    const sub = one(tf, "aws_directory_service_log_subscription", `${prefix}_directory_d_1234567890_log_subscription`);
    expect(sub.directory_id).toBe("d-1234567890");
    expect(sub.log_group_name).toBe(`\${aws_cloudwatch_log_group.${prefix}_directory_d_1234567890_log_group.name}`);
    expect(sub.depends_on).toEqual([`aws_cloudwatch_log_resource_policy.${prefix}_directory_log_policy`]);
    const group = one(tf, "aws_cloudwatch_log_group", `${prefix}_directory_d_1234567890_log_group`);
    expect(group).toMatchObject({ name: "/aws/directoryservice/d-1234567890", kms_key_id: `\${aws_kms_key.${prefix}_key_key.arn}` });
    const policy = doc(tf, one(tf, "aws_cloudwatch_log_resource_policy", `${prefix}_directory_log_policy`).policy_document).statement as Attrs[];
    expect(policy).toEqual([
      expect.objectContaining({
        principals: [{ type: "Service", identifiers: ["ds.amazonaws.com"] }],
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${site.directories[0]!.logGroupArn}:*`],
      }),
    ]);
    // The other WorkSpaces account has no directory: nothing forwarded there.
    expect(of(tf, "aws_directory_service_log_subscription")).toHaveLength(1);
  });
});

describe("off by default: the presets are untouched", () => {
  it.each(PRESET_IDS)("%s: no WorkSpaces resource, and workspaces.enabled=false writes the same Terraform and documents", async (id) => {
    const base = await presetEstate(id, "hcl");
    expect(allHcl(base)).not.toMatch(/workspaces/i);
    const config = presetConfig(id, ["workspaces.enabled=false"]);
    const off = await generateEstate(resolvePlan(config), config);
    for (const file of base.files.filter((f) => f.path !== "trailwright.json")) {
      expect(fileText(off, file.path), file.path).toBe(file.content);
    }
  });
});

describe("saved Logs Insights queries", () => {
  it.each(VARIANTS)("%s: logins by client, source IPs per WorkSpace and after-hours logins, on each site's access group", async (variant) => {
    const { tf, plan } = await load(variant);
    for (const site of plan.workspaces!.sites) {
      const prefix = `workspaces_${site.id}`;
      const queries = of(tf, "aws_cloudwatch_query_definition").filter(([n]) => n.startsWith(`${prefix}_`));
      expect(queries.map(([, q]) => q.name).sort()).toEqual(
        ["after-hours-logins", "logins-by-client", "source-ips-per-workspace"].map((id) => `${plan.name}/workspaces/${id}`),
      );
      for (const [, q] of queries) {
        expect(q.log_group_names).toEqual([`\${aws_cloudwatch_log_group.${prefix}_access_log_group.name}`]);
        expect(q.query_string).toMatch(/^filter detail\.actionType = "successfulLogin" \| /);
      }
    }
  });
});
