import { defineConfig } from "vitest/config";
import { e2eProject, workersProject } from "./test/support/vitest-projects";

export default defineConfig(async () => ({
  test: {
    projects: [
      await workersProject("workers", ["test/**/*.test.ts"], ["test/e2e/**", "test/faults/**", "test/ui/**", "test/build/**"]),
      e2eProject("e2e", ["test/e2e/**/*.test.ts"], 180_000),
      { test: { name: "build", include: ["test/build/**/*.test.ts"], environment: "node" } },
    ],
  },
}));
