import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization/index.js";
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy/index.js";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { SCP_MAX_CHARS, scpJson, scpSpecs, type ScpSpec } from "../policies/guardrail-scp-specs.js";

export { SCP_MAX_CHARS, scpJson, scpSpecs, type ScpSpec };

export interface GuardrailScpsProps {
  /** An organization-topology plan with `guardrails` set (src/policies/guardrail-scp-specs.ts reads it). */
  readonly plan: ResolvedPlan;
  /**
   * Resources the attachments wait for: the member-account buckets, key and recorders.
   * Once attached, the SCP denies changes to them to every member-account role except
   * break-glass and the deploy role, so they are built first. Default: none.
   */
  readonly attachAfter?: readonly ITerraformDependable[];
  /** Provider for the management account (only it can manage SCPs). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/**
 * Service control policies that keep the audit estate intact: "log protection"
 * and, with residency, "region deny", each attached to the organization root.
 *
 * SCPs never apply to the management account
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html),
 * so they name only member-account resources: the log-archive buckets, the estate key in
 * security, the Config recorders and the roles that reach them.
 */
export class GuardrailScps extends Construct {
  public readonly policies: readonly OrganizationsPolicy[];
  public readonly specs: readonly ScpSpec[];

  constructor(scope: Construct, id: string, props: GuardrailScpsProps) {
    super(scope, id);
    const { plan, provider } = props;
    this.specs = scpSpecs(plan);
    const org = new DataAwsOrganizationsOrganization(this, "organization", { provider });

    this.policies = this.specs.map((spec) => {
      const size = scpJson(spec).length;
      if (size > SCP_MAX_CHARS) {
        // Fail at synth: Organizations would reject it only at apply (ConstraintViolationException).
        throw new Error(`GuardrailScps: the ${spec.name} SCP is ${size} characters, over the ${SCP_MAX_CHARS} limit; shorten its lists`);
      }
      const s = new Construct(this, spec.id);
      const doc = new DataAwsIamPolicyDocument(s, "document", {
        provider,
        // No principals: an SCP has no Principal element, and the data source
        // omits it when none is given.
        statement: spec.statements.map((st) => ({
          sid: st.sid,
          effect: "Deny",
          actions: st.actions ? [...st.actions] : undefined,
          notActions: st.notActions ? [...st.notActions] : undefined,
          resources: [...st.resources],
          condition: st.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })),
        })),
      });
      const policy = new OrganizationsPolicy(s, "policy", {
        provider,
        name: spec.name,
        description: spec.description,
        type: "SERVICE_CONTROL_POLICY",
        // Minified: the 5,120-character limit counts whitespace.
        content: doc.minifiedJson,
      });
      new OrganizationsPolicyAttachment(s, "attachment", {
        provider,
        policyId: policy.id,
        targetId: org.roots.get(0).id,
        dependsOn: props.attachAfter ? [...props.attachAfter] : undefined,
      });
      return policy;
    });
  }
}
