import { type KeyScope, Stepline, SteplineError } from "@stepline/client";
import { createContext, useContext } from "react";

// Session storage: the key lives as long as the tab, and is never written to disk by the page.
const STORAGE_KEY = "stepline.apiKey";
const CREDENTIAL_KEY = "stepline.credential";

/** Who the key is and what it may do, as GET /v1/app answered at sign-in (a key's scopes never change). */
export interface KeyIdentity {
  name: string | null;
  scopes: KeyScope[];
}

export interface StoredSession {
  key: string;
  identity: KeyIdentity;
}

export function storedSession(): StoredSession | null {
  const key = sessionStorage.getItem(STORAGE_KEY);
  const identity = sessionStorage.getItem(CREDENTIAL_KEY);
  // A key kept without its scopes may take no action until it signs in again.
  return key ? { key, identity: identity ? JSON.parse(identity) : { name: null, scopes: [] } } : null;
}

export function storeSession({ key, identity }: StoredSession) {
  sessionStorage.setItem(STORAGE_KEY, key);
  sessionStorage.setItem(CREDENTIAL_KEY, JSON.stringify(identity));
}

export function forgetKey() {
  sessionStorage.removeItem(STORAGE_KEY);
  sessionStorage.removeItem(CREDENTIAL_KEY);
}

const SCOPE_ORDER: KeyScope[] = ["read", "run", "write", "admin"];

/** Whether scopes held cover the one needed: each scope includes the ones before it. */
export const grants = (held: readonly KeyScope[], needed: KeyScope) =>
  held.some((scope) => SCOPE_ORDER.indexOf(scope) >= SCOPE_ORDER.indexOf(needed));

/** The API of the deployment that served this page, with the key sent as X-Api-Key. */
export const clientFor = (apiKey: string) => new Stepline({ baseUrl: window.location.origin, apiKey, keyHeader: "x-api-key" });

export const isUnauthorized = (error: unknown) => error instanceof SteplineError && error.status === 401;

/** Worth asking again: no answer at all, or the server was briefly unwell; a 4xx will not change. */
export const isTransient = (error: unknown) => !(error instanceof SteplineError) || error.status === 0 || error.status >= 500;

export interface Session {
  stepline: Stepline;
  identity: KeyIdentity;
  signOut: (reason?: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

export const useStepline = () => useSession().stepline;

/** Whether the signed-in key may take an action that needs `scope`. */
export const useMay = (scope: KeyScope) => grants(useSession().identity.scopes, scope);
