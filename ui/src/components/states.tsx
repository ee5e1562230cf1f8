import { SteplineError } from "@stepline/client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}

/** An error as the API named it: message, code and request id (what support asks for). */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {error instanceof SteplineError && (
        <p className="meta">
          {error.code}
          {error.status ? ` · HTTP ${error.status}` : ""}
          {error.requestId ? ` · request ${error.requestId}` : ""}
        </p>
      )}
      {error instanceof SteplineError &&
        error.details.map((detail) => (
          <p key={detail.path} className="meta">
            <code>{detail.path}</code>: {detail.message}
          </p>
        ))}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A query's three states in one place: loading, its error with a retry, then its data. */
export function QueryView<T>({ query, label, children }: { query: UseQueryResult<T>; label?: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading label={label} />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
