import { defineConfig } from "vitest/config";
import { e2eProject, workersProject } from "./test/support/vitest-projects";

/** `npm run test:faults`: hostile input, tenant isolation, expression abuse, kills and load. */
export default defineConfig(async () => ({
  test: {
    projects: [
      await workersProject("faults-workers", ["test/faults/workers/**/*.test.ts"]),
      e2eProject("faults-e2e", ["test/faults/e2e/**/*.test.ts"], 480_000),
    ],
  },
}));
