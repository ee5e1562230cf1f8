/** Durable Object stubs by name: a run object per run id, a limiter per workflow and key. */
export const runStub = (env: Env, runId: string) => env.RUNS.get(env.RUNS.idFromName(runId));

export const limiterStub = (env: Env, name: string) => env.LIMITERS.get(env.LIMITERS.idFromName(name));
