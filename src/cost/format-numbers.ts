// Number formatting for estimates and documents. Written out rather than
// Intl-based so output never depends on the machine's locale or ICU build.

/** 1234567.8 -> "1,234,568"; fractions kept to `decimals` places. */
export function groupThousands(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, fraction] = fixed.split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** US dollars with cents: "$1,234.56"; amounts that round to zero but are not zero show "< $0.01". */
export function usd(amount: number): string {
  if (amount > 0 && amount < 0.005) return "< $0.01";
  return `$${groupThousands(amount, 2)}`;
}

/** A unit price as AWS prints it: "$0.0053", "$2.00". */
export function unitPrice(amount: number): string {
  const text = amount.toString();
  const decimals = text.includes(".") ? Math.max(2, text.split(".")[1]!.length) : 2;
  return `$${amount.toFixed(decimals)}`;
}

/** Bytes in binary units, as AWS bills storage ("GB" meaning 2^30 bytes). */
export function gigabytes(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return `${groupThousands(gb, gb >= 100 ? 0 : gb >= 1 ? 1 : 3)} GB`;
}

export function kilobytes(bytes: number): string {
  return `${groupThousands(bytes / 1024, 1)} KB`;
}
