import { useEffect, useRef, useState } from "react";
import { formatRate, useWorkflowStats } from "../lib/use-workflow-stats";
import { Status } from "./status";

/**
 * A workflows list row's last run and 7-day success rate: its stats are asked for only once the
 * row is on screen, so a long list costs one call per row seen.
 */
export function WorkflowHealthCells({ workflowId }: { workflowId: string }) {
  const ref = useRef<HTMLTableCellElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const cell = ref.current;
    if (!cell || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(cell);
    return () => observer.disconnect();
  }, [seen]);
  const stats = useWorkflowStats(workflowId, "7d", seen);
  const data = stats.data;

  return (
    <>
      <td data-label="Last run" ref={ref}>
        {stats.isError ? (
          <span className="muted">unavailable</span>
        ) : !data ? (
          <span className="muted">…</span>
        ) : data.last_run ? (
          <Status value={data.last_run.status} />
        ) : (
          <span className="muted">none in 7 days</span>
        )}
      </td>
      <td data-label="Success (7 days)">{data ? formatRate(data.success_rate) : ""}</td>
    </>
  );
}
