import createClient from "openapi-fetch";
import type { SteplineApi } from "./api.js";
import type { paths } from "./generated/openapi.js";
import { auditOf, deliveriesOf, eventsOf, keysOf, schedulesOf, variablesOf, webhooksOf, workflowsOf } from "./resources.js";
import { Runs } from "./runs.js";

export interface SteplineOptions {
  /** The deployment's origin, e.g. `https://stepline.example.workers.dev` or `http://localhost:8787`. */
  baseUrl: string;
  /** An API key (`sk_...`) or a JWT whose `sub` is the app id; sent as `Authorization: Bearer`. */
  apiKey: string;
  /**
   * `"x-api-key"` sends the key as `X-Api-Key` instead of `Authorization: Bearer` (a page
   * that keeps the Authorization header for something else, a proxy that strips it).
   */
  keyHeader?: "authorization" | "x-api-key";
  /** A fetch to use instead of the global one (a proxy, a test double, a service binding's `fetch`). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * The Stepline API. `api` makes any call of the OpenAPI document, typed from it
 * (`api.GET("/v1/runs/{id}", { params: { path: { id } } })` answers `{ data, error, response }`);
 * the helpers beside it throw a SteplineError instead, and cover what a raw call makes
 * awkward: waiting for a run, its live stream, webhook signatures.
 *
 * @example
 *   const stepline = new Stepline({ baseUrl: "http://localhost:8787", apiKey: "sk_..." });
 *   const run = await stepline.runs.start(workflowId, { name: "Ada" }, { wait: true });
 *   console.log(run.output);
 */
export class Stepline {
  readonly api: SteplineApi;
  readonly runs: Runs;
  readonly workflows: ReturnType<typeof workflowsOf>;
  readonly events: ReturnType<typeof eventsOf>;
  readonly schedules: ReturnType<typeof schedulesOf>;
  readonly deliveries: ReturnType<typeof deliveriesOf>;
  readonly variables: ReturnType<typeof variablesOf>;
  readonly webhooks: ReturnType<typeof webhooksOf>;
  readonly keys: ReturnType<typeof keysOf>;
  readonly audit: ReturnType<typeof auditOf>;

  constructor(options: SteplineOptions) {
    // The same client, typed by SteplineApi: openapi-fetch infers a call's options as a type
    // parameter, which lets a misspelt body field through; SteplineApi checks them as written.
    this.api = createClient<paths>({
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      headers: {
        ...options.headers,
        ...(options.keyHeader === "x-api-key" ? { "x-api-key": options.apiKey } : { authorization: `Bearer ${options.apiKey}` }),
      },
    }) as unknown as SteplineApi;
    this.runs = new Runs(this.api);
    this.workflows = workflowsOf(this.api);
    this.events = eventsOf(this.api);
    this.schedules = schedulesOf(this.api);
    this.deliveries = deliveriesOf(this.api);
    this.variables = variablesOf(this.api);
    this.webhooks = webhooksOf(this.api);
    this.keys = keysOf(this.api);
    this.audit = auditOf(this.api);
  }
}
