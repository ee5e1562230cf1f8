const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;

/** `"10s"`, `"5m"`, `"1.5h"`, `"250ms"` or a number of milliseconds; null when not a duration. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== "string") return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const match = DURATION.exec(value);
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

export function isDuration(value: unknown): boolean {
  return parseDuration(value) !== null;
}
