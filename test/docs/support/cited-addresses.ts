// Every Terraform address a Markdown document cites: inline code spans that
// look like `type.name` or `data.type.name` for an AWS resource type.
const CITED = /`((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)`/g;

export function citedAddresses(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(CITED)].map((m) => m[1]!))].sort();
}
