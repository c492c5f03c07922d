// Answers pasted the way AWS shows them are taken as meant. The console prints
// an account id as 1234-5678-9012 (account menu, top right); the API and every
// ARN use the 12 digits alone, so the separators are dropped before validation.

const DISPLAYED_ACCOUNT_ID = /^\s*(\d{4})[-\s](\d{4})[-\s](\d{4})\s*$/;

/** "1234-5678-9012" or "1234 5678 9012" -> "123456789012"; anything else unchanged (validation names it). */
export function normalizeAccountId(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = DISPLAYED_ACCOUNT_ID.exec(value);
  return match ? match.slice(1).join("") : value;
}

/**
 * A copy of merged answers with every account id under `accounts` in the
 * 12-digit form. Every string there that looks like a displayed id is one;
 * role names and ARNs never match the pattern.
 */
export function normalizeAnswers(config: Record<string, unknown>): Record<string, unknown> {
  const accounts = config.accounts;
  if (typeof accounts !== "object" || accounts === null || Array.isArray(accounts)) return config;
  const normalized = Object.fromEntries(Object.entries(accounts).map(([key, value]) => [key, normalizeAccountId(value)]));
  return { ...config, accounts: normalized };
}
