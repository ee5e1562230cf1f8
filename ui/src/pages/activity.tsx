import { useInfiniteQuery } from "@tanstack/react-query";
import { ScopeGate } from "../components/scope-gate";
import { ErrorMessage, Loading } from "../components/states";
import { formatTime } from "../lib/format";
import { useSearchParams } from "../router";
import { useMay, useStepline } from "../session";

const RESOURCES = ["workflow", "schedule", "variable", "key", "run", "installation", "app"];

/** The app's audit log, newest first, filtered by resource type and action (admin keys). */
export function ActivityPage() {
  const stepline = useStepline();
  const allowed = useMay("admin");
  const [params, setParams] = useSearchParams();
  const resourceType = params.get("resource_type") ?? undefined;
  const action = params.get("action") ?? undefined;
  const entries = useInfiniteQuery({
    queryKey: ["audit", resourceType, action],
    queryFn: ({ pageParam, signal }) =>
      stepline.audit.list({ limit: 50, cursor: pageParam, resource_type: resourceType, action: action as never }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: allowed,
  });
  const list = entries.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section>
      <h1>Activity</h1>
      <p className="muted">Every change made through the API, kept for 90 days. Run starts and events are in each run's own log.</p>
      <ScopeGate scope="admin">
        <form className="inline-form filters" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="activity-resource">Resource</label>
          <select id="activity-resource" value={resourceType ?? ""} onChange={(e) => setParams({ resource_type: e.target.value })}>
            <option value="">any</option>
            {RESOURCES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <label htmlFor="activity-action">Action</label>
          <input
            id="activity-action"
            placeholder="workflow.created"
            defaultValue={action}
            onBlur={(e) => setParams({ action: e.target.value.trim() })}
          />
        </form>
        {!allowed ? null : entries.isPending ? (
          <Loading label="Loading the activity" />
        ) : entries.isError ? (
          <ErrorMessage error={entries.error} retry={() => entries.refetch()} />
        ) : list.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">By</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td data-label="When" title={`request ${entry.request_id ?? "—"}`}>
                    {formatTime(entry.created_at)}
                  </td>
                  <td data-label="Action">
                    <code>{entry.action}</code>
                  </td>
                  <td data-label="Resource">
                    {entry.resource.type} <code>{entry.resource.id}</code>
                  </td>
                  <td data-label="By">{entry.actor.kind === "key" ? `key ${entry.actor.name}` : entry.actor.kind.replace("_", " ")}</td>
                  <td data-label="Changed">{entry.changes.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries.hasNextPage && (
          <button type="button" onClick={() => entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
            Load more
          </button>
        )}
      </ScopeGate>
    </section>
  );
}
