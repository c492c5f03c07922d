// The printer lays out every block, attribute, string and plain reference the
// way `terraform fmt` does (the Terraform gates in test/estate prove it on every
// preset). What it cannot vouch for is an expression cdktf wrote as text, such
// as `jsonencode({...})` or `length(x) > 0`: it copies those verbatim, spacing
// and all. Only then does the output need `terraform fmt`.
import { splitTemplate } from "./template.js";

/** `${aws_s3_bucket.b.arn}`, `${data.x.y.json}`, `${aws.management}`, `${x[0].id}`: printed canonically. */
const PLAIN_REFERENCE = /^\$\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*\}$/;

export function needsTerraformFmt(config: unknown): boolean {
  if (typeof config === "string") {
    return splitTemplate(config).some((segment) => segment.kind === "sequence" && !PLAIN_REFERENCE.test(segment.text));
  }
  if (Array.isArray(config)) return config.some(needsTerraformFmt);
  if (config !== null && typeof config === "object") return Object.values(config).some(needsTerraformFmt);
  return false;
}
