import { defineConfig } from "vitest/config";
import { e2eProject } from "./test/support/vitest-projects";

/** `npm run test:ui`: the dashboard and /docs in Debian's chromium against a real `wrangler dev`. */
export default defineConfig({
  test: { projects: [e2eProject("ui", ["test/ui/**/*.test.ts"], 120_000)] },
});
