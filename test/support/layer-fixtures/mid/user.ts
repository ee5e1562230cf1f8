import type { LIST } from "./list";

// Planted: a module outside the composition root imports the list, and builds a stub.
export const user = (env: { RUNS: { idFromName(name: string): unknown } }, list: typeof LIST) => env.RUNS.idFromName(list[0]);
