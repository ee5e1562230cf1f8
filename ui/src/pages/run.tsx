import { type Run, unwrap } from "@stepline/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { Dag } from "../components/dag";
import { Deliveries } from "../components/deliveries";
import { EventLog } from "../components/event-log";
import { JsonView } from "../components/json-view";
import { RunActions } from "../components/run-actions";
import { RunSteps } from "../components/run-steps";
import { ErrorMessage, Loading, QueryView } from "../components/states";
import { Status } from "../components/status";
import { Timeline } from "../components/timeline";
import { between, formatDuration, formatTime } from "../lib/format";
import { useRunStream } from "../lib/use-run-stream";
import { Link } from "../router";
import { useStepline } from "../session";

const ENDED = new Set(["completed", "failed", "cancelled"]);

/** Opens a step's details below the graph and brings them into view. */
function showStep(stepId: string) {
  const details = document.getElementById(`step-${stepId}`) as HTMLDetailsElement | null;
  if (!details) return;
  details.open = true;
  details.scrollIntoView({ block: "nearest" });
  details.querySelector("summary")?.focus();
}

/**
 * One run, live: the graph coloured by step status, the attempts on a timeline, each step's
 * input, output and error, the event log as it grows, the controls, and the run's webhooks.
 * The event stream drives everything: each burst of events refreshes the run.
 */
export function RunPage({ id }: { id: string }) {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const run = useQuery({ queryKey: ["run", id], queryFn: ({ signal }) => stepline.runs.get(id, { signal }) });
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ["run", id] }), [queryClient, id]);
  const stream = useRunStream(id, refresh);

  return (
    <QueryView query={run} label="Loading the run">
      {(r) => (
        <section className="run">
          <p className="crumbs">
            <Link to="/runs">Runs</Link> /
          </p>
          <h1>
            Run <code>{r.id}</code> <Status value={r.status} />
          </h1>
          <RunFacts run={r} />
          <RunActions run={r} />
          <h2>Graph</h2>
          <RunGraph run={r} />
          <h2>Timeline</h2>
          <Timeline steps={r.steps} events={stream.events} live={!ENDED.has(r.status)} />
          <h2>Steps</h2>
          <RunSteps run={r} />
          {(r.output !== undefined || r.error) && <h2>Result</h2>}
          {r.error && <JsonView value={r.error} label="error" openDepth={2} />}
          {r.output !== undefined && <JsonView value={r.output} label="output" openDepth={2} />}
          <h2>Event log</h2>
          <EventLog events={stream.events} phase={stream.phase} error={stream.error} />
          <h2>Webhook deliveries</h2>
          <Deliveries runId={r.id} endedAt={r.ended_at} />
        </section>
      )}
    </QueryView>
  );
}

function RunFacts({ run }: { run: Run }) {
  const stepline = useStepline();
  // The same query as the workflow's page: its name, and its definition for a later visit.
  const workflow = useQuery({
    queryKey: ["workflow", run.workflow_id],
    queryFn: ({ signal }) => stepline.workflows.get(run.workflow_id, { signal }),
  });
  return (
    <dl className="facts">
      <dt>Workflow</dt>
      <dd>
        <Link to={`/workflows/${run.workflow_id}`}>{workflow.data?.name ?? run.workflow_id}</Link> v{run.version}
      </dd>
      <dt>Progress</dt>
      <dd>
        <progress max={100} value={run.progress} aria-label="Progress" /> {run.completed_steps}/{run.total_steps} steps
      </dd>
      <dt>Created</dt>
      <dd>{formatTime(run.created_at)}</dd>
      <dt>Duration</dt>
      <dd>{formatDuration(between(run.started_at, run.ended_at))}</dd>
      <dt>Trigger</dt>
      <dd>
        {run.trigger}
        {run.surface !== "native" && ` (${run.surface})`}
      </dd>
      {run.process_id && (
        <>
          <dt>Process id</dt>
          <dd>{run.process_id}</dd>
        </>
      )}
      {run.parent_run_id && (
        <>
          <dt>Parent run</dt>
          <dd>
            <Link to={`/runs/${run.parent_run_id}`}>{run.parent_run_id}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The run's version's graph (a version never changes, so it is read once). */
function RunGraph({ run }: { run: Run }) {
  const stepline = useStepline();
  const version = useQuery({
    queryKey: ["workflow", run.workflow_id, "version", run.version],
    queryFn: ({ signal }) =>
      unwrap(
        stepline.api.GET("/v1/workflows/{id}/versions/{version}", {
          params: { path: { id: run.workflow_id, version: run.version } },
          signal,
        }),
        signal,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const statuses = useMemo(() => Object.fromEntries(run.steps.map((s) => [s.id, s.status])), [run.steps]);
  if (version.isPending) return <Loading label="Loading the graph" />;
  if (version.isError) return <ErrorMessage error={version.error} retry={() => version.refetch()} />;
  return <Dag steps={version.data.steps} statuses={statuses} onSelect={showStep} label="Steps of this run by status" />;
}
