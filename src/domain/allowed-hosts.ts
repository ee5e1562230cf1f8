import type { ErrorDetail } from "./errors";

/**
 * The hosts a secret variable may be sent to: `api.openai.com` (that host, any port),
 * `*.replicate.com` (any name below it, not the name itself), `127.0.0.1:8080` or
 * `[::1]:8080` (that host on that port only). Entries are compared with the parsed URL's
 * host, so every spelling of an address the URL parser normalises matches the same entry.
 */

export const MAX_ALLOWED_HOSTS = 20;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

function splitPort(entry: string): { host: string; port: string | null } | null {
  const bracket = entry.match(/^(\[[^\]]*\])(?::(\d{1,5}))?$/);
  if (bracket) return { host: bracket[1], port: bracket[2] ?? null };
  const colon = entry.lastIndexOf(":");
  if (colon === -1) return { host: entry, port: null };
  const port = entry.slice(colon + 1);
  return /^\d{1,5}$/.test(port) ? { host: entry.slice(0, colon), port } : null;
}

/** Why an entry is not a host pattern, or null when it is one. */
export function hostPatternProblem(entry: string): string | null {
  if (entry !== entry.trim() || entry === "") return "must be a host name such as api.example.com, without spaces";
  if (entry.length > 260) return "is longer than 260 characters";
  if (entry.includes("/")) return "must be a host (with an optional :port), not a URL";
  const parts = splitPort(entry.toLowerCase());
  if (!parts) return "has a port that is not a number";
  if (parts.port !== null && (Number(parts.port) < 1 || Number(parts.port) > 65535)) return "has a port outside 1-65535";
  if (IPV6.test(parts.host)) return null;
  const wildcard = parts.host.startsWith("*.");
  const labels = (wildcard ? parts.host.slice(2) : parts.host).split(".");
  if (!labels.every((label) => LABEL.test(label))) return "must be a host name, an IP address, or *. followed by a domain";
  if (wildcard && labels.length < 2) return "must cover a domain with a dot (*.example.com), not a whole top-level domain";
  if (labels.length < 2 && labels[0] !== "localhost") return "must name a host with a dot (api.example.com), an address or localhost";
  return null;
}

/** Checks a list of patterns, naming each bad entry by its index under `path`. */
export function allowedHostsProblems(entries: string[], path: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (entries.length > MAX_ALLOWED_HOSTS) problems.push({ path, message: `has more than ${MAX_ALLOWED_HOSTS} entries` });
  entries.forEach((entry, i) => {
    const problem = hostPatternProblem(entry);
    if (problem) problems.push({ path: `${path}[${i}]`, message: `${JSON.stringify(entry)} ${problem}` });
  });
  return problems;
}

/** Patterns in the form they are stored and compared in: lower case, without duplicates. */
export const normaliseHosts = (entries: string[]): string[] => [...new Set(entries.map((e) => e.toLowerCase()))];

const defaultPort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/** Whether `url` is on a host the patterns allow. */
export function hostAllowed(patterns: readonly string[], url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return patterns.some((pattern) => {
    const parts = splitPort(pattern);
    if (!parts) return false;
    if (parts.port !== null && parts.port !== defaultPort(url)) return false;
    if (parts.host.startsWith("*.")) return host.endsWith(parts.host.slice(1)) && host.length > parts.host.length - 1;
    return host === parts.host;
  });
}

/** The pattern that allows exactly the host (and port, when one is written) of a URL. */
export function hostPatternOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  } catch {
    return null;
  }
}
