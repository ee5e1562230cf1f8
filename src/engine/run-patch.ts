import { err, ok, type Result } from "../domain/errors";
import { Limits } from "../domain/limits";
import { byteLength } from "../lib/json";
import { isEnded } from "./events";
import type { RunEngine } from "./run-engine";
import type { RunPatch } from "./run-types";
import type { RunStore } from "./store";

/**
 * What can change on a run besides its progress: where its webhooks go, its metadata, its
 * soft delete, and dropping its step data while keeping the record readable.
 */

interface PatchHost {
  readonly store: RunStore;
  transaction<T>(fn: () => T): T;
  requestIndexSync(): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** RFC 7386 JSON Merge Patch: null removes a key, objects merge, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export function patchRun(engine: RunEngine, host: PatchHost, patch: RunPatch): Result<null> {
  const run = engine.run;
  // Merging an object patch (the schema allows no other) always yields an object.
  const metadata =
    patch.metadata === undefined ? run.metadata : (mergePatch(run.metadata ?? {}, patch.metadata) as Record<string, unknown>);
  const size = byteLength(JSON.stringify(metadata ?? null));
  if (patch.metadata !== undefined && size > Limits.metadataBytes) {
    return err("VALIDATION_FAILED", `The metadata would be ${size} bytes; the limit is ${Limits.metadataBytes}`, [
      { path: "metadata", message: `larger than ${Limits.metadataBytes} bytes after the merge` },
    ]);
  }
  const now = Date.now();
  const fields = Object.keys(patch).filter((key) => patch[key as keyof RunPatch] !== undefined);
  host.transaction(() => {
    if (patch.webhook_url !== undefined) run.webhookUrl = patch.webhook_url;
    run.metadata = metadata;
    if (patch.deleted !== undefined) run.deletedAt = patch.deleted ? (run.deletedAt ?? now) : null;
    run.updatedAt = now;
    // The index holds metadata and the soft delete: a newer state makes it take the change.
    run.stateSeq += 1;
    host.store.saveRun(run);
    host.store.saveRunAttributes(run);
    engine.emit("run.updated", null, { fields }, now);
  });
  host.requestIndexSync();
  return ok(null);
}

/** Drops an ended run's step inputs and outputs (and its output); answers the steps that held any. */
export function purgeOutputs(engine: RunEngine, host: PatchHost): Result<{ id: string; outputs_purged_at: string; steps: string[] }> {
  const run = engine.run;
  if (!isEnded(run.status)) {
    return err("RUN_NOT_ENDED", `run ${run.id} is ${run.status}; only an ended run's outputs can be purged`);
  }
  const cleared = engine.steps.filter((s) => s.input !== null || s.output !== null).map((s) => s.id);
  const now = Date.now();
  host.transaction(() => {
    host.store.purgeOutputs();
    for (const step of engine.steps) {
      step.input = null;
      step.output = null;
      step.outputJson = null;
    }
    run.output = null;
    run.outputsPurgedAt ??= now;
    run.updatedAt = now;
    host.store.saveRun(run);
    host.store.saveRunAttributes(run);
    engine.emit("run.outputs_purged", null, { steps: cleared }, now);
  });
  return ok({ id: run.id, outputs_purged_at: new Date(run.outputsPurgedAt as number).toISOString(), steps: cleared });
}
