import type { TestProject } from "vitest/node";
import { startCounterServer } from "./counter-server";

declare module "vitest" {
  export interface ProvidedContext {
    counterUrl: string;
  }
}

/** Starts the counter server once for all workers tests; tests read its URL with inject(). */
export default async function setup(project: TestProject) {
  const { url, server } = await startCounterServer();
  project.provide("counterUrl", url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
