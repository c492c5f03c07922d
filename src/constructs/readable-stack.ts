import { TerraformElement, TerraformStack } from "cdktf";
import type { Node } from "constructs";

/**
 * A stack whose Terraform addresses are the construct path joined with "_",
 * with no hash suffix: `log_archive/bucket` becomes `aws_s3_bucket.log_archive_bucket`.
 *
 * Construct ids are therefore a contract: renaming one renames the Terraform
 * address, and Terraform would destroy and recreate the resource (a log bucket!).
 * test/addresses.test.ts snapshots every preset's addresses to catch that.
 */
export class ReadableStack extends TerraformStack {
  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const scopes = node.scopes;
    const stackIndex = scopes.findIndex((scope) => scope === this);
    const parts = scopes.slice(stackIndex + 1).map((scope) => scope.node.id);
    const id = parts.join("_").replace(/[^A-Za-z0-9_-]/g, "_");
    if (!/^[a-z_][a-z0-9_-]*$/.test(id)) {
      // Addresses must be stable, readable identifiers; fail at synth, not at apply.
      throw new Error(`construct path "${parts.join("/")}" does not make a valid Terraform name`);
    }
    return id;
  }
}
