import { DurableObject } from "cloudflare:workers";

/** One per workflow (and concurrency key): hands out run slots first-in first-out. */
export class LimiterObject extends DurableObject<Env> {}
