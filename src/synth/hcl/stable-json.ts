/**
 * The exact text cdktf writes to cdk.tf.json: json-stable-stringify with
 * `space: 2` (keys sorted by code unit, `{\n}` for empty objects). cdktf
 * bundles that library privately, so the format is reproduced here rather
 * than imported from cdktf's internals.
 */
export function stableStringify(value: unknown): string {
  return write(value, 0) ?? "undefined";
}

function write(node: unknown, level: number): string | undefined {
  if (node !== null && typeof node === "object" && typeof (node as { toJSON?: unknown }).toJSON === "function") {
    node = (node as { toJSON: () => unknown }).toJSON();
  }
  if (node === null || typeof node !== "object") return JSON.stringify(node);
  const indent = "\n" + "  ".repeat(level);
  const inner = indent + "  ";
  if (Array.isArray(node)) {
    const items = node.map((item) => inner + (write(item, level + 1) ?? "null"));
    return `[${items.join(",")}${indent}]`;
  }
  const record = node as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const text = write(record[key], level + 1);
      return text === undefined ? [] : [`${inner}${JSON.stringify(key)}: ${text}`];
    });
  return `{${members.join(",")}${indent}}`;
}
