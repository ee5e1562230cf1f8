import { Cron } from "croner";

/** Cron expressions with IANA timezones (croner): validation and fire times. */

export function cronProblem(expression: string, timezone: string): { path: string; message: string } | null {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    return { path: "timezone", message: `"${timezone}" is not an IANA timezone (such as "Europe/Berlin" or "UTC")` };
  }
  // croner also reads six fields (seconds first) and nicknames; schedules take the standard five.
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      path: "cron",
      message: `has ${fields.length} field(s); use five: minute hour day-of-month month day-of-week (e.g. "0 9 * * 1-5")`,
    };
  }
  try {
    const cron = new Cron(expression, { timezone, paused: true });
    const [first, second] = cron.nextRuns(2, new Date());
    if (!first) return { path: "cron", message: "never fires" };
    // Schedules fire at most once a minute: seconds fields would turn a cron into a busy loop.
    if (second && second.getTime() - first.getTime() < 60_000) return { path: "cron", message: "fires more than once a minute" };
    return null;
  } catch (error) {
    return { path: "cron", message: `is not a cron expression: ${(error as Error).message}` };
  }
}

/** The first fire time strictly after `after`, or null. */
export function nextFire(expression: string, timezone: string, after: number): number | null {
  return new Cron(expression, { timezone, paused: true }).nextRun(new Date(after))?.getTime() ?? null;
}

/**
 * The latest slot in (after, now], or null: a schedule that was down for several slots fires
 * once, for the most recent one, not once per slot it missed.
 */
export function latestSlot(expression: string, timezone: string, after: number, now: number): number | null {
  const [previous] = new Cron(expression, { timezone, paused: true }).previousRuns(1, new Date(now + 1));
  const at = previous?.getTime();
  return at !== undefined && at > after && at <= now ? at : null;
}
