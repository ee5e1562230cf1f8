import type { StepDefinition } from "../domain/definition";
import { parseDuration } from "../domain/duration";
import { Limits } from "../domain/limits";
import {
  ExpressionError,
  isTemplate,
  render,
  renderRequestField,
  renderString,
  type Scope,
  SecretNotAllowedError,
  SecretUse,
} from "./expressions";
import { STEP_DEFAULTS } from "./retries";
import { SecretGate } from "./secret-gate";
import { type StepContext, StepError, type StepOutcome, type StepType } from "./steps/types";

/**
 * One attempt of one step: render its config, run its type with the attempt's timeout, and
 * for `for_each` run the items with bounded concurrency, saving each item's output as it
 * lands so a later attempt runs only the items still missing.
 */

export function toStepError(error: unknown): StepError {
  if (error instanceof StepError) return error;
  if (error instanceof SecretNotAllowedError) return new StepError("SECRET_NOT_ALLOWED", error.message, false);
  if (error instanceof ExpressionError) return new StepError("EXPRESSION_FAILED", error.message, false);
  if (error instanceof Error) return new StepError("STEP_ERROR", error.message || error.name);
  return new StepError("STEP_ERROR", String(error));
}

const containsTemplate = new WeakMap<object, boolean>();

function hasTemplates(value: unknown): boolean {
  if (typeof value === "string") return isTemplate(value);
  if (!value || typeof value !== "object") return false;
  let known = containsTemplate.get(value);
  if (known === undefined) {
    known = Object.values(value).some(hasTemplates);
    containsTemplate.set(value, known);
  }
  return known;
}

/** A rendered config; `shown` is what the step's input stores, with what secrets made masked. */
export interface RenderedConfig {
  config: Record<string, unknown>;
  shown: Record<string, unknown>;
  secrets: SecretUse;
  /** A field that builds the request's URL read a secret, so the URL may hold what it made. */
  urlFromSecrets: boolean;
}

/** Wraps an evaluation failure in the step error it means; a secret's message names its field itself. */
function expressionFailure(error: unknown, where: string, field?: string): StepError {
  if (error instanceof SecretNotAllowedError) return new StepError("SECRET_NOT_ALLOWED", `${where}: ${error.message}`, false);
  return new StepError("EXPRESSION_FAILED", `${where}${field ? `, ${field}` : ""}: ${(error as Error).message}`, false);
}

/**
 * Renders a config and checks the rendered values against the type's schema. Secrets may be
 * read only in the type's request fields; anywhere else the step fails before it stores or
 * sends anything.
 */
export async function renderConfig(
  type: StepType,
  config: Record<string, unknown> | undefined,
  scope: Scope,
  where: string,
): Promise<RenderedConfig> {
  const raw = config ?? {};
  const secrets = new SecretUse();
  if (!hasTemplates(raw)) return { config: raw, shown: raw, secrets, urlFromSecrets: false };
  const rendered: Record<string, unknown> = {};
  const shown: Record<string, unknown> = {};
  let urlFromSecrets = false;
  try {
    for (const [key, value] of Object.entries(raw)) {
      const builds = type.requestFields?.[key];
      if (builds) {
        const used = new SecretUse();
        const field = await renderRequestField(value, scope, `config.${key}`, used);
        rendered[key] = field.value;
        shown[key] = field.shown;
        for (const name of used.reads) secrets.reads.add(name);
        secrets.derived.push(...used.derived);
        if (builds === "url" && used.reads.size > 0) urlFromSecrets = true;
      } else {
        rendered[key] = await render(value, scope, `config.${key}`);
        shown[key] = rendered[key];
      }
    }
  } catch (error) {
    throw expressionFailure(error, where);
  }
  const parsed = type.config.safeParse(rendered);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StepError("INVALID_CONFIG", `${where}: config.${issue.path.join(".")} ${issue.message} after rendering`, false);
  }
  return { config: parsed.data as Record<string, unknown>, shown, secrets, urlFromSecrets };
}

export async function evaluateCondition(def: StepDefinition, scope: Scope): Promise<unknown> {
  if (typeof def.if === "boolean") return def.if;
  try {
    return await renderString(def.if as string, scope, "if");
  } catch (error) {
    throw expressionFailure(error, `step ${def.id}`, "if");
  }
}

export async function resolveItems(def: StepDefinition, scope: Scope): Promise<unknown[]> {
  let items: unknown;
  try {
    items = Array.isArray(def.for_each)
      ? await render(def.for_each, scope, "for_each")
      : await renderString(def.for_each as string, scope, "for_each");
  } catch (error) {
    throw expressionFailure(error, `step ${def.id}`, "for_each");
  }
  if (items === null || items === undefined) return [];
  if (!Array.isArray(items)) throw new StepError("INVALID_FOR_EACH", `step ${def.id}: for_each gave ${typeof items}, not an array`, false);
  if (items.length > Limits.forEachItems) {
    throw new StepError(
      "INVALID_FOR_EACH",
      `step ${def.id}: for_each gave ${items.length} items; the limit is ${Limits.forEachItems}`,
      false,
    );
  }
  return items;
}

export function attemptTimeout(def: StepDefinition, type: StepType): number | null {
  if (def.timeout !== undefined) return parseDuration(def.timeout);
  return type.waits ? null : STEP_DEFAULTS.timeoutMs;
}

/** Runs `work`, failing with STEP_TIMEOUT when the attempt's time is up and with the abort reason on cancel. */
export function withDeadline<T>(
  work: Promise<T>,
  signal: AbortSignal,
  controller: AbortController,
  timeoutMs: number | null,
  stepId: string,
) {
  const timer =
    timeoutMs === null
      ? null
      : setTimeout(() => controller.abort(new StepError("STEP_TIMEOUT", `step ${stepId} took longer than ${timeoutMs} ms`)), timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});
  return Promise.race([work, aborted]).finally(() => {
    if (timer) clearTimeout(timer);
  });
}

export interface ItemProgress {
  done: Map<number, unknown>;
  save(index: number, output: unknown): void;
}

/** Runs the items of a for_each step; the output is the array of item outputs, in order. */
export async function runItems(
  def: StepDefinition,
  type: StepType,
  items: unknown[],
  scope: Scope,
  ctx: StepContext,
  progress: ItemProgress,
  timeoutMs: number | null,
  learn: (derived: string[]) => void,
): Promise<StepOutcome> {
  const concurrency = def.max_concurrency ?? 10;
  const outputs: unknown[] = new Array(items.length);
  for (const [index, output] of progress.done) if (index < items.length) outputs[index] = output;
  const todo = items.map((_, i) => i).filter((i) => !progress.done.has(i));
  let failure: unknown = null;
  let next = 0;
  const worker = async () => {
    while (failure === null && next < todo.length) {
      const index = todo[next++];
      const itemScope = { ...scope, item: items[index], index };
      const controller = new AbortController();
      const onAbort = () => controller.abort(ctx.signal.reason);
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      try {
        const { config, secrets, urlFromSecrets } = await renderConfig(type, def.config, itemScope, `step ${def.id}[${index}]`);
        learn(secrets.derived);
        const itemCtx: StepContext = {
          ...ctx,
          secrets: SecretGate.of(ctx.stepId, ctx.vars, secrets.reads, urlFromSecrets),
          index,
          signal: controller.signal,
          idempotencyKey: `${ctx.run.id}:${ctx.stepId}:${index}`,
        };
        const outcome = await withDeadline(type.execute(config, itemCtx), controller.signal, controller, timeoutMs, `${def.id}[${index}]`);
        if (outcome.kind !== "output") throw new StepError("INVALID_FOR_EACH", `${def.type} cannot wait inside for_each`, false);
        outputs[index] = outcome.output;
        progress.save(index, outcome.output);
      } catch (error) {
        failure ??= error;
      } finally {
        ctx.signal.removeEventListener("abort", onAbort);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  if (failure !== null) throw failure;
  return { kind: "output", output: outputs };
}
