import type { StepTypeInfo } from "@stepline/client";
import { useState } from "react";
import { ConfigForm } from "./config-form";
import { type Draft, type DraftStep, dependencies, type Problem, suggestions } from "./model";

const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** Why an id cannot be used, checked as it is typed (the API checks again). */
function idProblem(id: string, others: string[]): string | null {
  if (!STEP_ID.test(id)) return "Starts with a letter or _, then letters, digits, _ or -; at most 64";
  if (others.includes(id)) return `Another step is already called ${id}`;
  return null;
}

/**
 * One step: its id (renaming keeps its edges), name, the steps it depends on (the keyboard's
 * way to connect), its config form, and when it runs and retries.
 */
export function StepForm({
  draft,
  step,
  index,
  info,
  problems,
  onChange,
  onRename,
  onConnect,
  onDelete,
}: {
  draft: Draft;
  step: DraftStep;
  index: number;
  info: StepTypeInfo | undefined;
  problems: Problem[];
  onChange: (step: DraftStep) => void;
  onRename: (id: string) => void;
  onConnect: (from: string, present: boolean) => void;
  onDelete: () => void;
}) {
  const [idText, setIdText] = useState(step.id);
  const others = draft.steps.filter((s) => s.id !== step.id).map((s) => s.id);
  // An id being typed that cannot be used yet shows as typed; otherwise the step's own (also after a JSON edit).
  const typedId = idProblem(idText, others) ? idText : step.id;
  const localIdProblem = idProblem(typedId, others);
  const prefix = `step-${index}`;
  const deps = dependencies(draft.steps, index);
  const at = (path: string) => problems.filter((p) => p.path === path);
  const stepLevel = problems.filter((p) => p.path === "" || p.path === "depends_on" || p.path.startsWith("depends_on["));
  const retry = (step.retry ?? {}) as Record<string, unknown>;
  const setField = (name: string, value: unknown) => {
    const next: DraftStep = { ...step };
    if (value === undefined || value === "") delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const setRetry = (name: string, value: unknown) => {
    const next = { ...retry };
    if (value === undefined || value === "") delete next[name];
    else next[name] = value;
    setField("retry", Object.keys(next).length ? next : undefined);
  };

  return (
    <section className="step-form" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>
        {step.id} <span className="muted">{step.type}</span>
      </h3>
      {info && <p className="muted">{info.description}</p>}
      {info?.data_types && (
        <p className="muted">
          Takes {info.data_types.accepts ?? "nothing"}, gives{" "}
          {info.data_types.produces === "same" ? "what it takes" : info.data_types.produces}
        </p>
      )}
      {stepLevel.map((p) => (
        <p key={`${p.path}${p.message}`} className="field-problem" role="note">
          {p.message}
        </p>
      ))}
      <div className={`field${localIdProblem || at("id").length ? " has-problem" : ""}`}>
        <label htmlFor={`${prefix}-id`}>Step id</label>
        <input
          id={`${prefix}-id`}
          value={typedId}
          aria-invalid={localIdProblem !== null}
          aria-describedby={localIdProblem ? `${prefix}-id-problem` : undefined}
          onChange={(e) => {
            setIdText(e.target.value);
            if (!idProblem(e.target.value, others)) onRename(e.target.value);
          }}
        />
        {(localIdProblem || at("id").length > 0) && (
          <p id={`${prefix}-id-problem`} className="field-problem">
            {localIdProblem ?? at("id")[0].message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>Display name</label>
        <input id={`${prefix}-name`} value={String(step.name ?? "")} onChange={(e) => setField("name", e.target.value)} />
      </div>
      {others.length > 0 && (
        <fieldset className="depends-on">
          <legend>Runs after</legend>
          {others.map((other) => (
            <label key={other} className="inline">
              <input type="checkbox" checked={deps.includes(other)} onChange={(e) => onConnect(other, e.target.checked)} />
              {other}
            </label>
          ))}
        </fieldset>
      )}
      {info ? (
        <ConfigForm
          key={step.id}
          schema={info.config_schema as never}
          config={(step.config ?? {}) as Record<string, unknown>}
          problems={problems.filter((p) => p.path.startsWith("config"))}
          suggestions={suggestions(draft, step.id)}
          idPrefix={prefix}
          onChange={(config) => setField("config", config)}
        />
      ) : (
        <p className="field-problem">Unknown step type {step.type}</p>
      )}
      <details>
        <summary>When it runs, retries and timeout</summary>
        <div className="field">
          <label htmlFor={`${prefix}-if`}>Only if (expression)</label>
          <input id={`${prefix}-if`} value={typeof step.if === "string" ? step.if : ""} onChange={(e) => setField("if", e.target.value)} />
          {at("if").map((p) => (
            <p key={p.message} className="field-problem">
              {p.message}
            </p>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-attempts`}>Attempts at most</label>
          <input
            id={`${prefix}-attempts`}
            type="number"
            min={1}
            max={100}
            value={String(retry.max_attempts ?? "")}
            onChange={(e) => setRetry("max_attempts", e.target.value === "" ? undefined : Number(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-backoff`}>Backoff</label>
          <select id={`${prefix}-backoff`} value={String(retry.backoff ?? "")} onChange={(e) => setRetry("backoff", e.target.value)}>
            <option value="">(default)</option>
            <option>constant</option>
            <option>linear</option>
            <option>exponential</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-delay`}>First retry after</label>
          <input
            id={`${prefix}-delay`}
            value={String(retry.delay ?? "")}
            placeholder="1s"
            onChange={(e) => setRetry("delay", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-timeout`}>Timeout</label>
          <input
            id={`${prefix}-timeout`}
            value={String(step.timeout ?? "")}
            placeholder="10m"
            onChange={(e) => setField("timeout", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-on-error`}>When it fails</label>
          <select id={`${prefix}-on-error`} value={String(step.on_error ?? "")} onChange={(e) => setField("on_error", e.target.value)}>
            <option value="">Fail the run</option>
            <option value="continue">Continue</option>
          </select>
        </div>
        {problems
          .filter((p) => /^(retry|timeout|on_error|fallback)/.test(p.path))
          .map((p) => (
            <p key={`${p.path}${p.message}`} className="field-problem">
              {p.path}: {p.message}
            </p>
          ))}
      </details>
      <button type="button" className="danger" onClick={onDelete}>
        Delete step {step.id}
      </button>
    </section>
  );
}
