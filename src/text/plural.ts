// Counted nouns in messages: "1 file", "2 files", never "1 files".

/** `count` and the noun, in the singular for exactly one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
