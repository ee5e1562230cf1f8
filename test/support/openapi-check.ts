import { dereference, type Schema, validate } from "@cfworker/json-schema";

/**
 * Checks observed HTTP exchanges against an OpenAPI 3.1 document: every status must be
 * documented for its operation, every body must validate against the documented schema (with
 * @cfworker/json-schema), required response headers must be there, and a 405 must name in
 * `Allow` exactly the methods the document gives the path. Works for any document: the native
 * /openapi.json or a dialect's, mounted under a path prefix.
 */

export interface Exchange {
  method: string;
  /** The request path, with or without a query string. */
  path: string;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The body: parsed JSON, a string, or null when empty. */
  body: unknown;
}

export interface CheckOptions {
  /** Where the document's paths are mounted: "/compat/leap" when its paths start at the dialect's root. */
  prefix?: string;
  /** Path prefixes (full paths) that belong to other documents. */
  exclude?: string[];
  /** Object schemas count as closed: a field the document does not name is a mismatch. */
  closed?: boolean;
}

export interface CheckReport {
  /** Exchanges matched to the document and checked. */
  checked: number;
  /** Exchanges outside the document (other prefixes, paths it does not have). */
  skipped: number;
  /** "GET /v1/runs/{id} 200" for every operation and status seen. */
  seen: Set<string>;
  problems: string[];
}

type Json = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, Json>>; components?: Record<string, Record<string, Json>> };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const BASE = "https://openapi.check/document.json";

/** Marks every object schema that lists its properties as closed, except the partial ones inside allOf. */
function close(node: unknown, partial = false): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) close(item, partial);
    return;
  }
  const schema = node as Json;
  if (!partial && schema.properties && !("additionalProperties" in schema) && !("unevaluatedProperties" in schema)) {
    schema.unevaluatedProperties = false;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === "enum" || key === "example" || key === "examples" || key === "const") continue;
    close(value, partial || key === "allOf");
  }
}

// Empty segments are kept: "/v1/runs//events" names no run, and the server answers it as no route.
const segments = (path: string) => path.split("/").slice(1);

/** The document path a concrete path matches; the one with the most literal segments wins. */
function matchPath(templates: string[], path: string): string | null {
  const parts = segments(path);
  let best: { template: string; literal: number } | null = null;
  for (const template of templates) {
    const pattern = segments(template);
    if (pattern.length !== parts.length) continue;
    let literal = 0;
    const fits = pattern.every((p, i) => {
      if (/^\{[^}]+\}$/.test(p)) return parts[i] !== "";
      literal += 1;
      return decodeURIComponent(parts[i]) === p;
    });
    if (fits && (!best || literal > best.literal)) best = { template, literal };
  }
  return best?.template ?? null;
}

/** Builds a checker for one document; call it with as many exchanges as there are. */
export function documentChecker(document: object, options: CheckOptions = {}) {
  const doc = structuredClone(document) as Document;
  if (options.closed) {
    close(doc.components);
    close(doc.paths);
  }
  const lookup = dereference(doc as unknown as Schema, Object.create(null), new URL(BASE));
  const resolve = (item: Json): Json => {
    const ref = item.$ref;
    if (typeof ref !== "string") return item;
    const [, kind, name] = ref.match(/^#\/components\/([^/]+)\/(.+)$/) ?? [];
    return (doc.components?.[kind]?.[name] as Json | undefined) ?? {};
  };
  const prefix = options.prefix ?? "";
  const templates = Object.keys(doc.paths);

  return function check(exchanges: Iterable<Exchange>): CheckReport {
    const report: CheckReport = { checked: 0, skipped: 0, seen: new Set(), problems: [] };
    for (const exchange of exchanges) {
      const path = exchange.path.split("?")[0];
      const inScope = path.startsWith(prefix) && !(options.exclude ?? []).some((p) => path.startsWith(p));
      const template = inScope ? matchPath(templates, path.slice(prefix.length)) : null;
      if (!template) {
        report.skipped += 1;
        continue;
      }
      report.checked += 1;
      const method = exchange.method.toLowerCase() === "head" ? "get" : exchange.method.toLowerCase();
      const where = `${exchange.method} ${path} (${exchange.method} ${template})`;
      const problem = (text: string) => report.problems.push(`${where} ${exchange.status}: ${text}`);
      const item = doc.paths[template];
      const operation = item[method];
      if (!operation) {
        const documented = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
        const allow = (exchange.headers.allow ?? "")
          .split(",")
          .map((m) => m.trim())
          .filter(Boolean);
        if (exchange.status !== 405) problem(`answered ${exchange.status} to a method the document does not give this path`);
        else if (allow.sort().join(",") !== documented.sort().join(",")) problem(`Allow is "${allow}", the document has ${documented}`);
        continue;
      }
      report.seen.add(`${exchange.method.toUpperCase()} ${template} ${exchange.status}`);
      const responses = operation.responses as Record<string, Json>;
      const documented = responses[exchange.status] ?? responses[`${String(exchange.status)[0]}XX`] ?? responses.default;
      if (!documented) {
        problem(`status not documented (documented: ${Object.keys(responses).join(", ")})`);
        continue;
      }
      const response = resolve(documented);
      for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
        if (resolve(header).required && exchange.headers[name.toLowerCase()] === undefined) problem(`required header ${name} is missing`);
      }
      const content = response.content as Record<string, Json> | undefined;
      if (!content) {
        if (exchange.body !== null && exchange.body !== "") problem("has a body where the document has none");
        continue;
      }
      const type = (exchange.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      const media = content[type] ?? content[`${type.split("/")[0]}/*`] ?? content["*/*"];
      if (!media) {
        problem(`content type "${type}" not documented (documented: ${Object.keys(content).join(", ")})`);
        continue;
      }
      if (!media.schema) continue;
      const result = validate(exchange.body as never, media.schema as Schema, "2020-12", lookup, false);
      if (!result.valid) {
        const errors = result.errors.filter((e) => e.keyword !== "$ref" && e.keyword !== "allOf" && e.keyword !== "properties");
        const shown = (errors.length > 0 ? errors : result.errors).slice(0, 3).map((e) => `${e.instanceLocation}: ${e.error}`);
        problem(`body does not match the schema: ${shown.join("; ")}`);
      }
    }
    return report;
  };
}
