import { type StepTypeInfo, unwrap, type WorkflowDefinition, type WorkflowWithDefinition } from "@stepline/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Canvas } from "../builder/canvas";
import {
  type Draft,
  type DraftStep,
  freshId,
  NODE_SIZE,
  nextPosition,
  normalize,
  type Problem,
  removeSteps,
  renameStep,
  setEdge,
  stepIndexOf,
  stepProblems,
  updateStep,
  versioned,
} from "../builder/model";
import { StepForm } from "../builder/step-form";
import { TEMPLATES, templateDraft } from "../builder/templates";
import { WorkflowFields } from "../builder/workflow-fields";
import { DiffView } from "../components/diff-view";
import { ScopeGate } from "../components/scope-gate";
import { StartRunForm } from "../components/start-run-form";
import { ErrorMessage, Loading } from "../components/states";
import { Link, navigate } from "../router";
import { useStepline } from "../session";
import "../builder/builder.css";

const NARROW = "(max-width: 640px)";
const VALIDATE_AFTER_MS = 400;

function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** What the builder edits of a stored workflow: its name, description and current version. */
const draftOf = (workflow: WorkflowWithDefinition): Draft =>
  normalize({
    name: workflow.name,
    ...(workflow.description ? { description: workflow.description } : {}),
    ...(versioned(workflow as unknown as Record<string, unknown>) as Pick<Draft, "steps">),
  });

const comparable = (draft: Draft) => ({ name: draft.name, description: draft.description ?? null, ...versioned(draft) });

/** `/workflows/new` and `/workflows/:id/edit`: a workflow built on a canvas, validated as it is edited. */
export function BuilderPage({ id }: { id?: string }) {
  const stepline = useStepline();
  const types = useQuery({
    queryKey: ["step-types"],
    queryFn: ({ signal }) => stepline.workflows.stepTypes({ signal }),
    staleTime: Infinity,
  });
  const workflow = useQuery({
    queryKey: ["workflow", id],
    queryFn: ({ signal }) => stepline.workflows.get(id as string, { signal }),
    enabled: id !== undefined,
  });
  if (types.isPending || (id !== undefined && workflow.isPending)) return <Loading label="Loading the builder" />;
  if (types.isError) return <ErrorMessage error={types.error} retry={() => types.refetch()} />;
  if (id !== undefined && workflow.isError) return <ErrorMessage error={workflow.error} retry={() => workflow.refetch()} />;
  return <Builder stepTypes={types.data.data} stored={workflow.data ?? null} />;
}

type Review = { then: "save" | "test" } | null;

function Builder({ stepTypes, stored }: { stepTypes: StepTypeInfo[]; stored: WorkflowWithDefinition | null }) {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const narrow = useNarrow();
  const types = useMemo(() => new Map(stepTypes.map((t) => [t.type, t])), [stepTypes]);
  const [base, setBase] = useState<WorkflowWithDefinition | null>(stored);
  const [draft, setDraft] = useState<Draft>(() => (stored ? draftOf(stored) : templateDraft("empty")));
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<"canvas" | "json">("canvas");
  const [jsonText, setJsonText] = useState("");
  const [review, setReview] = useState<Review>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);

  const settled = useDebounced(draft, VALIDATE_AFTER_MS);
  const validation = useQuery({
    queryKey: ["validate", settled],
    queryFn: ({ signal }) => stepline.workflows.validate(settled as unknown as WorkflowDefinition, { signal }),
    placeholderData: (previous) => previous,
  });
  const problems: Problem[] = validation.data?.problems ?? [];
  const checking = settled !== draft || validation.isFetching;
  const dirty = base === null || JSON.stringify(comparable(draft)) !== JSON.stringify(comparable(draftOf(base)));

  const edit = (next: Draft) => {
    setDraft(next);
    setNotice(null);
  };

  const save = useMutation({
    mutationFn: async (): Promise<WorkflowWithDefinition> => {
      if (base === null) return stepline.workflows.create(draft as unknown as WorkflowDefinition);
      return unwrap(
        stepline.api.PATCH("/v1/workflows/{id}", {
          params: { path: { id: base.id } },
          body: { name: draft.name, description: draft.description ?? "", ...versioned(draft) } as never,
        }),
      );
    },
    onSuccess: (saved) => {
      // The route becomes /workflows/{id}/edit; with the workflow already known, the builder stays as it is.
      queryClient.setQueryData(["workflow", saved.id], saved);
      queryClient.invalidateQueries({ queryKey: ["workflow", saved.id, "versions"] });
      const made = base === null || saved.current_version !== base.current_version;
      setNotice(
        made
          ? `Saved as version ${saved.current_version}.`
          : `Saved; the steps did not change, so it is still version ${saved.current_version}.`,
      );
      setBase(saved);
      setReview(null);
      if (window.location.pathname !== `/workflows/${saved.id}/edit`) navigate(`/workflows/${saved.id}/edit`, { replace: true });
    },
  });
  const start = useMutation({
    mutationFn: (input: unknown) => stepline.runs.start((base as WorkflowWithDefinition).id, input),
    onSuccess: (run) => navigate(`/runs/${run.id}`),
  });

  const canSave = problems.length === 0 && !checking && !save.isPending;
  const requestSave = (then: "save" | "test") => {
    if (!dirty && base !== null) {
      if (then === "test") setTesting(true);
      return;
    }
    if (base === null) {
      save.mutate(undefined, { onSuccess: () => setTesting(then === "test") });
      return;
    }
    setReview({ then });
  };

  const addStep = (type: string) => {
    const normalized = normalize(draft);
    const id = freshId(
      type,
      normalized.steps.map((s) => s.id),
    );
    const info = types.get(type);
    const required = (info?.config_schema.required as string[] | undefined) ?? [];
    const config = Object.fromEntries(required.map((name) => [name, ""]));
    const step: DraftStep = {
      id,
      type,
      depends_on: [],
      config: type === "StaticTextInput" ? { text: "" } : required.length ? config : {},
      meta: { position: nextPosition(normalized.steps), size: { ...NODE_SIZE } },
    };
    edit({ ...normalized, steps: [...normalized.steps, step] });
    setSelected(id);
  };

  const selectedIndex = draft.steps.findIndex((s) => s.id === selected);
  const formFor = (step: DraftStep, index: number) => (
    <StepForm
      key={index}
      draft={draft}
      step={step}
      index={index}
      info={types.get(step.type)}
      problems={stepProblems(problems, index)}
      onChange={(next) => edit(updateStep(draft, step.id, () => next))}
      onRename={(to) => {
        edit(renameStep(draft, step.id, to));
        setSelected(to);
      }}
      onConnect={(from, present) => edit(setEdge(draft, from, step.id, present))}
      onDelete={() => {
        edit(removeSteps(draft, [step.id]));
        setSelected(null);
      }}
    />
  );

  return (
    <section className="builder">
      <p className="crumbs">
        <Link to="/workflows">Workflows</Link> /{" "}
        {base && (
          <>
            <Link to={`/workflows/${base.id}`}>{base.name}</Link> /
          </>
        )}
      </p>
      <h1>{base ? `Edit ${base.name}` : "New workflow"}</h1>
      {base && (
        <p className="muted">
          Editing version {base.current_version}; saving a change to the steps makes version {base.latest_version + 1}.
        </p>
      )}

      {base === null && (
        <div className="toolbar">
          <label htmlFor="builder-template">Start from</label>
          <select
            id="builder-template"
            defaultValue="empty"
            onChange={(e) => {
              edit(templateDraft(e.target.value));
              setSelected(null);
            }}
          >
            {TEMPLATES.map((t) => (
              <option key={t.key} value={t.key}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      )}

      <h2>Workflow</h2>
      <WorkflowFields draft={draft} problems={problems} onChange={edit} />

      <h2>Steps</h2>
      <div className="tabs" role="tablist" aria-label="Edit the steps">
        <button
          type="button"
          role="tab"
          id="tab-canvas"
          aria-controls="panel-canvas"
          aria-selected={tab === "canvas"}
          onClick={() => setTab("canvas")}
        >
          {narrow ? "Steps" : "Canvas"}
        </button>
        <button
          type="button"
          role="tab"
          id="tab-json"
          aria-controls="panel-json"
          aria-selected={tab === "json"}
          onClick={() => {
            setJsonText(JSON.stringify(draft, null, 2));
            setTab("json");
          }}
        >
          JSON
        </button>
      </div>
      {tab === "canvas" ? (
        <div role="tabpanel" id="panel-canvas" aria-labelledby="tab-canvas">
          <div className="builder-main">
            <nav className="palette" aria-label="Step types">
              <h3>Add a step</h3>
              <ul>
                {stepTypes.map((t) => (
                  <li key={t.type}>
                    <button type="button" title={t.description} onClick={() => addStep(t.type)}>
                      <span className="visually-hidden">Add </span>
                      {/* Long typed names break after a dot, not mid-word. */}
                      {t.type.split(".").map((part, i) => (
                        <Fragment key={part}>
                          {i > 0 && (
                            <>
                              .<wbr />
                            </>
                          )}
                          {part}
                        </Fragment>
                      ))}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <Canvas
              draft={draft}
              types={types}
              problems={problems}
              selected={selected}
              readOnly={narrow}
              onSelect={setSelected}
              onMove={(moves) =>
                setDraft((current) => ({
                  ...current,
                  steps: current.steps.map((s) => (moves.has(s.id) ? { ...s, meta: { ...s.meta, position: moves.get(s.id) } } : s)),
                }))
              }
              onConnect={(from, to, present) => edit(setEdge(draft, from, to, present))}
              onDelete={(ids) => {
                edit(removeSteps(draft, ids));
                setSelected(null);
              }}
            />
          </div>
          {narrow ? (
            <div className="step-list">{draft.steps.map(formFor)}</div>
          ) : selectedIndex >= 0 ? (
            formFor(draft.steps[selectedIndex], selectedIndex)
          ) : (
            <p className="muted">
              {draft.steps.length === 0
                ? "Add a step from the list."
                : "Select a step (click it, or Tab to it and press Enter) to edit it."}
            </p>
          )}
        </div>
      ) : (
        <div role="tabpanel" id="panel-json" aria-labelledby="tab-json">
          <JsonTab
            text={jsonText}
            onText={(text) => {
              setJsonText(text);
              try {
                const parsed = JSON.parse(text);
                if (parsed && typeof parsed === "object" && Array.isArray(parsed.steps)) edit(normalize(parsed));
              } catch {}
            }}
          />
        </div>
      )}

      <ProblemList
        problems={problems}
        checking={checking}
        steps={draft.steps}
        onPick={(stepId) => {
          setTab("canvas");
          setSelected(stepId);
        }}
      />

      <ScopeGate scope="write">
        <div className="toolbar builder-actions">
          <button type="button" className="primary" disabled={!canSave} onClick={() => requestSave("save")}>
            {base ? "Review and save" : "Save"}
          </button>
          <ScopeGate scope="run" inline>
            <button type="button" disabled={!canSave} onClick={() => requestSave("test")}>
              Test run
            </button>
          </ScopeGate>
          {base && (
            <Link to={`/workflows/${base.id}`} className="button">
              Open the workflow page
            </Link>
          )}
        </div>
      </ScopeGate>
      {!canSave && problems.length > 0 && <p className="muted">Save is disabled until every problem is fixed.</p>}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {save.error && <ErrorMessage error={save.error} />}

      {review && base && (
        <section aria-labelledby="review-title" className="review">
          <h2 id="review-title">Changes to save</h2>
          <DiffView before={comparable(draftOf(base))} after={comparable(draft)} label={`v${base.current_version} → this draft`} />
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={!canSave}
              onClick={() => save.mutate(undefined, { onSuccess: () => setTesting(review.then === "test") })}
            >
              Save as a new version
            </button>
            <button type="button" onClick={() => setReview(null)}>
              Keep editing
            </button>
          </div>
        </section>
      )}

      {testing && base && (
        <section aria-labelledby="test-title">
          <h2 id="test-title">Test run of version {base.current_version}</h2>
          <StartRunForm
            schema={base.input_schema as never}
            initial={(base.input_default as Record<string, unknown> | undefined) ?? {}}
            pending={start.isPending}
            error={start.error}
            onStart={(input) => start.mutate(input)}
          />
        </section>
      )}
    </section>
  );
}

function JsonTab({ text, onText }: { text: string; onText: (text: string) => void }) {
  let problem: string | null = null;
  try {
    const parsed = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || !Array.isArray(parsed.steps)) problem = "The definition needs a steps list";
  } catch (failure) {
    problem = `Not valid JSON yet (${(failure as Error).message}); the canvas keeps the last valid definition`;
  }
  return (
    <div className="field">
      <label htmlFor="builder-json">The definition (JSON)</label>
      <textarea id="builder-json" rows={24} spellCheck={false} value={text} onChange={(e) => onText(e.target.value)} />
      {problem && <p className="field-problem">{problem}</p>}
    </div>
  );
}

function ProblemList({
  problems,
  checking,
  steps,
  onPick,
}: {
  problems: Problem[];
  checking: boolean;
  steps: DraftStep[];
  onPick: (stepId: string) => void;
}) {
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      <p role="status" className="muted">
        {checking
          ? "Checking…"
          : problems.length === 0
            ? "No problems: the workflow can be saved."
            : `${problems.length} to fix before saving.`}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => {
            const index = stepIndexOf(p.path);
            const step = index === null ? undefined : steps[index];
            return (
              <li key={`${p.path}|${p.message}`}>
                {step ? (
                  <button type="button" className="link" onClick={() => onPick(step.id)}>
                    {step.id}
                  </button>
                ) : (
                  <code>{p.path}</code>
                )}
                {step && p.path.replace(/^steps\[\d+\]\.?/, "") && <code> {p.path.replace(/^steps\[\d+\]\.?/, "")}</code>}: {p.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
