import { type OutputUnit, type Schema, Validator } from "@cfworker/json-schema";
import type { ErrorDetail } from "./errors";

/**
 * JSON Schema (2020-12) support: checking that a user's schema is itself valid, and
 * validating values against it with every error listed.
 */

const TYPES = ["null", "boolean", "object", "array", "number", "integer", "string"];

// A compact meta-schema: the structural rules of 2020-12 that catch real mistakes
// (wrong keyword types, unknown type names, negative bounds). The full official
// meta-schema spans seven documents fetched by URI, which a Worker cannot do.
const schemaRef: Schema = { $ref: "#" };
const schemaMap: Schema = { type: "object", additionalProperties: schemaRef };
const schemaArray: Schema = { type: "array", minItems: 1, items: schemaRef };
const nonNegative: Schema = { type: "integer", minimum: 0 };
const META: Schema = {
  $defs: {},
  type: ["object", "boolean"],
  properties: {
    $schema: { type: "string" },
    $id: { type: "string" },
    $ref: { type: "string" },
    $defs: schemaMap,
    definitions: schemaMap,
    title: { type: "string" },
    description: { type: "string" },
    type: {
      anyOf: [{ enum: TYPES }, { type: "array", items: { enum: TYPES }, minItems: 1, uniqueItems: true }],
    },
    enum: { type: "array" },
    properties: schemaMap,
    patternProperties: schemaMap,
    additionalProperties: schemaRef,
    propertyNames: schemaRef,
    required: { type: "array", items: { type: "string" }, uniqueItems: true },
    items: schemaRef,
    prefixItems: schemaArray,
    contains: schemaRef,
    allOf: schemaArray,
    anyOf: schemaArray,
    oneOf: schemaArray,
    not: schemaRef,
    if: schemaRef,
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
    then: schemaRef,
    else: schemaRef,
    dependentSchemas: schemaMap,
    minLength: nonNegative,
    maxLength: nonNegative,
    minItems: nonNegative,
    maxItems: nonNegative,
    minProperties: nonNegative,
    maxProperties: nonNegative,
    minContains: nonNegative,
    maxContains: nonNegative,
    uniqueItems: { type: "boolean" },
    minimum: { type: "number" },
    maximum: { type: "number" },
    exclusiveMinimum: { type: "number" },
    exclusiveMaximum: { type: "number" },
    multipleOf: { type: "number", exclusiveMinimum: 0 },
    pattern: { type: "string" },
    format: { type: "string" },
  },
};
const metaValidator = new Validator(META, "2020-12", false);

/** Problems with a user-supplied schema, each with its path under `path`. */
export function schemaProblems(schema: unknown, path: string): ErrorDetail[] {
  const result = metaValidator.validate(schema);
  const problems = result.valid ? [] : leafErrors(result.errors, path);
  for (const [where, pattern] of patterns(schema, path)) {
    try {
      new RegExp(pattern, "u");
    } catch {
      problems.push({ path: where, message: `"${pattern}" is not a valid regular expression` });
    }
  }
  return problems;
}

function* patterns(schema: unknown, path: string): Generator<[string, string]> {
  if (!schema || typeof schema !== "object") return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === "pattern" && typeof value === "string") yield [`${path}.pattern`, value];
    else if (key === "patternProperties" && value && typeof value === "object") {
      for (const name of Object.keys(value)) yield [`${path}.patternProperties`, name];
      yield* patterns(value, `${path}.${key}`);
    } else if (value && typeof value === "object") yield* patterns(value, `${path}.${key}`);
  }
}

const validators = new Map<string, Validator>();

function validatorFor(schema: object): Validator {
  const key = JSON.stringify(schema);
  let validator = validators.get(key);
  if (!validator) {
    validator = new Validator(schema as Schema, "2020-12", false);
    if (validators.size > 1000) validators.clear();
    validators.set(key, validator);
  }
  return validator;
}

/** Every way `value` fails `schema`, as `{path, message}` with paths rooted at `root`. */
export function validateAgainst(schema: object | boolean, value: unknown, root: string): ErrorDetail[] {
  if (schema === true) return [];
  if (schema === false) return [{ path: root, message: "no value is allowed here" }];
  const result = validatorFor(schema).validate(value);
  return result.valid ? [] : leafErrors(result.errors, root);
}

/**
 * The validator reports a tree of errors (a failing `properties` above the failing property);
 * users want the leaves, each with the location of the value that failed.
 */
function leafErrors(errors: OutputUnit[], root: string): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  for (const error of errors) {
    if (["properties", "items", "allOf", "$ref", "additionalProperties", "prefixItems"].includes(error.keyword)) continue;
    const path = root + pointerToPath(error.instanceLocation);
    const message = error.error.replace(/^Instance /, "value ");
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  if (out.length === 0 && errors.length > 0) {
    out.push({ path: root + pointerToPath(errors[0].instanceLocation), message: errors[0].error });
  }
  return out;
}

function pointerToPath(pointer: string): string {
  return pointer
    .replace(/^#/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join("");
}
