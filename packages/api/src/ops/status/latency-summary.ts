/** What an operator reads first about a component's checks over a range: how often it was down, and how slow. */
export interface Check {
  up: boolean;
  latencyMs: number | null;
}

export interface LatencySummary {
  checks: number;
  down: number;
  /** Of the checks it answered; null when it answered none. */
  medianMs: number | null;
  highestMs: number | null;
}

export function latencySummary(checks: readonly Check[]): LatencySummary {
  const answered = checks
    .filter((check) => check.up && check.latencyMs !== null)
    .map((check) => check.latencyMs!)
    .sort((a, b) => a - b);
  const middle = Math.floor(answered.length / 2);
  const median =
    answered.length === 0
      ? null
      : answered.length % 2 === 1
        ? answered[middle]!
        : (answered[middle - 1]! + answered[middle]!) / 2;
  return {
    checks: checks.length,
    down: checks.filter((check) => !check.up).length,
    medianMs: median === null ? null : Math.round(median * 10) / 10,
    highestMs: answered.at(-1) ?? null,
  };
}
