import type { RunStatus } from "./run-status";

/** What a list of runs may filter by, and the rules for the terms a filter writes into SQL. */

/** Metadata keys a list may filter by; they are written into the SQL, so they are checked first. */
export const METADATA_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const SURFACE = /^[a-z][a-z0-9_-]{0,31}$/;

export interface RunFilter {
  workflowId?: string;
  version?: number;
  /** The caller's name for the runs, given when they were started. */
  processId?: string;
  status?: RunStatus[];
  /** Runs that failed at this step. */
  failedStep?: string;
  /** Runs that ended with this error code. */
  errorCode?: string;
  createdAfter?: number;
  createdBefore?: number;
  /** The surface that started the runs (`native`, `leap`, `pipelines`, ...). */
  surface?: string;
  /** Soft-deleted runs are left out unless this is set. */
  includeDeleted?: boolean;
  /** Leaves out runs whose data retention purged. */
  excludePurged?: boolean;
  /** Top-level metadata values, compared as text. */
  metadata?: Record<string, string>;
}

/** The smallest UUIDv7 for a time: ids sort by creation time, so time filters are id ranges. */
export function idAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The creation time a UUIDv7 carries. */
export function timeOfId(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
