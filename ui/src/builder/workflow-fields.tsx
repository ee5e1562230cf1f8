import { type Draft, type Problem, parseLoose, showLoose } from "./model";

const TYPES = ["string", "number", "integer", "boolean", "object", "array"] as const;

interface InputField {
  name: string;
  type: string;
  required: boolean;
  enum: string;
}

type Property = { type?: unknown; enum?: unknown[] } & Record<string, unknown>;

function fieldsOf(schema: Record<string, unknown> | undefined): InputField[] {
  const properties = (schema?.properties ?? {}) as Record<string, Property>;
  const required = (schema?.required ?? []) as string[];
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeof property.type === "string" ? property.type : "string",
    required: required.includes(name),
    enum: (property.enum ?? []).map(String).join(", "),
  }));
}

/** The input schema the fields describe; each property keeps whatever else it said (a description, a format). */
function schemaOf(fields: InputField[], previous: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (fields.length === 0) return undefined;
  const before = (previous?.properties ?? {}) as Record<string, Property>;
  const properties: Record<string, Property> = {};
  for (const field of fields) {
    const { enum: _, ...kept } = before[field.name] ?? {};
    const options = field.enum
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean);
    properties[field.name] = {
      ...kept,
      type: field.type,
      ...(options.length ? { enum: field.type === "string" ? options : options.map((o) => parseLoose(o)) } : {}),
    };
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return { ...previous, type: "object", properties, ...(required.length ? { required } : { required: undefined }) };
}

const problemsAt = (problems: Problem[], prefix: string) => problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));

/** The workflow's name, description, input fields (name, type, required, choices) and output template. */
export function WorkflowFields({ draft, problems, onChange }: { draft: Draft; problems: Problem[]; onChange: (draft: Draft) => void }) {
  const fields = fieldsOf(draft.input_schema);
  const setFields = (next: InputField[]) => onChange({ ...draft, input_schema: schemaOf(next, draft.input_schema) });
  const setField = (index: number, change: Partial<InputField>) => setFields(fields.map((f, i) => (i === index ? { ...f, ...change } : f)));
  const messages = (prefix: string) =>
    problemsAt(problems, prefix).map((p) => (
      <p key={`${p.path}${p.message}`} className="field-problem">
        {p.path === prefix ? "" : `${p.path}: `}
        {p.message}
      </p>
    ));

  return (
    <div className="workflow-fields">
      <div className="field">
        <label htmlFor="builder-name">Name</label>
        <input id="builder-name" value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        {messages("name")}
      </div>
      <div className="field">
        <label htmlFor="builder-description">Description</label>
        <textarea
          id="builder-description"
          rows={2}
          value={draft.description ?? ""}
          onChange={(e) => onChange({ ...draft, description: e.target.value || undefined })}
        />
      </div>
      <fieldset className="input-fields">
        <legend>Input fields</legend>
        {fields.length === 0 && <p className="muted">The run input has no declared fields.</p>}
        {fields.map((field, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row keeps its place (and focus) while its name is typed
          <div className="input-field" key={i}>
            <label>
              Field name
              <input value={field.name} onChange={(e) => setField(i, { name: e.target.value })} />
            </label>
            <label>
              Type
              <select value={field.type} onChange={(e) => setField(i, { type: e.target.value })}>
                {TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <label className="inline">
              <input type="checkbox" checked={field.required} onChange={(e) => setField(i, { required: e.target.checked })} />
              Required
            </label>
            <label>
              Choices (comma separated)
              <input value={field.enum} onChange={(e) => setField(i, { enum: e.target.value })} />
            </label>
            <button type="button" onClick={() => setFields(fields.filter((_, j) => j !== i))}>
              Remove field {field.name}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setFields([...fields, { name: `field_${fields.length + 1}`, type: "string", required: false, enum: "" }])}
        >
          Add input field
        </button>
        {messages("input_schema")}
      </fieldset>
      <div className="field">
        <label htmlFor="builder-output">Output template</label>
        <textarea
          id="builder-output"
          rows={3}
          spellCheck={false}
          placeholder="Default: the last step's output"
          value={showLoose(draft.output)}
          onChange={(e) => onChange({ ...draft, output: parseLoose(e.target.value) })}
        />
        <small className="hint">JSON or text; templates such as {"{{ steps.<id>.output }}"} are rendered when the run ends.</small>
        {messages("output")}
      </div>
    </div>
  );
}
