import { type FormEvent, useState } from "react";
import { ErrorMessage } from "./states";

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[] } & Record<
  string,
  unknown
>;

type Kind = "string" | "number" | "integer" | "boolean" | "json";

interface Field {
  name: string;
  kind: Kind;
  required: boolean;
  title: string;
  description?: string;
  options?: string[];
}

const kindOf = (schema: Schema): Kind => {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (schema.enum?.every((v) => typeof v === "string")) return "string";
  return type === "string" || type === "number" || type === "integer" || type === "boolean" ? type : "json";
};

/** One field per top-level property of an object schema; anything else is edited as JSON. */
function fieldsOf(schema: Schema | null | undefined): Field[] | null {
  if (!schema?.properties || (schema.type !== undefined && schema.type !== "object")) return null;
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    kind: kindOf(property),
    required: schema.required?.includes(name) ?? false,
    title: typeof property.title === "string" ? property.title : name,
    description: typeof property.description === "string" ? property.description : undefined,
    options: property.enum?.map(String),
  }));
}

const asText = (value: unknown) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

/**
 * The input of a new run, as a form generated from the workflow's `input_schema` (prefilled
 * from its defaults or the last completed run's input), or as JSON. The API checks the input
 * against the schema and names any field that does not fit.
 */
export function StartRunForm({
  schema,
  initial,
  pending,
  error,
  onStart,
}: {
  schema: Schema | null | undefined;
  initial: Record<string, unknown>;
  pending: boolean;
  error: unknown;
  onStart: (input: unknown) => void;
}) {
  const fields = fieldsOf(schema);
  const [asJson, setAsJson] = useState(fields === null);
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries((fields ?? []).map((f) => [f.name, f.kind === "boolean" ? initial[f.name] === true : asText(initial[f.name])])),
  );
  const [json, setJson] = useState(() => JSON.stringify(initial, null, 2));
  const [problem, setProblem] = useState<string | null>(null);

  const fromFields = (): Record<string, unknown> => {
    const input: Record<string, unknown> = {};
    for (const field of fields ?? []) {
      const value = values[field.name];
      if (field.kind === "boolean") input[field.name] = value === true;
      else if (value === "") continue;
      else if (field.kind === "string") input[field.name] = value;
      else if (field.kind === "json") {
        try {
          input[field.name] = JSON.parse(String(value));
        } catch {
          throw new Error(`${field.title} is not valid JSON`);
        }
      } else input[field.name] = Number(value);
    }
    return input;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      setProblem(null);
      if (!asJson) return onStart(fromFields());
      onStart(json.trim() === "" ? undefined : JSON.parse(json));
    } catch (failure) {
      setProblem(failure instanceof SyntaxError ? "The input is not valid JSON" : (failure as Error).message);
    }
  };

  return (
    <form className="start-run" onSubmit={submit} aria-label="Start a run">
      {fields !== null && (
        <label className="inline">
          <input
            type="checkbox"
            checked={asJson}
            onChange={(e) => {
              if (e.target.checked) {
                try {
                  setJson(JSON.stringify(fromFields(), null, 2));
                } catch {}
              }
              setAsJson(e.target.checked);
            }}
          />
          Edit the input as JSON
        </label>
      )}
      {asJson ? (
        <>
          <label htmlFor="run-input-json">Input (JSON)</label>
          <textarea id="run-input-json" rows={8} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
        </>
      ) : (
        fields?.map((field) => {
          const id = `run-input-${field.name}`;
          const value = values[field.name];
          const set = (next: string | boolean) => setValues((all) => ({ ...all, [field.name]: next }));
          return (
            <div key={field.name} className={`field field-${field.kind}`}>
              {field.kind === "boolean" ? (
                <label className="inline" htmlFor={id}>
                  <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
                  {field.title}
                </label>
              ) : (
                <label htmlFor={id}>
                  {field.title}
                  {field.required && <span aria-hidden="true"> *</span>}
                </label>
              )}
              {field.options ? (
                <select id={id} required={field.required} value={String(value)} onChange={(e) => set(e.target.value)}>
                  <option value="">—</option>
                  {field.options.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              ) : field.kind === "json" ? (
                <textarea id={id} rows={3} spellCheck={false} value={String(value)} onChange={(e) => set(e.target.value)} />
              ) : field.kind === "boolean" ? null : (
                <input
                  id={id}
                  name={field.name}
                  type={field.kind === "string" ? "text" : "number"}
                  step={field.kind === "integer" ? 1 : "any"}
                  required={field.required}
                  value={String(value)}
                  onChange={(e) => set(e.target.value)}
                />
              )}
              {field.description && <small>{field.description}</small>}
            </div>
          );
        })
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && error !== undefined && <ErrorMessage error={error} />}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Starting…" : "Start run"}
      </button>
    </form>
  );
}
