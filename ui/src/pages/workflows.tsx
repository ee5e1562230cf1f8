import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { ErrorMessage, Loading } from "../components/states";
import { WorkflowHealthCells } from "../components/workflow-health";
import { formatTime } from "../lib/format";
import { Link, useSearchParams } from "../router";
import { useStepline } from "../session";

/** Every workflow of the app, newest first, with its last run and 7-day success rate, searched by a part of the name as you type. */
export function WorkflowsPage() {
  const stepline = useStepline();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const needle = search.trim();
  const query = useInfiniteQuery({
    queryKey: ["workflows", "list", needle],
    queryFn: ({ pageParam, signal }) =>
      stepline.workflows.list({ limit: 100, cursor: pageParam, name_contains: needle || undefined }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const shown = query.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section>
      <h1>Workflows</h1>
      <p>
        <Link to="/workflows/new" className="button">
          New workflow
        </Link>
      </p>
      <div className="toolbar">
        <label htmlFor="workflow-search">Search by name</label>
        <input id="workflow-search" type="search" value={search} onChange={(e) => setParams({ q: e.target.value })} />
      </div>
      {query.isPending ? (
        <Loading label="Loading workflows" />
      ) : query.isError ? (
        <ErrorMessage error={query.error} retry={() => query.refetch()} />
      ) : shown.length === 0 ? (
        <p className="muted">
          {needle ? "No workflow matches." : "No workflows yet: build one with New workflow, or send one to POST /v1/workflows."}
        </p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
              <th scope="col">Last run</th>
              <th scope="col">Success (7 days)</th>
              <th scope="col">Updated</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((workflow) => (
              <tr key={workflow.id}>
                <td data-label="Name">
                  <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link>
                </td>
                <td data-label="Version">
                  v{workflow.current_version}
                  {workflow.latest_version !== workflow.current_version && ` (latest v${workflow.latest_version})`}
                </td>
                <WorkflowHealthCells workflowId={workflow.id} />
                <td data-label="Updated">{formatTime(workflow.updated_at)}</td>
                <td data-label="Description">{workflow.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.hasNextPage && (
        <button type="button" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
