import { z } from "@hono/zod-openapi";
import type { ErrorDetail } from "../../domain/errors";
import type { DialectContext } from "../kit";
import type { ValidationError } from "./schemas";

/**
 * FastAPI's 422 body, `{"detail": [{"loc", "msg", "type"}]}`, with pydantic v2's error types
 * and messages, so a pipelines client's error handling keeps working.
 */

export type Loc = Array<string | number>;

export const unprocessable = (c: DialectContext, detail: ValidationError[]): Response => c.json({ detail }, 422);

export const valueError = (loc: Loc, message: string): ValidationError => ({ loc, msg: `Value error, ${message}`, type: "value_error" });

const WHERE: Record<string, string> = { json: "body", query: "query", param: "path", header: "header" };

const TYPE_ERRORS: Record<string, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
  record: ["dict_type", "Input should be a valid dictionary"],
};

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? "" : "s"}`;

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** One zod issue as pydantic would report it; `data` is what was sent, to tell "missing" from "wrong". */
function fromIssue(issue: z.core.$ZodIssue, root: string, data: unknown): ValidationError {
  const path = issue.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  const loc: Loc = [root, ...path];
  const sent = valueAt(data, issue.path);
  const error = (type: string, msg: string): ValidationError => ({ loc, msg, type });
  switch (issue.code) {
    case "invalid_type": {
      if (sent === undefined) return error("missing", "Field required");
      if (path.length === 0 && issue.expected === "object") {
        return error("model_attributes_type", "Input should be a valid dictionary or object to extract fields from");
      }
      const [type, msg] = TYPE_ERRORS[issue.expected] ?? ["type_error", issue.message];
      return error(type, msg);
    }
    case "too_small": {
      if (issue.origin === "string") return error("string_too_short", `String should have at least ${plural(issue.minimum, "character")}`);
      if (issue.origin === "array") {
        const n = Array.isArray(sent) ? sent.length : 0;
        return error("too_short", `List should have at least ${plural(issue.minimum, "item")} after validation, not ${n}`);
      }
      return error("greater_than_equal", `Input should be greater than or equal to ${issue.minimum}`);
    }
    case "too_big": {
      if (issue.origin === "string") return error("string_too_long", `String should have at most ${plural(issue.maximum, "character")}`);
      if (issue.origin === "array") {
        const n = Array.isArray(sent) ? sent.length : 0;
        return error("too_long", `List should have at most ${plural(issue.maximum, "item")} after validation, not ${n}`);
      }
      return error("less_than_equal", `Input should be less than or equal to ${issue.maximum}`);
    }
    case "invalid_value":
      return error("enum", `Input should be ${issue.values.map((v) => `'${String(v)}'`).join(", ")}`);
    case "custom": {
      const type = (issue.params as { pydantic?: string } | undefined)?.pydantic;
      return type ? error(type, issue.message) : error("value_error", `Value error, ${issue.message}`);
    }
    default:
      return error("value_error", `Value error, ${issue.message}`);
  }
}

export function zodValidationErrors(error: z.ZodError, target: string | undefined, data: unknown): ValidationError[] {
  const root = WHERE[target ?? "json"] ?? "body";
  return error.issues.map((issue) => fromIssue(issue, root, data));
}

/** A native error detail (`steps[1].depends_on[0]`, `query.limit`) as a FastAPI `loc`. */
export function detailLoc(path: string): Loc {
  const parts: Loc = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  const root = typeof parts[0] === "string" && ["query", "path", "header"].includes(parts[0]) ? [] : ["body"];
  return [...root, ...parts.filter((p) => p !== "(body)")];
}

export const detailErrors = (details: ErrorDetail[] | undefined, fallback: string): ValidationError[] =>
  details?.length ? details.map((d) => valueError(detailLoc(d.path), d.message)) : [valueError(["body"], fallback)];

const TRUE = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE = new Set(["false", "0", "no", "off", "f", "n"]);

/** A query boolean as FastAPI reads one: true/false, 1/0, yes/no, on/off, any case. */
export const queryBoolean = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      ctx.addIssue({
        code: "custom",
        message: "Input should be a valid boolean, unable to interpret input",
        params: { pydantic: "bool_parsing" },
      });
      return z.NEVER;
    })
    .openapi({ type: "boolean", default: fallback });

/** A query integer as FastAPI reads one, within bounds. */
export const queryInteger = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      if (!/^\s*[+-]?\d+\s*$/.test(value)) {
        ctx.addIssue({
          code: "custom",
          message: "Input should be a valid integer, unable to parse string as an integer",
          params: { pydantic: "int_parsing" },
        });
        return z.NEVER;
      }
      const n = Number(value);
      if (n < min || n > max) {
        const [type, bound] =
          n < min ? ["greater_than_equal", `greater than or equal to ${min}`] : ["less_than_equal", `less than or equal to ${max}`];
        ctx.addIssue({ code: "custom", message: `Input should be ${bound}`, params: { pydantic: type } });
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: "integer", default: fallback, minimum: min, maximum: max });
