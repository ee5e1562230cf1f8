import type { Run } from "@stepline/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { navigate } from "../router";
import { useStepline } from "../session";
import { ScopeGate } from "./scope-gate";
import { ErrorMessage } from "./states";

const ENDED = new Set(["completed", "failed", "cancelled"]);

/**
 * What can be done to a run in its state: cancel (asked twice), pause, resume, replay from a
 * step, and send an event to a waiting step. Every answer refreshes the run; an API error is
 * shown where the button was.
 */
export function RunActions({ run }: { run: Run }) {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["run", run.id] });
  const control = useMutation({
    mutationFn: (action: "cancel" | "pause" | "resume") => stepline.runs[action](run.id),
    onSettled: () => {
      setConfirmCancel(false);
      return refresh();
    },
  });
  const replay = useMutation({
    mutationFn: (fromStep: string) => stepline.runs.replay(run.id, fromStep ? { from_step: fromStep } : {}),
    onSuccess: (next) => navigate(`/runs/${next.id}`),
  });
  const ended = ENDED.has(run.status);

  return (
    <ScopeGate scope="run">
      <section className="actions" aria-labelledby="run-controls">
        <h2 id="run-controls" className="visually-hidden">
          Controls
        </h2>
        <fieldset className="buttons">
          <legend className="visually-hidden">Run controls</legend>
          {!ended &&
            (confirmCancel ? (
              <>
                <button type="button" className="danger" onClick={() => control.mutate("cancel")} disabled={control.isPending}>
                  Yes, cancel the run
                </button>
                <button type="button" onClick={() => setConfirmCancel(false)}>
                  Keep it running
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmCancel(true)}>
                Cancel run
              </button>
            ))}
          {(run.status === "running" || run.status === "waiting") && (
            <button type="button" onClick={() => control.mutate("pause")} disabled={control.isPending}>
              Pause
            </button>
          )}
          {(run.status === "paused" || run.status === "failed") && (
            <button type="button" onClick={() => control.mutate("resume")} disabled={control.isPending}>
              {run.status === "failed" ? "Resume (retry failed steps)" : "Resume"}
            </button>
          )}
        </fieldset>
        {control.isError && <ErrorMessage error={control.error} />}
        <ReplayForm run={run} pending={replay.isPending} onReplay={(step) => replay.mutate(step)} />
        {replay.isError && <ErrorMessage error={replay.error} />}
        {!ended && <SendEventForm run={run} onSent={refresh} />}
      </section>
    </ScopeGate>
  );
}

function ReplayForm({ run, pending, onReplay }: { run: Run; pending: boolean; onReplay: (fromStep: string) => void }) {
  const [fromStep, setFromStep] = useState("");
  return (
    <form
      className="inline-form"
      aria-label="Replay"
      onSubmit={(e) => {
        e.preventDefault();
        onReplay(fromStep);
      }}
    >
      <label htmlFor="replay-from">Replay</label>
      <select id="replay-from" value={fromStep} onChange={(e) => setFromStep(e.target.value)}>
        <option value="">from the start</option>
        {run.steps.map((step) => (
          <option key={step.id} value={step.id}>
            from step {step.id} (earlier outputs kept)
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        {pending ? "Replaying…" : "Replay"}
      </button>
    </form>
  );
}

function SendEventForm({ run, onSent }: { run: Run; onSent: () => void }) {
  const stepline = useStepline();
  const awaited = run.steps.flatMap((s) => (s.waiting_for?.kind === "event" ? s.waiting_for.events : []));
  const [name, setName] = useState("");
  const [payload, setPayload] = useState("{}");
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: ({ event, body }: { event: string; body: unknown }) => stepline.events.send(run.id, event, body),
    onSuccess: onSent,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let body: unknown;
    try {
      body = payload.trim() === "" ? undefined : JSON.parse(payload);
    } catch {
      return setProblem("The payload is not valid JSON");
    }
    setProblem(null);
    send.mutate({ event: name || awaited[0] || "", body });
  };

  return (
    <form className="send-event" aria-label="Send an event" onSubmit={submit}>
      <h3>Send an event</h3>
      {awaited.length > 0 && (
        <p className="muted">
          Waiting for:{" "}
          {awaited.map((event) => (
            <code key={event}>{event}</code>
          ))}
        </p>
      )}
      <label htmlFor="event-name">Event name</label>
      <input
        id="event-name"
        list="awaited-events"
        placeholder={awaited[0] ?? "approved"}
        value={name}
        required={awaited.length === 0}
        onChange={(e) => setName(e.target.value)}
      />
      <datalist id="awaited-events">
        {awaited.map((event) => (
          <option key={event} value={event} />
        ))}
      </datalist>
      <label htmlFor="event-payload">Payload (JSON)</label>
      <textarea id="event-payload" rows={3} spellCheck={false} value={payload} onChange={(e) => setPayload(e.target.value)} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {send.isError && <ErrorMessage error={send.error} />}
      {send.isSuccess && (
        <p role="status" className="notice">
          {send.data.status === "applied" ? `Applied to step ${send.data.step_id}.` : "Kept until a step waits for it."}
        </p>
      )}
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? "Sending…" : "Send event"}
      </button>
    </form>
  );
}
