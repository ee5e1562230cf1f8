/**
 * The builder's draft is the definition itself (what `POST /v1/workflows` takes), so the JSON
 * tab, the validation call and the save all send the same object. The canvas layout lives in
 * each step's `meta.position` and `meta.size`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface DraftStep {
  id: string;
  type: string;
  depends_on?: string[];
  config?: Record<string, unknown>;
  meta?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface Draft {
  name: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  output?: unknown;
  steps: DraftStep[];
  [field: string]: unknown;
}

export interface Problem {
  path: string;
  message: string;
}

export interface Position {
  x: number;
  y: number;
}

export const NODE_SIZE = { width: 184, height: 64 };
const COLUMN = 240;
const ROW = 100;

/** The ids a step waits for, as the engine reads them: omitted means the previous step. */
export function dependencies(steps: DraftStep[], index: number): string[] {
  const step = steps[index];
  return step.depends_on ?? (index === 0 ? [] : [steps[index - 1].id]);
}

export const positionOf = (step: DraftStep): Position | null => {
  const position = step.meta?.position as Partial<Position> | undefined;
  return typeof position?.x === "number" && typeof position?.y === "number" ? { x: position.x, y: position.y } : null;
};

/**
 * Explicit edges and a place on the canvas for every step: a step without a position goes in
 * the column of its depth in the graph, below the others there.
 */
export function normalize(draft: Draft): Draft {
  const steps = draft.steps;
  const depth = new Map<string, number>();
  const depthOf = (index: number, seen = new Set<number>()): number => {
    const id = steps[index].id;
    if (depth.has(id)) return depth.get(id) as number;
    if (seen.has(index)) return 0;
    seen.add(index);
    const deps = dependencies(steps, index)
      .map((dep) => steps.findIndex((s) => s.id === dep))
      .filter((i) => i >= 0);
    const d = deps.length === 0 ? 0 : Math.max(...deps.map((i) => depthOf(i, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  const rows = new Map<number, number>();
  return {
    ...draft,
    steps: steps.map((step, i) => {
      const column = depthOf(i);
      const row = rows.get(column) ?? 0;
      rows.set(column, row + 1);
      const deps = dependencies(steps, i);
      return {
        ...step,
        ...(i === 0 && deps.length === 0 ? {} : { depends_on: deps }),
        meta: {
          ...step.meta,
          position: positionOf(step) ?? { x: 40 + column * COLUMN, y: 40 + row * ROW },
          size: { ...NODE_SIZE },
        },
      };
    }),
  };
}

/** A step id like `reverse`, `reverse_2`: unique among `taken`, and valid for the API. */
export function freshId(type: string, taken: string[]): string {
  const base =
    type
      .replace(/^TextOperation\./, "")
      .replace(/[^A-Za-z0-9_]/g, "_")
      .replace(/^[^A-Za-z_]/, "_")
      .toLowerCase()
      .slice(0, 56) || "step";
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** A free spot to the right of the rightmost step. */
export function nextPosition(steps: DraftStep[]): Position {
  const positions = steps.map(positionOf).filter((p): p is Position => p !== null);
  if (positions.length === 0) return { x: 40, y: 40 };
  const right = positions.reduce((a, b) => (b.x > a.x ? b : a));
  return { x: right.x + COLUMN, y: right.y };
}

/** Renames a step, and the edges that name it. */
export function renameStep(draft: Draft, from: string, to: string): Draft {
  return {
    ...draft,
    steps: draft.steps.map((step) => ({
      ...step,
      id: step.id === from ? to : step.id,
      ...(step.depends_on ? { depends_on: step.depends_on.map((d) => (d === from ? to : d)) } : {}),
    })),
  };
}

/** Removes steps and every edge into them. */
export function removeSteps(draft: Draft, ids: string[]): Draft {
  const normalized = normalize(draft);
  return {
    ...normalized,
    steps: normalized.steps
      .filter((step) => !ids.includes(step.id))
      .map((step) => ({ ...step, depends_on: (step.depends_on ?? []).filter((d) => !ids.includes(d)) })),
  };
}

export function updateStep(draft: Draft, id: string, change: (step: DraftStep) => DraftStep): Draft {
  return { ...draft, steps: draft.steps.map((step) => (step.id === id ? change(step) : step)) };
}

/** Adds or removes the edge `from` → `to` (that is, `from` in `to`'s depends_on). */
export function setEdge(draft: Draft, from: string, to: string, present: boolean): Draft {
  const normalized = normalize(draft);
  return updateStep(normalized, to, (step) => {
    const deps = (step.depends_on ?? []).filter((d) => d !== from);
    return { ...step, depends_on: present ? [...deps, from] : deps };
  });
}

/** The index of the step a problem path names (`steps[2].config.url` → 2), or null. */
export function stepIndexOf(path: string): number | null {
  const match = /^steps\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
}

/** The problems of step `index`, with the path inside the step (`config.url`, `id`, or ``). */
export function stepProblems(problems: Problem[], index: number): Problem[] {
  return problems.filter((p) => stepIndexOf(p.path) === index).map((p) => ({ ...p, path: p.path.replace(/^steps\[\d+\]\.?/, "") }));
}

/** A value typed in a field that takes anything: JSON when it parses, else the text itself. */
export function parseLoose(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const showLoose = (value: unknown): string =>
  value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2);

/** The expressions a step's fields may use: the input's fields and its dependencies' outputs. */
export function suggestions(draft: Draft, stepId: string | null): string[] {
  const properties = Object.keys((draft.input_schema?.properties as Record<string, unknown> | undefined) ?? {});
  const index = draft.steps.findIndex((s) => s.id === stepId);
  const deps = index >= 0 ? dependencies(draft.steps, index) : draft.steps.map((s) => s.id);
  return [...properties.map((p) => `{{ input.${p} }}`), ...deps.map((d) => `{{ steps.${d}.output }}`)];
}

/** The parts of a definition a version holds, for the diff against the current version. */
export function versioned(definition: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["steps", "input_schema", "input_default", "output", "output_schema"]) {
    if (definition[key] !== undefined) out[key] = definition[key];
  }
  return out;
}
