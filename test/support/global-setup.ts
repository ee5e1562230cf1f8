import type { TestProject } from "vitest/node";
import { startCounterServer } from "./counter-server";

declare module "vitest" {
  export interface ProvidedContext {
    counterUrl: string;
  }
}

/** Starts the counter server once for all workers tests; tests read its URL with inject(). */
export default async function setup(project: TestProject) {
  const { url, server, responses } = await startCounterServer();
  project.provide("counterUrl", url);
  return () => {
    if (responses.checked > 0) {
      const operations = new Set([...responses.seen].map((s) => s.replace(/ \d+$/, ""))).size;
      console.log(
        `${project.name}: ${responses.checked} responses checked against the OpenAPI documents (${operations} operations, ${responses.seen.size} operation-status pairs)`,
      );
    }
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
