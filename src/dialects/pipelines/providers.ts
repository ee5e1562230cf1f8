import { isDuration } from "../../domain/duration";
import { providerOperations } from "../../engine/steps/integration";
import type { ValidationError } from "./schemas";
import { type Loc, valueError } from "./validation";

/**
 * A pipelines task runs on Stepline's `integration` step. Its `provider_config`
 * (`{provider_type, fal_app_id, model, version, operation, base_url, ...}`) says which
 * provider and model; the request is the step's `config` plus its mapped inputs.
 */

export type ProviderConfig = Record<string, unknown> & { provider_type: string };

export const PROVIDER_TYPES = ["fal", "replicate", "openai", "astria"];

/** The default operation where a provider offers several. */
const DEFAULT_OPERATION: Record<string, string> = { openai: "images.generations", astria: "prompts.create" };

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** `provider_type` as Stepline names providers ("FAL" and "fal" alike). */
export const providerName = (config: Record<string, unknown>): string => String(config.provider_type ?? "").toLowerCase();

/** What is wrong with a provider config, each problem at its `loc`; `typeLoc` is where the type was given. */
export function providerProblems(config: Record<string, unknown>, loc: Loc, typeLoc: Loc): ValidationError[] {
  const provider = providerName(config);
  if (!PROVIDER_TYPES.includes(provider)) {
    return [
      valueError(typeLoc, `unknown provider type ${JSON.stringify(config.provider_type ?? null)}; use one of ${PROVIDER_TYPES.join(", ")}`),
    ];
  }
  const problems: ValidationError[] = [];
  const operations = providerOperations(provider) ?? [];
  const operation = config.operation ?? DEFAULT_OPERATION[provider] ?? operations[0];
  if (typeof operation !== "string" || !operations.includes(operation)) {
    problems.push(valueError([...loc, "operation"], `${provider} offers ${operations.join(", ")}`));
  }
  if (provider === "fal" && !text(config.fal_app_id) && !text(config.app_id)) {
    problems.push(valueError([...loc, "fal_app_id"], "fal needs fal_app_id, such as fal-ai/flux/dev"));
  }
  if (provider === "replicate") {
    if (config.model !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(String(config.model))) {
      problems.push(valueError([...loc, "model"], 'a Replicate model is "owner/name"'));
    } else if (!text(config.model) && !text(config.version)) {
      problems.push(valueError([...loc, "model"], "Replicate needs a model (owner/name) or a version"));
    }
  }
  const tuneId = typeof config.tune_id === "string" || typeof config.tune_id === "number";
  if (provider === "astria" && operation === "prompts.create" && !tuneId) {
    problems.push(valueError([...loc, "tune_id"], "Astria prompts need the tune_id they run on"));
  }
  if (config.base_url !== undefined && !/^https?:\/\/\S+$/.test(String(config.base_url))) {
    problems.push(valueError([...loc, "base_url"], "must be an http(s) URL"));
  }
  if (config.wait !== undefined && config.wait !== "callback" && config.wait !== "poll") {
    problems.push(valueError([...loc, "wait"], 'is "callback" or "poll"'));
  }
  if (config.poll_interval !== undefined && !isDuration(config.poll_interval)) {
    problems.push(valueError([...loc, "poll_interval"], 'must be a duration such as "500ms" or "2s"'));
  }
  return problems;
}

/** The `integration` step config that sends `request` to the provider. */
export function integrationConfig(config: ProviderConfig, request: Record<string, unknown>): Record<string, unknown> {
  const provider = providerName(config);
  const operation = String(config.operation ?? DEFAULT_OPERATION[provider] ?? providerOperations(provider)?.[0]);
  const step: Record<string, unknown> = { provider, operation };
  for (const key of ["base_url", "wait", "poll_interval"]) if (config[key] !== undefined) step[key] = config[key];
  switch (provider) {
    case "fal":
      return { ...step, pathParams: { app_id: String(config.fal_app_id ?? config.app_id) }, body: request };
    case "replicate": {
      const [owner, name] = text(config.model)?.split("/") ?? [];
      const body = config.version === undefined ? { input: request } : { version: config.version, input: request };
      return { ...step, ...(owner && name ? { pathParams: { owner, name } } : {}), body };
    }
    case "openai":
      return { ...step, body: config.model === undefined ? request : { model: config.model, ...request } };
    default: {
      const prompts = operation === "prompts.create";
      return {
        ...step,
        ...(prompts ? { pathParams: { tune_id: config.tune_id as string | number } } : {}),
        body: prompts ? { prompt: request } : { tune: request },
      };
    }
  }
}
