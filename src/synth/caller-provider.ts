// Module mode: the root module that calls the estate owns the AWS provider
// configurations (region, credentials, default tags) and passes them in. A
// child module must not declare `provider "aws"` blocks of its own (Terraform
// then refuses `count`/`for_each` on the module call, and the caller could not
// choose credentials), so it only names the aliases it expects.
import { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

/**
 * Stands in for an AwsProvider the caller passes in. Resources still point at
 * it, so they keep `provider = aws.<alias>`; it synthesizes no provider block,
 * only its alias in `required_providers.aws.configuration_aliases` (cdktf
 * concatenates the lists of every instance, in construction order). The
 * unaliased default provider synthesizes nothing at all: a child module
 * inherits the caller's default `aws` provider without declaring it.
 */
export class CallerProvidedAws extends TerraformProvider {
  private readonly callerAlias: string | undefined;

  constructor(scope: Construct, id: string, alias: string | undefined) {
    super(scope, id, {
      terraformResourceType: "aws",
      // providerName lets cdktf's ValidateProviderPresence see that the aws resources have a provider.
      terraformGeneratorMetadata: { providerName: "aws" },
      terraformProviderSource: "hashicorp/aws",
    });
    this.callerAlias = alias;
  }

  override get alias(): string | undefined {
    return this.callerAlias;
  }

  override set alias(_value: string | undefined) {
    throw new Error("CallerProvidedAws: the alias is fixed at construction (it is the name the caller maps a provider to)");
  }

  /** Terraform JSON names an alias as a string, `"aws.management"`; the HCL printer writes it bare. */
  override toTerraform(): Record<string, unknown> {
    if (this.callerAlias === undefined) return {};
    return { terraform: { required_providers: { aws: { configuration_aliases: [`aws.${this.callerAlias}`] } } } };
  }

  override toHclTerraform(): Record<string, unknown> {
    return this.toTerraform();
  }

  override toMetadata(): Record<string, unknown> {
    return {};
  }
}
