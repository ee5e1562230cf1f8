import { RUN_STATUSES } from "@stepline/client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorMessage, Loading } from "../components/states";
import { Status } from "../components/status";
import { between, formatDuration, formatTime, shortId } from "../lib/format";
import { useWorkflowNames } from "../lib/use-workflow-names";
import { Link, useSearchParams } from "../router";
import { useStepline } from "../session";

const REFRESH_MS = 3_000;

// <input type="datetime-local"> speaks local time without a zone; the API wants an instant.
const toInstant = (local: string | null) => (local ? new Date(local).toISOString() : undefined);

/** Runs, newest first, filtered by status, workflow, failing step, error code and creation time; refreshed every few seconds. */
export function RunsPage() {
  const stepline = useStepline();
  const [params, setParams] = useSearchParams();
  const filter = {
    status: RUN_STATUSES.find((s) => s === params.get("status")),
    workflow_id: params.get("workflow_id") ?? undefined,
    failed_step: params.get("failed_step") || undefined,
    error_code: params.get("error_code") || undefined,
    created_after: toInstant(params.get("after")),
    created_before: toInstant(params.get("before")),
  };
  const live = params.get("live") !== "off";
  const runs = useInfiniteQuery({
    queryKey: ["runs", filter],
    queryFn: ({ pageParam, signal }) => stepline.runs.list({ ...filter, limit: 50, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: live ? REFRESH_MS : false,
  });
  const { workflows, nameOf } = useWorkflowNames();
  const list = runs.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section>
      <h1>Runs</h1>
      <form className="toolbar filters" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={filter.status ?? ""} onChange={(e) => setParams({ status: e.target.value })}>
            <option value="">any</option>
            {RUN_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-workflow">Workflow</label>
          <select id="filter-workflow" value={filter.workflow_id ?? ""} onChange={(e) => setParams({ workflow_id: e.target.value })}>
            <option value="">any</option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-failed-step">Failed at step</label>
          <input
            id="filter-failed-step"
            type="search"
            value={params.get("failed_step") ?? ""}
            onChange={(e) => setParams({ failed_step: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="filter-error-code">Error code</label>
          <input
            id="filter-error-code"
            type="search"
            value={params.get("error_code") ?? ""}
            onChange={(e) => setParams({ error_code: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="filter-after">Created after</label>
          <input
            id="filter-after"
            type="datetime-local"
            value={params.get("after") ?? ""}
            onChange={(e) => setParams({ after: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="filter-before">Created before</label>
          <input
            id="filter-before"
            type="datetime-local"
            value={params.get("before") ?? ""}
            onChange={(e) => setParams({ before: e.target.value })}
          />
        </div>
        <label className="inline">
          <input type="checkbox" checked={live} onChange={(e) => setParams({ live: e.target.checked ? undefined : "off" })} />
          Refresh every {REFRESH_MS / 1000} s
        </label>
      </form>
      {runs.isPending ? (
        <Loading label="Loading runs" />
      ) : runs.isError ? (
        <ErrorMessage error={runs.error} retry={() => runs.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted">No run matches.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Workflow</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
              <th scope="col">Trigger</th>
            </tr>
          </thead>
          <tbody>
            {list.map((run) => (
              <tr key={run.id}>
                <td data-label="Run">
                  {/* The name starts with what is shown, so "click …ba8d0873" finds it by voice. */}
                  <Link to={`/runs/${run.id}`}>
                    <code>{shortId(run.id)}</code>
                    <span className="visually-hidden"> (run {run.id})</span>
                  </Link>
                  {run.process_id && <small> {run.process_id}</small>}
                </td>
                <td data-label="Workflow">
                  <Link to={`/workflows/${run.workflow_id}`}>{nameOf(run.workflow_id)}</Link> v{run.version}
                </td>
                <td data-label="Status">
                  <Status value={run.status} />
                  {run.error_code && <small> {run.error_code}</small>}
                  {run.error_step && (
                    <small>
                      {" "}
                      at <code>{run.error_step}</code>
                    </small>
                  )}
                </td>
                <td data-label="Created">{formatTime(run.created_at)}</td>
                <td data-label="Duration">{formatDuration(between(run.started_at, run.ended_at))}</td>
                <td data-label="Trigger">{run.trigger}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.hasNextPage && (
        <button type="button" onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
