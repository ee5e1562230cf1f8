/**
 * What an API key may do. Each scope includes the ones before it: `read` sees everything,
 * `run` also starts and steers runs, `write` also changes configuration, `admin` also manages
 * keys, the webhook secret and the audit log.
 */
export const SCOPES = ["read", "run", "write", "admin"] as const;

export type Scope = (typeof SCOPES)[number];

/** What each scope adds, as the documents and the dashboard say it. */
export const SCOPE_TEXT: Record<Scope, string> = {
  read: "every read: runs, workflows, schedules, deliveries, variable names, the live stream",
  run: "`read` plus starting, steering and replaying runs, sending events, redelivering webhooks",
  write: "`run` plus changing workflows, schedules, profiles and variables, retention, deletes and purges",
  admin: "everything, including keys, the webhook secret and the audit log",
};

const rank = (scope: Scope) => SCOPES.indexOf(scope);

export const isScope = (value: unknown): value is Scope => SCOPES.includes(value as Scope);

/** Whether scopes held cover the one needed. */
export const grants = (held: readonly Scope[], needed: Scope): boolean => held.some((scope) => rank(scope) >= rank(needed));

/** The widest of a key's scopes: the one that decides what it may do. */
export const widest = (held: readonly Scope[]): Scope => SCOPES[Math.max(-1, ...held.map(rank))] ?? "read";

/** Scopes that still grant something once `needed` is refused: for a message naming the ones that would. */
export const scopesGranting = (needed: Scope): Scope[] => SCOPES.filter((scope) => rank(scope) >= rank(needed));
