import { z } from "zod";
import { parseDuration } from "../../domain/duration";
import { Limits } from "../../domain/limits";
import { allowsPrivateNetwork, guardedFetch } from "../../net/fetch";
import { UnsafeUrlError } from "../../net/ssrf";
import { duration, stringMap, templated } from "./config";
import { output, type StepContext, StepError, type StepOutcome, type StepType } from "./types";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const queryValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

const pathParams = z.record(z.string(), z.union([z.string(), z.number()]));
const queryParams = z.record(z.string(), queryValue);

/** Request fields; Leap's HTTP utility names the parameters in camelCase, and both are accepted. */
export const httpRequestFields = {
  path_params: pathParams.optional(),
  query_params: queryParams.optional(),
  pathParams: pathParams.optional(),
  queryParams: queryParams.optional(),
  headers: stringMap.optional(),
  body: z.unknown().optional(),
};

/**
 * Where the one-time callback URL goes: a body field (dot path, default `callback_url`), a
 * query parameter or a header; whatever the user put there is overridden.
 */
export const CallbackOptions = z
  .object({
    field: z.string().min(1).max(200).optional(),
    query: z.string().min(1).max(200).optional(),
    header: z.string().min(1).max(200).optional(),
    timeout: duration.optional(),
  })
  .strict();

export type CallbackOptions = z.infer<typeof CallbackOptions>;

/** Puts `value` at a dot path inside a copy of `body`. */
export function setPath(body: unknown, path: string, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> =
    body && typeof body === "object" && !Array.isArray(body) ? structuredClone(body as Record<string, unknown>) : {};
  const parts = path.split(".");
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node[part] = next && typeof next === "object" && !Array.isArray(next) ? next : {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
  return root;
}

/**
 * The outcome of a request answered later by a callback: the URL is written into the request,
 * the step waits (so an early callback is not missed), then the request is sent.
 */
export async function callbackOutcome(
  spec: HttpRequestSpec,
  options: CallbackOptions,
  ctx: StepContext,
  send: (spec: HttpRequestSpec) => Promise<void>,
): Promise<StepOutcome> {
  const timeoutMs = (options.timeout === undefined ? null : parseDuration(options.timeout)) ?? ctx.timeoutMs;
  const url = await ctx.callbackUrl(timeoutMs);
  const request: HttpRequestSpec = { ...spec };
  if (options.query) request.query_params = { ...spec.query_params, [options.query]: url };
  else if (options.header) request.headers = { ...spec.headers, [options.header]: url };
  else request.body = setPath(spec.body, options.field ?? "callback_url", url);
  return { kind: "callback", timeoutMs, request: () => send(request) };
}

const httpConfig = z
  .object({
    method: templated(z.enum(METHODS)).optional(),
    url: z.string().min(1),
    ...httpRequestFields,
    response: z.enum(["auto", "json", "text"]).optional(),
    ok_status: z.array(z.number().int().min(100).max(599)).optional(),
    follow_redirects: z.boolean().optional(),
    await_callback: z.union([z.literal(true), CallbackOptions]).optional(),
  })
  .strict();

export type HttpConfig = z.infer<typeof httpConfig>;

export interface HttpRequestSpec {
  method: string;
  url: string;
  path_params?: Record<string, string | number>;
  query_params?: Record<string, unknown>;
  headers?: Record<string, string | number | boolean>;
  body?: unknown;
}

/** A URL written without a scheme (`someapp.com/api`, as Leap's HTTP utility allows) is https. */
export const withScheme = (url: string): string => (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);

/** Fills `{name}` and `:name` path parameters and appends query parameters. */
export function buildUrl(spec: Pick<HttpRequestSpec, "url" | "path_params" | "query_params">): string {
  let url = withScheme(spec.url);
  for (const [name, value] of Object.entries(spec.path_params ?? {})) {
    const encoded = encodeURIComponent(String(value));
    url = url.replaceAll(`{${name}}`, encoded).replace(new RegExp(`:${name}(?=/|$|\\?)`, "g"), encoded);
  }
  const query = Object.entries(spec.query_params ?? {});
  if (query.length === 0) return url;
  const parsed = new URL(url);
  for (const [name, value] of query) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined) parsed.searchParams.append(name, String(v));
    }
  }
  return parsed.toString();
}

/** Sends one request for a step: SSRF-checked, idempotency-keyed, aborted with the step. */
export async function sendStepRequest(spec: HttpRequestSpec, ctx: StepContext, followRedirects = true): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, String(value));
  if (!headers.has("idempotency-key")) headers.set("idempotency-key", ctx.idempotencyKey);
  let body: BodyInit | undefined;
  if (spec.body !== undefined && spec.body !== null && spec.method !== "GET" && spec.method !== "HEAD") {
    if (typeof spec.body === "string") body = spec.body;
    else {
      body = JSON.stringify(spec.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  let url: string;
  try {
    url = buildUrl(spec);
  } catch {
    throw new StepError("INVALID_URL", `${ctx.secrets.shownUrl(spec.url)} is not a valid URL`, false);
  }
  try {
    return await guardedFetch(
      url,
      {
        method: spec.method,
        headers,
        body,
        signal: ctx.signal,
        followRedirects,
        onRequest: ctx.countHttpCall,
        beforeEach: (target, from) => ctx.secrets.check(target, from),
      },
      allowsPrivateNetwork(ctx.env),
    );
  } catch (error) {
    if (error instanceof UnsafeUrlError) {
      const shown = ctx.secrets.shownUrl(error.url);
      throw new StepError("URL_NOT_ALLOWED", shown === error.url ? error.message : `${shown} is not allowed: ${error.reason}`, false);
    }
    if (error instanceof StepError) throw error;
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw new StepError("HTTP_ERROR", `${spec.method} ${ctx.secrets.shownUrl(url)} failed: ${(error as Error).message}`);
  }
}

/** Reads a response body, refusing one larger than a step output may be. */
export async function readBody(response: Response, mode: "auto" | "json" | "text" = "auto"): Promise<unknown> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > Limits.stepOutputBytes) {
    await response.body?.cancel();
    throw new StepError("OUTPUT_TOO_LARGE", `the response body is ${declared} bytes; the limit is ${Limits.stepOutputBytes}`, false);
  }
  const text = await response.text();
  if (text.length > Limits.stepOutputBytes) {
    throw new StepError("OUTPUT_TOO_LARGE", `the response body is over ${Limits.stepOutputBytes} bytes`, false);
  }
  const isJson = mode === "json" || (mode === "auto" && /\bjson\b/i.test(response.headers.get("content-type") ?? ""));
  if (!isJson || text === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    if (mode === "json") throw new StepError("INVALID_RESPONSE", "the response body is not JSON", false);
    return text;
  }
}

/** Whether a failed status is worth retrying: 5xx, 408 and 429. */
export const retryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

const isTemplate = (value: unknown) => typeof value === "string" && value.includes("{{");

export const http: StepType<HttpConfig> = {
  type: "http",
  config: httpConfig,
  produces: "any",
  requestFields: {
    url: "url",
    path_params: "url",
    query_params: "url",
    pathParams: "url",
    queryParams: "url",
    headers: "content",
    body: "content",
  },
  literalUrls: ({ url, path_params }) => {
    const params = (path_params && typeof path_params === "object" ? path_params : {}) as Record<string, string | number>;
    if (typeof url !== "string" || isTemplate(url) || Object.values(params).some(isTemplate)) return [];
    return [{ field: "url", url: buildUrl({ url, path_params: params }) }];
  },
  execute: async (config, ctx) => {
    const method = (config.method ?? "GET").toUpperCase();
    if (!(METHODS as readonly string[]).includes(method)) {
      throw new StepError("INVALID_CONFIG", `method ${method} is not one of ${METHODS.join(", ")}`, false);
    }
    const call = async (spec: HttpRequestSpec) => {
      const response = await sendStepRequest(spec, ctx, config.follow_redirects ?? true);
      const body = await readBody(response, config.response);
      const ok = config.ok_status ? config.ok_status.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!ok) {
        throw new StepError(
          "HTTP_STATUS",
          `${method} ${ctx.secrets.shownUrl(config.url)} answered ${response.status}`,
          retryableStatus(response.status),
          {
            status: response.status,
            body: typeof body === "string" ? body.slice(0, 1000) : body,
          },
        );
      }
      return { status: response.status, headers: Object.fromEntries(response.headers), body };
    };
    const { pathParams, queryParams, ...rest } = config;
    const spec: HttpRequestSpec = {
      ...rest,
      method,
      path_params: { ...pathParams, ...config.path_params },
      query_params: { ...queryParams, ...config.query_params },
    };
    if (config.await_callback) {
      return callbackOutcome(spec, config.await_callback === true ? {} : config.await_callback, ctx, async (request) => {
        await call(request);
      });
    }
    return output(await call(spec));
  },
};
