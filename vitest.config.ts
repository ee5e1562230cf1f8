import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { CALLER_APP_ID } from "./test/support/constants";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
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
                      STEPLINE: { name: "vitest-plugin-runner-workers", entrypoint: "Stepline", props: { appId: CALLER_APP_ID } },
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
                  // Webhook retries after 1 s, 1 s: three attempts in all, so tests see the
                  // whole schedule without waiting hours.
                  WEBHOOK_RETRY_SCHEDULE: "0,1,1",
                  WEBHOOK_SWEEP_SECONDS: "2",
                },
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/**/*.test.ts"],
            exclude: ["test/e2e/**"],
            setupFiles: ["test/setup.ts"],
            globalSetup: ["test/support/global-setup.ts"],
          },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            testTimeout: 180_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
