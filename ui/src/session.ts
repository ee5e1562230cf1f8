import { Stepline, SteplineError } from "@stepline/client";
import { createContext, useContext } from "react";

// Session storage: the key lives as long as the tab, and is never written to disk by the page.
const STORAGE_KEY = "stepline.apiKey";

export const storedKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const storeKey = (key: string) => sessionStorage.setItem(STORAGE_KEY, key);
export const forgetKey = () => sessionStorage.removeItem(STORAGE_KEY);

/** The API of the deployment that served this page, with the key sent as X-Api-Key. */
export const clientFor = (apiKey: string) => new Stepline({ baseUrl: window.location.origin, apiKey, keyHeader: "x-api-key" });

export const isUnauthorized = (error: unknown) => error instanceof SteplineError && error.status === 401;

/** Worth asking again: no answer at all, or the server was briefly unwell; a 4xx will not change. */
export const isTransient = (error: unknown) => !(error instanceof SteplineError) || error.status === 0 || error.status >= 500;

export interface Session {
  stepline: Stepline;
  signOut: (reason?: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

export const useStepline = () => useSession().stepline;
