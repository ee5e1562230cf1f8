import type { SigningSecrets } from "../webhooks/sign";
import type { LimiterRef } from "./run-types";
import type { RunSummary } from "./run-view";
import type { StepOutcome } from "./steps/types";
import type { RunRecord, StepRecord } from "./store";
import type { WebhookFormat } from "./webhook-format";

export type ChildOutcome = Extract<StepOutcome, { kind: "child" }>;

/** A profile's variables as a run reads them. */
export interface RunVariables {
  /** Every value; its secrets and their allowed hosts are attached (see engine/secret-vars). */
  vars: Record<string, string>;
  /** Plain values of the secrets, so the run can mask them. */
  secrets: string[];
}

/** The queue message of a delivery kept by run `run`; `mid` is its generation, and only the latest counts. */
export interface DeliveryMessage {
  run: string;
  id: string;
  mid: number;
}

/**
 * Everything a run asks of the world beyond its own object: other runs, its limiter, D1, the
 * runs index, the webhook queue. The engine declares it and calls nothing else outside;
 * RunObject fills it in with services (engine/run-port.ts), the only code that reaches D1 and
 * other objects.
 */
export interface RunPort {
  startChild(parent: RunRecord, step: StepRecord, childRunId: string, outcome: ChildOutcome): Promise<void>;
  cancelChild(childRunId: string): Promise<void>;
  /** Tells the parent run that this child ended. */
  notifyParent(run: RunRecord): Promise<void>;
  acquireSlot(limiter: LimiterRef, runId: string): Promise<"granted" | "queued">;
  releaseSlot(limiter: LimiterRef, runId: string): Promise<void>;
  loadVars(appId: string, profile: string): Promise<RunVariables>;
  callbackUrl(run: RunRecord, step: StepRecord, expiresAt: number): Promise<string>;
  /** Writes the run's summary to its runs index shard. */
  indexRun(summary: RunSummary): Promise<void>;
  /** Clears what D1 keeps of a purged run. */
  purgeRunCopies(appId: string, runId: string): Promise<void>;
  /** The webhook format of the surface that started the run. */
  webhookFormat(surface: string): WebhookFormat;
  /** Throws when the queue does not take them. */
  queueDeliveries(messages: DeliveryMessage[]): Promise<void>;
  /** Whether D1 already has a delivery with this id (made before deliveries were kept in the run). */
  legacyDeliveryExists(id: string): Promise<boolean>;
  signingSecrets(appId: string): Promise<SigningSecrets>;
}
