import { useEffect, useState } from "react";

/** The current time, ticking every `ms` while `active` (live durations of unfinished work). */
export function useNow(ms: number, active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
  return now;
}
