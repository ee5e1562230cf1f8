import { DurableObject } from "cloudflare:workers";

/** One per run: the authoritative state of the run, and the sequencer of its steps. */
export class RunObject extends DurableObject<Env> {}
