import type { DeliveryMessage } from "../engine/port";
import { deliverLegacyMessage, isLegacyMessage, type LegacyMessage, markLegacyDeadLettered } from "../services/legacy-deliveries";
import { deliverWebhook, deliveryDeadLettered } from "../services/webhooks";

/** Queues cap one delay at 12 hours; longer waits take several hops. */
const MAX_QUEUE_DELAY_S = 12 * 3600;

// A message may arrive up to a second early (the attempt allows for it), so rounding is safe.
const delaySeconds = (ms: number) => Math.min(MAX_QUEUE_DELAY_S, Math.max(0, Math.round(ms / 1000)));

type WebhookMessage = DeliveryMessage | LegacyMessage;

/** The webhook queue's consumer: the delivery's store makes the attempt and says when the message should come back. */
export async function deliverBatch(batch: MessageBatch<WebhookMessage>, env: Env): Promise<void> {
  await Promise.all(batch.messages.map((message) => deliverMessage(message, env)));
}

async function deliverMessage(message: Message<WebhookMessage>, env: Env): Promise<void> {
  try {
    const body = message.body;
    const wait = isLegacyMessage(body) ? await deliverLegacyMessage(env, body) : await deliverWebhook(env, body);
    if (wait === null) message.ack();
    else message.retry({ delaySeconds: delaySeconds(wait) });
  } catch (error) {
    // Nothing was recorded, or the attempt's hold expires; a redelivery of this message tries again.
    console.error("webhooks: delivery failed unexpectedly", error);
    message.retry({ delaySeconds: 5 });
  }
}

/** The dead-letter queue's consumer: the queue gave up, so the delivery is failed (and can be redelivered). */
export async function deadLetterBatch(batch: MessageBatch<WebhookMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const body = message.body;
    if (isLegacyMessage(body)) await markLegacyDeadLettered(env, body.id);
    else await deliveryDeadLettered(env, body);
    message.ack();
  }
}
