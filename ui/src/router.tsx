import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

/**
 * A router of a few lines: the location is the browser's, pages match it with `matchPath`,
 * and links push history entries without reloading.
 */
const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
  if (!replace) window.scrollTo(0, 0);
}

export const usePath = () => useSyncExternalStore(subscribe, () => window.location.pathname);
const useSearch = () => useSyncExternalStore(subscribe, () => window.location.search);

/** The query string as an object, and a setter that replaces it (empty values are dropped). */
export function useSearchParams(): [URLSearchParams, (next: Record<string, string | undefined>) => void] {
  const params = new URLSearchParams(useSearch());
  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(name);
      else merged.set(name, value);
    }
    const query = merged.toString();
    navigate(`${window.location.pathname}${query ? `?${query}` : ""}`, { replace: true });
  };
  return [params, set];
}

/** `/runs/:id` against `/runs/0193...` gives `{ id: "0193..." }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(got[i]);
    else if (part !== got[i]) return null;
  }
  return params;
}

export function Link({ to, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // A modified click opens a tab as the browser would; only a plain one stays in the page.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...props} />;
}
