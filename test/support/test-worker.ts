import { lazyObject } from "../../src/lazy-object";

/**
 * The Worker as the workers test project deploys it (test/support/vitest-projects.ts): Stepline's
 * own entry points, with the run and schedule objects that carry the tests' hooks
 * (test/support/test-objects.ts) in place of the production ones.
 */
export { default, LimiterObject, RunIndexShard, Stepline, WebhookSweeper } from "../../src/index";

export const RunObject = lazyObject(async () => (await import("./test-objects")).TestRunObject);
export const ScheduleObject = lazyObject(async () => (await import("./test-objects")).TestScheduleObject);
