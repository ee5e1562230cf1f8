import type { RunEvent } from "@stepline/client";
import { useEffect, useRef, useState } from "react";
import { isUnauthorized, useSession } from "../session";

export type StreamPhase = "connecting" | "live" | "ended" | "failed";

// Events arrive in bursts (the whole log first, then a step's few events together): the page
// renders at most this often, and refreshes the run once per burst.
const FLUSH_MS = 80;

/**
 * A run's event log, live: the client's stream (which resumes with Last-Event-ID after a
 * dropped connection) until the run ends. `onChange` runs after each burst of new events.
 */
export function useRunStream(runId: string, onChange: () => void): { events: RunEvent[]; phase: StreamPhase; error: unknown } {
  const { stepline, signOut } = useSession();
  const [state, setState] = useState<{ events: RunEvent[]; phase: StreamPhase; error: unknown }>({
    events: [],
    phase: "connecting",
    error: null,
  });
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const controller = new AbortController();
    const buffer: RunEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (phase: StreamPhase) => {
      clearTimeout(timer);
      timer = undefined;
      setState((s) => ({ ...s, events: [...buffer], phase }));
      latest.current();
    };
    (async () => {
      try {
        for await (const event of stepline.runs.stream(runId, { signal: controller.signal })) {
          buffer.push(event);
          timer ??= setTimeout(() => flush("live"), FLUSH_MS);
        }
        flush("ended");
      } catch (error) {
        if (controller.signal.aborted) return;
        if (isUnauthorized(error)) return signOut("The API refused the key. Sign in again.");
        clearTimeout(timer);
        setState({ events: [...buffer], phase: "failed", error });
      }
    })();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [stepline, runId, signOut]);

  return state;
}
