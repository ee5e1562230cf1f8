import { z } from "zod";
import { hostPatternOf } from "../../domain/allowed-hosts";
import { parseDuration } from "../../domain/duration";
import { duration } from "./config";
import { readBody, retryableStatus, sendStepRequest } from "./http";
import { astria } from "./providers/astria";
import { fal } from "./providers/fal";
import { openai } from "./providers/openai";
import { replicate } from "./providers/replicate";
import type { Provider, Send } from "./providers/types";
import { StepError, type StepType } from "./types";

const PROVIDERS: Record<string, Provider> = { openai, replicate, astria, fal };

/** The operations each provider offers, first the default. */
export const providerOperations = (provider: string): string[] | undefined => PROVIDERS[provider]?.operations;

const params = z.record(z.string(), z.union([z.string(), z.number()]));
const query = z.record(z.string(), z.unknown());

/** The `{ pathParams, queryParams, body }` shape of a Leap action, snake_case accepted too. */
const callFields = {
  operation: z.string().min(1),
  pathParams: params.optional(),
  queryParams: query.optional(),
  path_params: params.optional(),
  query_params: query.optional(),
  body: z.unknown().optional(),
  base_url: z.string().url().optional(),
  wait: z.enum(["callback", "poll"]).optional(),
  poll_interval: duration.optional(),
};

const requestFields = {
  pathParams: "url",
  queryParams: "url",
  path_params: "url",
  query_params: "url",
  base_url: "url",
  body: "content",
} as const;

/**
 * Where a provider's credential may go when its secret names no hosts: the provider's own
 * host, and the host of the profile's `<PROVIDER>_BASE_URL` (set by whoever manages the
 * profile, unlike a step's `base_url`, which any workflow author writes).
 */
function credentialHosts(provider: Provider, providerName: string, vars: Record<string, string>): string[] {
  const gateway = vars[`${providerName.toUpperCase()}_BASE_URL`];
  return [hostPatternOf(provider.baseUrl), gateway ? hostPatternOf(gateway) : null].filter((h): h is string => h !== null);
}

function operationProblem(provider: string, operation: string | undefined): string | null {
  const known = PROVIDERS[provider]?.operations;
  return known && operation !== undefined && !known.includes(operation) ? `${provider} offers ${known.join(", ")}` : null;
}

const integrationConfig = z
  .object({ provider: z.enum(Object.keys(PROVIDERS) as [string, ...string[]]), ...callFields })
  .strict()
  .superRefine((c, ctx) => {
    const problem = operationProblem(c.provider, c.operation);
    if (problem) ctx.addIssue({ code: "custom", path: ["operation"], message: problem });
  });

type IntegrationConfig = z.infer<typeof integrationConfig>;

/**
 * Calls a provider's real HTTP API with credentials from the run's profile. The base URL is the
 * step's `base_url`, else the profile variable `<PROVIDER>_BASE_URL` (self-hosted gateways,
 * tests), else the provider's own. A provider's webhook field is always Stepline's callback.
 */
export const integration: StepType<IntegrationConfig> = {
  type: "integration",
  config: integrationConfig,
  produces: "any",
  requestFields,
  literalUrls: ({ base_url }) => (typeof base_url === "string" && !base_url.includes("{{") ? [{ field: "base_url", url: base_url }] : []),
  execute: async (config, ctx) => {
    const provider = PROVIDERS[config.provider];
    const credential = ctx.vars[provider.credential];
    if (!credential) {
      throw new StepError(
        "MISSING_CREDENTIAL",
        `${config.provider} needs the profile variable ${provider.credential} (profile ${ctx.run.profile})`,
        false,
      );
    }
    const base = (config.base_url ?? ctx.vars[`${config.provider.toUpperCase()}_BASE_URL`] ?? provider.baseUrl).replace(/\/+$/, "");
    const secrets = ctx.secrets.carrying(ctx.vars, provider.credential, credentialHosts(provider, config.provider, ctx.vars));
    const send: Send = async (spec) => {
      const request = { ...spec, headers: { ...spec.headers, ...provider.authHeader(credential) } };
      const response = await sendStepRequest(request, { ...ctx, secrets });
      const body = await readBody(response, "auto");
      if (response.status < 200 || response.status >= 300) {
        throw new StepError(
          "PROVIDER_STATUS",
          `${config.provider} ${spec.method} ${shownPath(ctx.secrets.shownUrl(spec.url))} answered ${response.status}`,
          retryableStatus(response.status),
          {
            status: response.status,
            body,
          },
        );
      }
      return body;
    };
    return provider.run(
      {
        operation: config.operation,
        pathParams: config.pathParams ?? config.path_params ?? {},
        queryParams: config.queryParams ?? config.query_params ?? {},
        body: config.body,
        wait: config.wait,
        pollIntervalMs: parseDuration(config.poll_interval) ?? 1000,
      },
      base,
      send,
      ctx,
    );
  },
  callbackResult: (config, payload) => providerCallbackResult(config.provider, payload),
};

/** The path of a provider URL for a message; a URL built from a secret is not shown at all. */
function shownPath(url: string): string {
  return URL.canParse(url) ? new URL(url).pathname : url;
}

function providerCallbackResult(provider: string, payload: unknown): unknown {
  const read = PROVIDERS[provider]?.callbackResult;
  return read ? read(payload) : payload;
}

/**
 * A Leap action (`openai`, `astria`, `replicate`, and `fal`): the integration step with the
 * provider in its type; `operation` defaults to the provider's first one.
 */
function action(provider: string): StepType<Omit<IntegrationConfig, "provider">> {
  return {
    type: provider,
    config: z
      .object({ ...callFields, operation: callFields.operation.optional() })
      .strict()
      .superRefine((c, ctx) => {
        const problem = operationProblem(provider, c.operation);
        if (problem) ctx.addIssue({ code: "custom", path: ["operation"], message: problem });
      }) as z.ZodType<Omit<IntegrationConfig, "provider">>,
    produces: "any",
    requestFields,
    execute: (config, ctx) =>
      integration.execute({ ...config, provider, operation: config.operation ?? PROVIDERS[provider].operations[0] }, ctx),
    callbackResult: (_config, payload) => providerCallbackResult(provider, payload),
  };
}

export const actions = Object.keys(PROVIDERS).map(action);
