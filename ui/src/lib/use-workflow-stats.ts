import { unwrap } from "@stepline/client";
import { useQuery } from "@tanstack/react-query";
import { useStepline } from "../session";

export const STATS_WINDOWS = ["24h", "7d", "30d"] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

/** A workflow's stats for a window (GET /v1/workflows/{id}/stats); fetched once `enabled`. */
export function useWorkflowStats(id: string, window: StatsWindow, enabled = true) {
  const stepline = useStepline();
  return useQuery({
    queryKey: ["workflow", id, "stats", window],
    queryFn: ({ signal }) =>
      unwrap(stepline.api.GET("/v1/workflows/{id}/stats", { params: { path: { id }, query: { window } }, signal }), signal),
    enabled,
  });
}

export type WorkflowStats = NonNullable<ReturnType<typeof useWorkflowStats>["data"]>;

/** A rate in [0, 1] as a whole percentage; a dash when there is none. */
export const formatRate = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
