import { unwrap, type WorkflowVersion } from "@stepline/client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dag } from "../components/dag";
import { DiffView } from "../components/diff-view";
import { ScopeGate } from "../components/scope-gate";
import { StartRunForm } from "../components/start-run-form";
import { QueryView } from "../components/states";
import { WorkflowStatsView } from "../components/workflow-stats";
import { formatTime } from "../lib/format";
import { Link, navigate } from "../router";
import { useStepline } from "../session";

/** A workflow: how its runs went, its graph, a form that starts a run, and its versions with a diff between two. */
export function WorkflowPage({ id }: { id: string }) {
  const stepline = useStepline();
  const workflow = useQuery({ queryKey: ["workflow", id], queryFn: ({ signal }) => stepline.workflows.get(id, { signal }) });
  const schema = useQuery({
    queryKey: ["workflow", id, "schema"],
    queryFn: ({ signal }) => unwrap(stepline.api.GET("/v1/workflows/{id}/schema", { params: { path: { id } }, signal }), signal),
  });
  const start = useMutation({
    mutationFn: (input: unknown) => stepline.runs.start(id, input),
    onSuccess: (run) => navigate(`/runs/${run.id}`),
  });

  return (
    <QueryView query={workflow} label="Loading the workflow">
      {(w) => (
        <section>
          <p className="crumbs">
            <Link to="/workflows">Workflows</Link> /
          </p>
          <h1>{w.name}</h1>
          <p>
            <Link to={`/workflows/${w.id}/edit`} className="button">
              Edit
            </Link>
          </p>
          {w.description && <p>{w.description}</p>}
          <dl className="facts">
            <dt>Current version</dt>
            <dd>v{w.current_version}</dd>
            <dt>Latest version</dt>
            <dd>v{w.latest_version}</dd>
            <dt>Steps</dt>
            <dd>{w.steps.length}</dd>
            <dt>Updated</dt>
            <dd>{formatTime(w.updated_at)}</dd>
            <dt>Runs</dt>
            <dd>
              <Link to={`/runs?workflow_id=${w.id}`}>All runs of this workflow</Link>
            </dd>
          </dl>

          <h2>How its runs went</h2>
          <WorkflowStatsView workflowId={w.id} />

          <h2>Steps</h2>
          <Dag steps={w.steps} label={`Steps of ${w.name}`} />

          <h2>Start a run</h2>
          {schema.isPending ? null : (
            <ScopeGate scope="run">
              <StartRunForm
                schema={w.input_schema}
                initial={{ ...(w.input_default ?? {}), ...((schema.data?.sample_input as Record<string, unknown> | null) ?? {}) }}
                pending={start.isPending}
                error={start.error}
                onStart={(input) => start.mutate(input)}
              />
            </ScopeGate>
          )}

          <h2>Versions</h2>
          <Versions workflowId={id} current={w.current_version} />
        </section>
      )}
    </QueryView>
  );
}

/** What a version defines, without the fields every version has. */
const definitionOf = ({ workflow_id: _, version: __, created_at: ___, ...definition }: WorkflowVersion) => definition;

function Versions({ workflowId, current }: { workflowId: string; current: number }) {
  const stepline = useStepline();
  const versions = useQuery({
    queryKey: ["workflow", workflowId, "versions"],
    queryFn: ({ signal }) => stepline.workflows.versions(workflowId, { limit: 100 }, { signal }),
  });
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});

  return (
    <QueryView query={versions} label="Loading versions">
      {({ data }) => {
        const numbers = data.map((v) => v.version).sort((a, b) => a - b);
        const to = picked.to ?? numbers.at(-1) ?? current;
        const from = picked.from ?? numbers.at(-2) ?? to;
        const before = data.find((v) => v.version === from);
        const after = data.find((v) => v.version === to);
        const select = (name: "from" | "to", value: number) => (
          <select id={`diff-${name}`} value={value} onChange={(e) => setPicked((p) => ({ ...p, [name]: Number(e.target.value) }))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
                {n === current ? " (current)" : ""}
              </option>
            ))}
          </select>
        );
        return (
          <>
            <ul className="versions">
              {[...data]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <li key={v.version}>
                    v{v.version} · {v.steps.length} steps · {formatTime(v.created_at)}
                    {v.version === current && <strong> · current</strong>}
                  </li>
                ))}
            </ul>
            {numbers.length > 1 && (
              <div className="toolbar">
                <label htmlFor="diff-from">Compare</label>
                {select("from", from)}
                <label htmlFor="diff-to">with</label>
                {select("to", to)}
              </div>
            )}
            {before && after && numbers.length > 1 && (
              <DiffView before={definitionOf(before)} after={definitionOf(after)} label={`v${from} → v${to}`} />
            )}
          </>
        );
      }}
    </QueryView>
  );
}
