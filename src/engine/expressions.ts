import jsonata from "jsonata";
import type { ErrorDetail } from "../domain/errors";
import { Limits } from "../domain/limits";
import { MASK } from "./masking";
import { checkRegexSafety, SafeRegExp } from "./safe-regex";
import { watchedVars } from "./secret-vars";

/**
 * Templates: a string that is exactly `{{ expr }}` evaluates to the expression's value (any
 * JSON type); a string with text around `{{ ... }}` is interpolated; anything else is literal.
 * Expressions are JSONata, bounded by source length, evaluation steps, depth, sequence length
 * and string size. Steps are counted instead of wall time because in production `Date.now()`
 * does not advance while CPU-bound code runs.
 *
 * An evaluation that reads a secret variable is refused (SecretNotAllowedError naming the
 * field and the variable), unless the caller renders the fields of a request and passes a
 * SecretUse to collect what was read.
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

/** A template read a secret variable where no secret may go; `path` is the field, as rendered. */
export class SecretNotAllowedError extends Error {
  constructor(
    readonly variable: string,
    readonly path: string,
  ) {
    super(`${path} reads the secret variable ${variable}, and a secret may only go into the request fields of http and integration steps`);
    this.name = "SecretNotAllowedError";
  }
}

/** What rendering a request's fields read: the secrets, and every string made from them. */
export class SecretUse {
  readonly reads = new Set<string>();
  readonly derived: string[] = [];
}

/** A rendered value, and the same value as it may be shown and stored (what a secret made, masked). */
interface Rendered {
  value: unknown;
  shown: unknown;
}

async function evaluate(expr: jsonata.Expression, source: string, scope: Scope, path: string, use?: SecretUse): Promise<Rendered> {
  const reads = new Set<string>();
  const vars = watchedVars(scope.vars, reads);
  const watched = vars === scope.vars ? scope : { ...scope, vars };
  let value: unknown;
  try {
    value = normalise(await expr.evaluate(watched));
  } catch (error) {
    admit(reads, path, use);
    // A failure's message may quote the value that failed, which may be made from a secret.
    const reason = reads.size > 0 ? "it failed after reading a secret variable (the reason is withheld)" : describe(error);
    throw new ExpressionError(`expression "${truncate(source)}" failed: ${reason}`, source);
  }
  admit(reads, path, use);
  if (reads.size === 0 || !use) return { value, shown: value };
  collectStrings(value, use.derived);
  return { value, shown: MASK };
}

function admit(reads: Set<string>, path: string, use: SecretUse | undefined): void {
  if (reads.size === 0) return;
  if (!use) throw new SecretNotAllowedError([...reads][0], path);
  for (const name of reads) use.reads.add(name);
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collectStrings(v, into);
}

/** JSONata returns sequences and functions; a step can only hold JSON. */
function normalise(value: unknown): unknown {
  if (value === undefined || isFunction(value)) return null;
  if (Array.isArray(value)) return Array.from(value, (v) => (v === undefined || isFunction(v) ? null : normalise(v)));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && !isFunction(v)) out[k] = normalise(v);
    return out;
  }
  return value;
}

/** A JSONata lambda is a plain object holding its whole environment (cycles included), not a JS function. */
const isFunction = (value: unknown): boolean =>
  typeof value === "function" ||
  (typeof value === "object" && value !== null && ("_jsonata_lambda" in value || "_jsonata_function" in value));

function stringify(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

async function renderTemplate(source: string, scope: Scope, path: string, use?: SecretUse): Promise<Rendered> {
  const compiled = compileTemplate(source);
  if (compiled.kind === "literal") return { value: compiled.value, shown: compiled.value };
  if (compiled.kind === "expression") return evaluate(compiled.expr, compiled.source, scope, path, use);
  let value = "";
  let shown = "";
  let i = 0;
  for (const part of compiled.parts) {
    if (typeof part === "string") {
      value += part;
      shown += part;
    } else {
      const rendered = await evaluate(part, compiled.sources[i++], scope, path, use);
      value += stringify(rendered.value);
      shown += stringify(rendered.shown);
    }
  }
  return { value, shown };
}

async function renderTree(value: unknown, scope: Scope, path: string, use?: SecretUse): Promise<Rendered> {
  if (typeof value === "string") return value.includes("{{") ? renderTemplate(value, scope, path, use) : { value, shown: value };
  if (Array.isArray(value)) {
    const out: Rendered = { value: new Array(value.length), shown: new Array(value.length) };
    for (let i = 0; i < value.length; i++) {
      const item = await renderTree(value[i], scope, `${path}[${i}]`, use);
      (out.value as unknown[])[i] = item.value;
      (out.shown as unknown[])[i] = item.shown;
    }
    return out;
  }
  if (value && typeof value === "object") {
    const out = { value: {} as Record<string, unknown>, shown: {} as Record<string, unknown> };
    for (const [k, v] of Object.entries(value)) {
      const item = await renderTree(v, scope, path ? `${path}.${k}` : k, use);
      out.value[k] = item.value;
      out.shown[k] = item.shown;
    }
    return out;
  }
  return { value, shown: value };
}

/** Evaluates one template string; `path` names it if it reads a secret. */
export async function renderString(source: string, scope: Scope, path = "the expression"): Promise<unknown> {
  return (await renderTemplate(source, scope, path)).value;
}

/** Renders every template inside a config value; values without templates come back as they are. */
export async function render(value: unknown, scope: Scope, path = ""): Promise<unknown> {
  return (await renderTree(value, scope, path)).value;
}

/**
 * Renders the fields of a request, where secrets may be read: `use` collects them, and
 * `shown` is the value with every part a secret made replaced by `***`, to store and show.
 */
export function renderRequestField(value: unknown, scope: Scope, path: string, use: SecretUse): Promise<Rendered> {
  return renderTree(value, scope, path, use);
}

/** JSONata truthiness, as the `if` option sees it. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}
