import { unwrap } from "@stepline/client";
import { useQuery } from "@tanstack/react-query";
import { QueryView } from "../components/states";
import { formatTime } from "../lib/format";
import { useStepline } from "../session";

/** Profiles and their variables; a secret shows only that it is set, never its value. */
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
