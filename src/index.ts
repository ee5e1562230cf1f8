import { buildApp } from "./api/app";

export { LimiterObject } from "./engine/limiter-object";
export { RunObject } from "./engine/run-object";
export { ScheduleObject } from "./schedules/schedule-object";

const app = buildApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
