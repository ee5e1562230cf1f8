import { applyD1Migrations, env } from "cloudflare:test";

// Setup files run outside per-test storage and may run more than once; applyD1Migrations
// only applies what is missing.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// The Worker loads its app, dialects and objects' code on first use (src/index.ts). In
// production that is a function call inside the bundle; here each module is fetched and
// transformed on demand, which would charge seconds to whichever test comes first.
await Promise.all([
  import("../../src/api/app"),
  import("./test-objects"),
  import("../../src/webhooks/sweeper-object"),
  import("../../src/webhooks/consumer"),
  import("../../src/rpc-calls"),
  ...["leap", "apps", "dataflow", "looply", "pipelines"].map((name) => import(`../../src/dialects/${name}/index.ts`)),
]);
