import { type StepContext, StepError } from "../types";

/**
 * Polls `check` until it returns a value, sleeping `intervalMs` between tries, within the
 * attempt (its timeout and cancel abort the wait).
 */
export async function pollUntil<T>(ctx: StepContext, intervalMs: number, check: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const done = await check();
    if (done !== undefined) return done;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, intervalMs);
      ctx.signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(ctx.signal.reason ?? new StepError("ABORTED", "the step was aborted"));
        },
        { once: true },
      );
    });
  }
}
