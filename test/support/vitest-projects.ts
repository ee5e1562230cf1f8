import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { CALLER_APP_ID } from "./constants";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A project inside workerd with real local D1, Durable Objects, alarms and queues. */
export async function workersProject(name: string, include: string[], exclude: string[] = []): Promise<TestProjectInlineConfiguration> {
  const migrations = await readD1Migrations(path.join(ROOT, "migrations"));
  return {
    plugins: [
      cloudflareTest({
        // The Worker with the objects that carry the tests' hooks; the bindings are wrangler.toml's.
        main: "./test/support/test-worker.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // A second Worker that calls Stepline over a service binding, as app CALLER_APP_ID.
          workers: [
            {
              name: "caller",
              modules: true,
              scriptPath: "./test/support/caller-worker.js",
              compatibilityDate: "2026-10-01",
              serviceBindings: {
                STEPLINE: { name: `vitest-plugin-runner-${name}`, entrypoint: "Stepline", props: { appId: CALLER_APP_ID } },
              },
            },
          ],
          serviceBindings: { CALLER: "caller" },
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "test-admin-token",
            JWT_SECRET: "test-jwt-secret-with-enough-bytes-0123456789",
            SECRETS_KEY: "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=",
            ALLOW_PRIVATE_NETWORK: "true",
            // Webhook retries after 1 s, 1 s: three attempts in all, so tests see the whole
            // schedule without waiting hours.
            WEBHOOK_RETRY_SCHEDULE: "0,1,1",
            WEBHOOK_SWEEP_SECONDS: "2",
            // Tombstones of purged runs last a minute, so a test can see one expire.
            TOMBSTONE_TTL: "60s",
          },
        },
      }),
    ],
    test: {
      name,
      include,
      exclude,
      setupFiles: ["test/support/setup.ts", "test/support/check-responses.ts"],
      globalSetup: ["test/support/global-setup.ts"],
    },
  };
}

/** A project in Node that drives a real `wrangler dev` over HTTP. */
export function e2eProject(name: string, include: string[], timeoutMs: number): TestProjectInlineConfiguration {
  return { test: { name, include, environment: "node", testTimeout: timeoutMs, hookTimeout: 180_000, fileParallelism: false } };
}
