import { DurableObject } from "cloudflare:workers";

/** One per cron schedule: an alarm at the next fire time starts a run. */
export class ScheduleObject extends DurableObject<Env> {}
