import type { CreatedKey, KeyScope } from "@stepline/client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ScopeGate } from "../components/scope-gate";
import { ErrorMessage, Loading } from "../components/states";
import { formatTime } from "../lib/format";
import { useMay, useStepline } from "../session";

const SCOPES: Array<[KeyScope, string]> = [
  ["read", "read: sees everything, changes nothing"],
  ["run", "run: read, and starts and steers runs"],
  ["write", "write: run, and changes workflows, schedules and variables"],
  ["admin", "admin: everything, keys and the webhook secret too"],
];

const EXPIRIES: Array<[string, number | null]> = [
  ["Never", null],
  ["In 30 days", 30],
  ["In 90 days", 90],
  ["In a year", 365],
  ["In 2 years", 730],
];

const DAY = 86_400_000;

const stateOf = (key: { revoked_at: string | null; expires_at: string | null }) =>
  key.revoked_at ? "revoked" : key.expires_at && Date.parse(key.expires_at) <= Date.now() ? "expired" : "active";

/** The app's keys: create one with a scope and an expiry (its secret shown once), see each one's last use, revoke. */
export function KeysPage() {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const keys = useInfiniteQuery({
    queryKey: ["keys"],
    queryFn: ({ pageParam, signal }) => stepline.keys.list({ limit: 100, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: useMay("admin"),
  });
  const [made, setMade] = useState<CreatedKey | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["keys"] });
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: KeyScope[]; expires_at?: string }) => stepline.keys.create(body),
    onSuccess: (key) => setMade(key),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => stepline.keys.revoke(id),
    onSettled: () => {
      setConfirm(null);
      return refresh();
    },
  });
  const list = keys.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section>
      <h1>Keys</h1>
      <ScopeGate scope="admin">
        <NewKeyForm
          pending={create.isPending}
          onCreate={(body) => {
            setMade(null);
            create.mutate(body);
          }}
        />
        {create.isError && <ErrorMessage error={create.error} />}
        {made && (
          <div className="notice new-key" role="status">
            <p>
              Key <strong>{made.name}</strong> ({made.scopes.join(", ")}) is made. Copy its secret now: it is not shown again.
            </p>
            <code className="secret" data-testid="new-key-secret">
              {made.key}
            </code>
            <p className="hint">To rotate a key: create its successor here, move its users to it, then revoke the old one.</p>
          </div>
        )}
        {revoke.isError && <ErrorMessage error={revoke.error} />}
        {keys.isPending ? (
          keys.fetchStatus === "idle" ? null : (
            <Loading label="Loading keys" />
          )
        ) : keys.isError ? (
          <ErrorMessage error={keys.error} retry={() => keys.refetch()} />
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((key) => (
                <tr key={key.id} data-key={key.id}>
                  <td data-label="Name">{key.name}</td>
                  <td data-label="Prefix">
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label="Scopes">{key.scopes.join(", ")}</td>
                  <td data-label="Expires">{key.expires_at ? formatTime(key.expires_at) : "never"}</td>
                  <td data-label="Last used" title="Recorded at most once an hour">
                    {key.last_used_at ? formatTime(key.last_used_at) : "never"}
                  </td>
                  <td data-label="State">{stateOf(key)}</td>
                  <td>
                    {key.revoked_at === null &&
                      (confirm === key.id ? (
                        <>
                          <button type="button" className="danger" onClick={() => revoke.mutate(key.id)} disabled={revoke.isPending}>
                            Yes, revoke {key.name}
                          </button>
                          <button type="button" onClick={() => setConfirm(null)}>
                            Keep it
                          </button>
                        </>
                      ) : (
                        <button type="button" onClick={() => setConfirm(key.id)}>
                          Revoke
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {keys.hasNextPage && (
          <button type="button" onClick={() => keys.fetchNextPage()} disabled={keys.isFetchingNextPage}>
            Load more
          </button>
        )}
      </ScopeGate>
    </section>
  );
}

function NewKeyForm({
  pending,
  onCreate,
}: {
  pending: boolean;
  onCreate: (body: { name: string; scopes: KeyScope[]; expires_at?: string }) => void;
}) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState<KeyScope>("read");
  const [days, setDays] = useState<string>("90");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiry = days === "" ? null : Number(days);
    onCreate({
      name: name.trim(),
      scopes: [scope],
      ...(expiry === null ? {} : { expires_at: new Date(Date.now() + expiry * DAY).toISOString() }),
    });
  };
  return (
    <form className="inline-form new-key-form" aria-label="Create a key" onSubmit={submit}>
      <label htmlFor="key-name">Name</label>
      <input id="key-name" required maxLength={255} value={name} onChange={(e) => setName(e.target.value)} placeholder="billing service" />
      <label htmlFor="key-scope">Scope</label>
      <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value as KeyScope)}>
        {SCOPES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor="key-expiry">Expires</label>
      <select id="key-expiry" value={days} onChange={(e) => setDays(e.target.value)}>
        {EXPIRIES.map(([label, value]) => (
          <option key={label} value={value === null ? "" : String(value)}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={pending || name.trim() === ""}>
        {pending ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}
