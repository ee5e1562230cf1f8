import type { components } from "@stepline/client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Cron } from "croner";
import { ScopeGate } from "../components/scope-gate";
import { ErrorMessage, Loading } from "../components/states";
import { Status } from "../components/status";
import { formatTime } from "../lib/format";
import { useWorkflowNames } from "../lib/use-workflow-names";
import { Link } from "../router";
import { useStepline } from "../session";

type ScheduleRow = components["schemas"]["ScheduleSummary"];

/** The fire times after the next one, computed as the server does (croner, in the schedule's timezone). */
function laterFires(schedule: ScheduleRow): Date[] {
  if (schedule.paused || !schedule.next_run_at) return [];
  try {
    return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }).nextRuns(2, new Date(schedule.next_run_at));
  } catch {
    return [];
  }
}

/** Every schedule of the app with its next fires, paused or resumed with one button. */
export function SchedulesPage() {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const schedules = useInfiniteQuery({
    queryKey: ["schedules"],
    queryFn: ({ pageParam, signal }) => stepline.schedules.list({ limit: 100, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const toggle = useMutation({
    mutationFn: ({ id, paused }: { id: string; paused: boolean }) =>
      paused ? stepline.schedules.resume(id) : stepline.schedules.pause(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["schedules"] }),
  });
  const list = schedules.data?.pages.flatMap((page) => page.data) ?? [];
  const { nameOf } = useWorkflowNames();

  return (
    <section>
      <h1>Schedules</h1>
      {toggle.isError && <ErrorMessage error={toggle.error} />}
      {schedules.isPending ? (
        <Loading label="Loading schedules" />
      ) : schedules.isError ? (
        <ErrorMessage error={schedules.error} retry={() => schedules.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted">No schedules: create one with POST /v1/workflows/{"{id}"}/schedules.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Cron</th>
              <th scope="col">State</th>
              <th scope="col">Next fires</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((schedule) => (
              <tr key={schedule.id}>
                <td data-label="Workflow">
                  <Link to={`/workflows/${schedule.workflow_id}`}>{nameOf(schedule.workflow_id)}</Link>
                </td>
                <td data-label="Cron">
                  <code>{schedule.cron}</code> <small>{schedule.timezone}</small>
                </td>
                <td data-label="State">
                  <Status value={schedule.paused ? "paused" : "active"} />
                </td>
                <td data-label="Next fires">
                  {schedule.paused ? (
                    "—"
                  ) : (
                    <ul className="plain">
                      <li>{formatTime(schedule.next_run_at)}</li>
                      {laterFires(schedule).map((at) => (
                        <li key={at.toISOString()} className="muted">
                          {at.toLocaleString()}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label="Last run">
                  {schedule.last_run_id ? <Link to={`/runs/${schedule.last_run_id}`}>{formatTime(schedule.last_run_at)}</Link> : "—"}
                </td>
                <td>
                  <ScopeGate scope="write" inline>
                    <button
                      type="button"
                      onClick={() => toggle.mutate({ id: schedule.id, paused: schedule.paused })}
                      disabled={toggle.isPending && toggle.variables?.id === schedule.id}
                    >
                      {schedule.paused ? "Resume" : "Pause"}
                    </button>
                  </ScopeGate>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {schedules.hasNextPage && (
        <button type="button" onClick={() => schedules.fetchNextPage()} disabled={schedules.isFetchingNextPage}>
          Load more
        </button>
      )}
    </section>
  );
}
