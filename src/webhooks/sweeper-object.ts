import { DurableObject } from "cloudflare:workers";
import { sweepDeliveries } from "../services/webhooks";

/**
 * Re-sends webhook deliveries whose queue message was lost (a restarted local queue, a
 * consumer that died). It keeps an alarm while any delivery is pending, so it works where
 * cron triggers do not run (wrangler dev) as well as beside the cron in production.
 */
export class WebhookSweeper extends DurableObject<Env> {
  private intervalMs(): number {
    return Math.max(1, Number(this.env.WEBHOOK_SWEEP_SECONDS || 60)) * 1000;
  }

  /** Makes sure an alarm is set; called when deliveries are queued. */
  async poke(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + this.intervalMs());
  }

  async alarm(): Promise<void> {
    const interval = this.intervalMs();
    const { pending } = await sweepDeliveries(this.env, Date.now(), Math.min(30_000, interval));
    if (pending) await this.ctx.storage.setAlarm(Date.now() + interval);
  }
}
