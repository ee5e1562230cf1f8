import { useId, useState } from "react";
import { type Problem, parseLoose, showLoose } from "./model";

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  pattern?: string;
} & Record<string, unknown>;

type Kind = { control: "select"; options: string[] } | { control: "text" | "number" | "checkbox" | "loose" };

/** A template string stands in for any value, so a union with one edits as its other member. */
const isTemplate = (schema: Schema) => schema.type === "string" && typeof schema.pattern === "string" && schema.pattern.includes("\\{\\{");

function kindOf(schema: Schema): Kind {
  const branches = (schema.anyOf ?? [schema]).filter((branch) => !isTemplate(branch));
  const only = branches.length === 1 ? branches[0] : null;
  if (only?.enum?.every((v) => typeof v === "string")) return { control: "select", options: only.enum as string[] };
  if (only?.type === "string") return { control: "text" };
  if (only?.type === "number" || only?.type === "integer") return { control: "number" };
  if (only?.type === "boolean") return { control: "checkbox" };
  return { control: "loose" };
}

/** The field's value from what was typed: a number field keeps a template as text. */
function fieldValue(kind: Kind, text: string): unknown {
  if (text === "") return undefined;
  if (kind.control === "number") return Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind.control === "loose") return parseLoose(text);
  return text;
}

/**
 * A step's config as a form generated from its type's JSON Schema: one control per property
 * (text, number, choice, checkbox, or a box taking JSON or text), each showing the problems
 * validation found at it; or the whole config as raw JSON.
 */
export function ConfigForm({
  schema,
  config,
  problems,
  suggestions,
  idPrefix,
  onChange,
}: {
  schema: Schema;
  config: Record<string, unknown>;
  problems: Problem[];
  suggestions: string[];
  idPrefix: string;
  onChange: (config: Record<string, unknown>) => void;
}) {
  const [raw, setRaw] = useState(false);
  const [rawText, setRawText] = useState<string | null>(null);
  const listId = useId();
  const properties = Object.entries(schema.properties ?? {});
  const fieldProblems = (name: string) => problems.filter((p) => p.path === `config.${name}` || p.path.startsWith(`config.${name}.`));
  const generalProblems = problems.filter((p) => p.path === "config" || !properties.some(([name]) => fieldProblems(name).includes(p)));
  const set = (name: string, value: unknown) => {
    const next = { ...config };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };

  return (
    <fieldset className="config-form">
      <legend>Config</legend>
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <label className="inline">
        <input
          type="checkbox"
          checked={raw || properties.length === 0}
          disabled={properties.length === 0}
          onChange={(e) => {
            setRaw(e.target.checked);
            setRawText(null);
          }}
        />
        Edit the config as JSON
      </label>
      {raw || properties.length === 0 ? (
        <RawConfig
          id={`${idPrefix}-config-json`}
          text={rawText ?? JSON.stringify(config, null, 2)}
          onText={(text) => {
            setRawText(text);
            try {
              const parsed = JSON.parse(text);
              if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) onChange(parsed);
            } catch {}
          }}
        />
      ) : (
        properties.map(([name, property]) => (
          <ConfigField
            key={name}
            id={`${idPrefix}-config-${name}`}
            name={name}
            schema={property}
            required={schema.required?.includes(name) ?? false}
            value={config[name]}
            problems={fieldProblems(name)}
            suggestions={suggestions}
            listId={listId}
            onChange={(value) => set(name, value)}
          />
        ))
      )}
      {generalProblems.map((p) => (
        <p key={`${p.path}${p.message}`} className="field-problem">
          {p.path}: {p.message}
        </p>
      ))}
    </fieldset>
  );
}

function RawConfig({ id, text, onText }: { id: string; text: string; onText: (text: string) => void }) {
  let problem: string | null = null;
  try {
    const parsed = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) problem = "The config must be a JSON object";
  } catch {
    problem = "Not valid JSON yet; the last valid config is kept";
  }
  return (
    <>
      <label htmlFor={id}>Config (JSON)</label>
      <textarea id={id} rows={6} spellCheck={false} value={text} onChange={(e) => onText(e.target.value)} />
      {problem && <p className="field-problem">{problem}</p>}
    </>
  );
}

function ConfigField({
  id,
  name,
  schema,
  required,
  value,
  problems,
  suggestions,
  listId,
  onChange,
}: {
  id: string;
  name: string;
  schema: Schema;
  required: boolean;
  value: unknown;
  problems: Problem[];
  suggestions: string[];
  listId: string;
  onChange: (value: unknown) => void;
}) {
  const kind = kindOf(schema);
  const [text, setText] = useState(() => showLoose(value));
  // What was typed stays as typed while it means the current value; a change made elsewhere (the JSON tab) shows instead.
  const shown = JSON.stringify(fieldValue(kind, text)) === JSON.stringify(value) ? text : showLoose(value);
  const hint = `${id}-hint`;
  const problemId = `${id}-problem`;
  const described = [schema.description ? hint : null, problems.length ? problemId : null].filter(Boolean).join(" ") || undefined;
  const change = (next: string) => {
    setText(next);
    onChange(fieldValue(kind, next));
  };
  const label = (
    <label htmlFor={id}>
      {name}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
  return (
    <div className={`field${problems.length ? " has-problem" : ""}`}>
      {kind.control === "checkbox" ? (
        <label className="inline" htmlFor={id}>
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
          {name}
        </label>
      ) : (
        label
      )}
      {kind.control === "select" ? (
        <select
          id={id}
          value={typeof value === "string" ? value : ""}
          aria-describedby={described}
          onChange={(e) => change(e.target.value)}
        >
          <option value="">{required ? "Choose" : "(default)"}</option>
          {kind.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : kind.control === "loose" ? (
        <>
          <textarea
            id={id}
            rows={3}
            spellCheck={false}
            value={shown}
            aria-invalid={problems.length > 0}
            aria-describedby={described}
            onChange={(e) => change(e.target.value)}
          />
          {suggestions.length > 0 && (
            <div className="suggestions">
              <span>Insert</span>
              {suggestions.map((s) => (
                <button key={s} type="button" className="chip" onClick={() => change(shown.trim() === "" ? s : `${shown} ${s}`)}>
                  {s.replace(/^\{\{ | \}\}$/g, "")}
                </button>
              ))}
            </div>
          )}
        </>
      ) : kind.control === "checkbox" ? null : (
        <input
          id={id}
          type="text"
          inputMode={kind.control === "number" ? "decimal" : undefined}
          list={listId}
          value={shown}
          aria-invalid={problems.length > 0}
          aria-describedby={described}
          onChange={(e) => change(e.target.value)}
        />
      )}
      {schema.description && (
        <small id={hint} className="hint">
          {schema.description}
        </small>
      )}
      {problems.length > 0 && (
        <p id={problemId} className="field-problem">
          {problems.map((p) => p.message).join("; ")}
        </p>
      )}
    </div>
  );
}
