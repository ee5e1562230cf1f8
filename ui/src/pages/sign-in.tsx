import { unwrap } from "@stepline/client";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../components/states";
import { clientFor, isUnauthorized, type StoredSession } from "../session";

/** Checks the key against the API (`GET /v1/app`) before keeping it, with the scopes it answers. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (session: StoredSession) => void }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const apiKey = key.trim();
    setChecking(true);
    setError(null);
    try {
      const { credential } = await unwrap(clientFor(apiKey).api.GET("/v1/app"));
      onSignedIn({ key: apiKey, identity: { name: credential.name, scopes: credential.scopes } });
    } catch (failure) {
      setError(isUnauthorized(failure) ? new Error("The API refused this key.") : failure);
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Stepline</h1>
        <p>
          Sign in with an API key of your app, of any scope: actions it may not take stay disabled. <code>npm run dev</code> prints one.
        </p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="sk_..."
          required
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="primary" disabled={checking || key.trim() === ""}>
          {checking ? "Checking…" : "Sign in"}
        </button>
        <p className="hint">
          The key stays in this tab's session storage and is sent as <code>X-Api-Key</code>. <a href="/docs">API reference</a>
        </p>
      </form>
    </main>
  );
}
