import jsonata from "jsonata";
import type { ErrorDetail } from "../domain/errors";
import { Limits } from "../domain/limits";
import { checkRegexSafety, SafeRegExp } from "./safe-regex";

/**
 * Templates: a string that is exactly `{{ expr }}` evaluates to the expression's value (any
 * JSON type); a string with text around `{{ ... }}` is interpolated; anything else is literal.
 * Expressions are JSONata, bounded by source length, evaluation steps, depth, sequence length
 * and string size. Steps are counted instead of wall time because in production `Date.now()`
 * does not advance while CPU-bound code runs.
 */

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

type Part = string | jsonata.Expression;
type Compiled =
  | { kind: "literal"; value: string }
  | { kind: "expression"; expr: jsonata.Expression; source: string }
  | { kind: "interpolation"; parts: Part[]; sources: string[] };

const MAX_STRING_CHARS = Limits.stepOutputBytes;
const STEPS = Symbol("stepline.steps");
const cache = new Map<string, Compiled>();
const CACHE_MAX = 5000;

function onEntry(_node: unknown, _input: unknown, environment: { base: Record<symbol, number> }) {
  const base = environment.base;
  const steps = (base[STEPS] ?? 0) + 1;
  base[STEPS] = steps;
  if (steps > Limits.expressionEvaluationSteps) {
    throw { code: "STEPLINE_STEPS", message: `evaluation exceeded ${Limits.expressionEvaluationSteps} steps` };
  }
}

function onExit(_node: unknown, _input: unknown, _environment: unknown, result: unknown) {
  if (typeof result === "string" && result.length > MAX_STRING_CHARS) {
    throw { code: "STEPLINE_SIZE", message: `a string grew past ${MAX_STRING_CHARS} characters` };
  }
}

function compileExpression(source: string): jsonata.Expression {
  if (source.trim() === "") throw new ExpressionError("the expression is empty", source);
  if (source.length > Limits.expressionLength) {
    throw new ExpressionError(`the expression is longer than ${Limits.expressionLength} characters`, source);
  }
  let expr: jsonata.Expression;
  try {
    expr = jsonata(source, {
      stack: Limits.expressionDepth,
      sequence: Limits.forEachItems * 100,
      RegexEngine: SafeRegExp as unknown as RegExpConstructor,
    });
  } catch (error) {
    throw new ExpressionError(describe(error), source);
  }
  const unsafe = findUnsafeRegex(expr.ast());
  if (unsafe) throw new ExpressionError(unsafe, source);
  expr.assign(Symbol.for("jsonata.__evaluate_entry") as unknown as string, onEntry);
  expr.assign(Symbol.for("jsonata.__evaluate_exit") as unknown as string, onExit);
  // $eval would compile arbitrary strings at run time, past every check made here.
  expr.registerFunction("eval", () => {
    throw { code: "STEPLINE_EVAL", message: "$eval is not allowed" };
  });
  return expr;
}

function findUnsafeRegex(node: unknown, seen = new Set<unknown>()): string | null {
  if (!node || typeof node !== "object" || seen.has(node)) return null;
  seen.add(node);
  if (node instanceof RegExp) return checkRegexSafety(node.source);
  for (const value of Object.values(node)) {
    const found = findUnsafeRegex(value, seen);
    if (found) return found;
  }
  return null;
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { message?: string; position?: number; token?: string };
    const at = typeof e.position === "number" ? ` (at character ${e.position})` : "";
    return `${e.message ?? String(error)}${at}`;
  }
  return String(error);
}

/** Splits `text {{ a }} more {{ b }}` into literal text and expression sources. */
function splitTemplate(source: string): Array<string | { expression: string }> {
  const parts: Array<string | { expression: string }> = [];
  let cursor = 0;
  while (cursor < source.length) {
    const open = source.indexOf("{{", cursor);
    if (open === -1) break;
    const close = findClose(source, open + 2);
    if (close === -1) throw new ExpressionError("a {{ has no matching }}", source);
    if (open > cursor) parts.push(source.slice(cursor, open));
    parts.push({ expression: source.slice(open + 2, close).trim() });
    cursor = close + 2;
  }
  if (cursor < source.length) parts.push(source.slice(cursor));
  return parts;
}

/** Finds the `}}` that closes a template, skipping braces and `}}` inside JSONata strings. */
function findClose(source: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0 && source[i + 1] === "}") return i;
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

export function compileTemplate(source: string): Compiled {
  const cached = cache.get(source);
  if (cached) return cached;
  let compiled: Compiled;
  if (!source.includes("{{")) {
    compiled = { kind: "literal", value: source };
  } else {
    const split = splitTemplate(source.trim());
    if (split.length === 1 && typeof split[0] !== "string") {
      compiled = { kind: "expression", expr: compileExpression(split[0].expression), source: split[0].expression };
    } else {
      const pieces = splitTemplate(source);
      compiled = {
        kind: "interpolation",
        parts: pieces.map((p) => (typeof p === "string" ? p : compileExpression(p.expression))),
        sources: pieces.filter((p) => typeof p !== "string").map((p) => (p as { expression: string }).expression),
      };
    }
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}

export function isTemplate(value: unknown): boolean {
  return typeof value === "string" && value.includes("{{");
}

/** Every template problem inside a (possibly nested) config value, with its path. */
export function templateErrors(value: unknown, path: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const walk = (v: unknown, p: string) => {
    if (typeof v === "string") {
      if (!v.includes("{{")) return;
      try {
        compileTemplate(v);
      } catch (error) {
        errors.push({ path: p, message: `invalid expression: ${(error as Error).message}` });
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${p}[${i}]`);
    } else if (v && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) walk(item, `${p}.${key}`);
    }
  };
  walk(value, path);
  return errors;
}

export type Scope = Record<string, unknown>;

async function evaluate(expr: jsonata.Expression, source: string, scope: Scope): Promise<unknown> {
  try {
    const result = await expr.evaluate(scope);
    return normalise(result);
  } catch (error) {
    throw new ExpressionError(`expression "${truncate(source)}" failed: ${describe(error)}`, source);
  }
}

/** JSONata returns sequences and functions; a step can only hold JSON. */
function normalise(value: unknown): unknown {
  if (value === undefined || typeof value === "function") return null;
  if (Array.isArray(value)) return Array.from(value, (v) => (v === undefined || typeof v === "function" ? null : normalise(v)));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = normalise(v);
    return out;
  }
  return value;
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** Evaluates one template string. */
export async function renderString(source: string, scope: Scope): Promise<unknown> {
  const compiled = compileTemplate(source);
  if (compiled.kind === "literal") return compiled.value;
  if (compiled.kind === "expression") return evaluate(compiled.expr, compiled.source, scope);
  let out = "";
  let i = 0;
  for (const part of compiled.parts) {
    if (typeof part === "string") out += part;
    else out += stringify(await evaluate(part, compiled.sources[i++], scope));
  }
  return out;
}

/** Renders every template inside a config value; values without templates come back as they are. */
export async function render(value: unknown, scope: Scope): Promise<unknown> {
  if (typeof value === "string") return value.includes("{{") ? renderString(value, scope) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = await render(value[i], scope);
    return out;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await render(v, scope);
    return out;
  }
  return value;
}

/** JSONata truthiness, as the `if` option sees it. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}
