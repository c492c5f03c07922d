// Module mode: the estate's tags (plan.tags: managed-by, trailwright-estate and
// the answers' `tags`) ride on the provider's default_tags in root mode. A child
// module has no provider of its own, and the caller's default_tags are the
// caller's, so without this the `tags` answer would silently do nothing. Each
// taggable resource carries them itself; the caller's default_tags still apply
// on top (AWS provider >= 5: a resource tag wins over a default tag of the same key).
import { Aspects, TerraformResource, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";

/** The generated bindings give a resource a `tags` accessor (and `tagsInput`) only when its schema has `tags`. */
interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput: Record<string, string> | undefined;
}

function isTaggable(node: IConstruct): node is IConstruct & Taggable {
  return TerraformResource.isTerraformResource(node) && "tagsInput" in node;
}

class TagEveryResource implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    // A tag a construct sets itself is more specific than the estate-wide one.
    if (isTaggable(node)) node.tags = { ...this.tags, ...(node.tagsInput ?? {}) };
  }
}

/** Tags every taggable resource under `scope` (data sources are not resources, so they are left alone). */
export function tagEveryResource(scope: IConstruct, tags: Readonly<Record<string, string>>): void {
  Aspects.of(scope).add(new TagEveryResource(tags));
}
