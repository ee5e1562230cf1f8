/**
 * Stepline's layers, bottom first (docs/layers.md). A module may import its own layer and any
 * layer below it, never one above. A path names a folder (ending in "/") or one file; the
 * longest that matches a module places it.
 */
export interface Layer {
  name: string;
  paths: string[];
  rule: string;
}

export interface LayerMap {
  layers: Layer[];
  /** The modules that assemble the system; the only ones that may import `dialectList`. */
  compositionRoot: string[];
  /** The module that lists every dialect. */
  dialectList: string;
  /** The only modules that may build stubs of Durable Objects. */
  stubBuilders: string[];
}

export const STEPLINE_LAYERS: LayerMap = {
  layers: [
    { name: "lib", paths: ["lib/"], rule: "generic helpers (ids, JSON, crypto, cursors): know nothing of Stepline" },
    { name: "domain", paths: ["domain/"], rule: "Stepline's vocabulary and rules (definitions, statuses, errors, limits): pure, no I/O" },
    { name: "db", paths: ["db/"], rule: "the D1 schema: tables only" },
    { name: "net", paths: ["net/"], rule: "outbound fetch behind the SSRF guard" },
    {
      name: "webhooks",
      paths: ["webhooks/"],
      rule: "webhook mechanics (ids, views, signing, retry schedule, one attempt): no storage, no services",
    },
    {
      name: "engine",
      paths: ["engine/"],
      rule: "a run's state machine, steps and own storage; reaches the world only through its outbound port (engine/port.ts)",
    },
    { name: "services", paths: ["services/"], rule: "D1 and the stubs of other objects: the only code that reaches beyond its own object" },
    {
      name: "objects",
      paths: [
        "engine/run-object.ts",
        "engine/run-port.ts",
        "engine/limiter-object.ts",
        "schedules/",
        "runs-index/",
        "webhooks/consumer.ts",
        "webhooks/sweeper-object.ts",
      ],
      rule: "Durable Objects and the queue consumer: adapters that fill the engine's port with services",
    },
    { name: "api", paths: ["api/"], rule: "what every HTTP surface shares: middleware, schemas, paging, the OpenAPI registry" },
    { name: "dialects", paths: ["dialects/"], rule: "the seed APIs: routes and pure mappers over services, each with its DialectSpec" },
    { name: "routes", paths: ["api/v1/"], rule: "the native API's routes over services" },
    {
      name: "root",
      paths: ["index.ts", "compose.ts", "rpc.ts", "rpc-calls.ts", "lazy-object.ts", "api/app.ts", "api/docs.ts"],
      rule: "entry points and the composition root: may import anything",
    },
  ],
  compositionRoot: ["index.ts", "compose.ts", "api/app.ts", "api/docs.ts"],
  dialectList: "dialects/index.ts",
  stubBuilders: ["services/"],
};
