// CloudWatch Logs accepts only these retention values (PutRetentionPolicy API);
// anything else fails at apply time (pitfalls.md 17), so answers are snapped up.
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

/** The smallest allowed value that keeps logs at least `days`, or undefined past the maximum. */
export function snapRetentionDays(days: number): number | undefined {
  return CLOUDWATCH_RETENTION_DAYS.find((allowed) => allowed >= days);
}
