import { DurableObject } from "cloudflare:workers";
import { sweepLegacyDeliveries } from "../services/legacy-deliveries";
import { sweepGraceMs, sweepIntervalMs } from "./schedule";

/**
 * Re-sends D1 webhook deliveries (made before deliveries were kept by their run's object) whose
 * queue message was lost. It keeps an alarm while any is pending, so it works where cron triggers
 * do not run (wrangler dev) as well as beside the cron in production. Run objects recover their
 * own deliveries from their alarms; the class stays because removing a Durable Object class
 * takes a migration.
 */
export class WebhookSweeper extends DurableObject<Env> {
  /** Makes sure an alarm is set; called when D1 deliveries are queued. */
  async poke(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + sweepIntervalMs(this.env));
  }

  async alarm(): Promise<void> {
    const { pending } = await sweepLegacyDeliveries(this.env, Date.now(), sweepGraceMs(this.env));
    if (pending) await this.ctx.storage.setAlarm(Date.now() + sweepIntervalMs(this.env));
  }
}
