import { type components, unwrap } from "@stepline/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ScopeGate } from "../components/scope-gate";
import { ErrorMessage, QueryView } from "../components/states";
import { formatTime } from "../lib/format";
import { useStepline } from "../session";

type Variable = components["schemas"]["Variable"];

/** Profiles and their variables; a secret shows only that it is set, never its value, and the hosts it may be sent to. */
export function ProfilesPage() {
  const stepline = useStepline();
  const profiles = useQuery({
    queryKey: ["profiles"],
    queryFn: ({ signal }) => unwrap(stepline.api.GET("/v1/profiles", { signal }), signal),
  });
  return (
    <section>
      <h1>Profiles</h1>
      <QueryView query={profiles} label="Loading profiles">
        {({ data }) =>
          data.length === 0 ? (
            <p className="muted">
              No variables yet: PUT /v1/profiles/{"{profile}"}/variables/{"{name}"} sets one.
            </p>
          ) : (
            data.map((profile) => <Profile key={profile.name} name={profile.name} />)
          )
        }
      </QueryView>
    </section>
  );
}

function Profile({ name }: { name: string }) {
  const stepline = useStepline();
  const variables = useQuery({
    queryKey: ["profiles", name],
    queryFn: ({ signal }) =>
      unwrap(
        stepline.api.GET("/v1/profiles/{profile}/variables", { params: { path: { profile: name }, query: { limit: 100 } }, signal }),
        signal,
      ),
  });
  return (
    <>
      <h2>{name}</h2>
      <QueryView query={variables} label={`Loading ${name}`}>
        {({ data }) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Value</th>
                <th scope="col">Allowed hosts</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {data.map((variable) => (
                <tr key={variable.name}>
                  <td data-label="Variable">
                    <code>{variable.name}</code>
                  </td>
                  <td data-label="Value">
                    {variable.secret ? <span className="status status-secret">secret · set</span> : <code>{variable.value}</code>}
                  </td>
                  <td data-label="Allowed hosts">{variable.secret ? <AllowedHosts profile={name} variable={variable} /> : "—"}</td>
                  <td data-label="Updated">{formatTime(variable.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}

const parseHosts = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((host) => host.trim())
    .filter(Boolean);

/** Where a secret may be sent, changed without sending the secret again (an empty list: any host). */
function AllowedHosts({ profile, variable }: { profile: string; variable: Variable }) {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const save = useMutation({
    mutationFn: (hosts: string[]) => stepline.variables.setAllowedHosts(profile, variable.name, hosts.length === 0 ? null : hosts),
    onSuccess: () => {
      setEditing(false);
      return queryClient.invalidateQueries({ queryKey: ["profiles", profile] });
    },
  });
  const hosts = variable.allowed_hosts;
  const fieldId = `hosts-${profile}-${variable.name}`;
  if (!editing) {
    return (
      <>
        {hosts === null ? <span className="muted">any host</span> : hosts.map((host) => <code key={host}>{host} </code>)}{" "}
        <ScopeGate scope="write" inline>
          <button
            type="button"
            aria-label={`Edit hosts of ${variable.name}`}
            onClick={() => {
              setText((hosts ?? []).join(", "));
              save.reset();
              setEditing(true);
            }}
          >
            Edit hosts
          </button>
        </ScopeGate>
      </>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(parseHosts(text));
  };
  return (
    <form className="inline-form" aria-label={`Hosts ${variable.name} may be sent to`} onSubmit={submit}>
      <label htmlFor={fieldId}>Hosts (comma-separated; empty: any host)</label>
      <input id={fieldId} value={text} placeholder="api.example.com, *.example.com" onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
