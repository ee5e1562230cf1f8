/** Times as people read them, in the browser's time zone. */
export const formatTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : "—");

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const between = (from: string | null | undefined, to: string | null | undefined): number | null =>
  from ? (to ? Date.parse(to) : Date.now()) - Date.parse(from) : null;

export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

/** An instant as `<input type="datetime-local">` holds it (local time, to the minute): what the runs page's time filters take. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
