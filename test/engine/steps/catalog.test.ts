/// <reference types="vite/client" />
import { Validator } from "@cfworker/json-schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configJsonSchema, stepCatalog } from "../../../src/engine/steps/catalog";
import { stepType, stepTypeNames } from "../../../src/engine/steps/registry";
import type { StepType } from "../../../src/engine/steps/types";

/** Every test file's source, to collect the step configs the tests really send. */
const SOURCES = import.meta.glob(["../../**/*.test.ts", "../../support/*.ts"], { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** The object literal that opens at `start`, up to its matching brace (strings skipped). */
function objectAt(text: string, start: number): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** A TypeScript object literal as JSON when it is only literals (no variables, spreads or calls). */
function literal(source: string): unknown {
  const json = source
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/'([^'\\]*)'/g, (_, s: string) => JSON.stringify(s))
    .replace(/,(\s*[}\]])/g, "$1");
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** `type: "x", ..., config: { ... }` pairs from the test sources whose config is a pure literal. */
function corpus(): Array<{ type: string; config: unknown; file: string }> {
  const found: Array<{ type: string; config: unknown; file: string }> = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    for (const match of text.matchAll(/type:\s*"([^"]+)"[^{}]{0,200}?config:\s*\{/g)) {
      if (!stepType(match[1])) continue;
      const body = objectAt(text, (match.index ?? 0) + match[0].length - 1);
      const config = body === null ? undefined : literal(body);
      if (config !== undefined) found.push({ type: match[1], config, file });
    }
  }
  return found;
}

const validators = new Map<string, Validator>();
const schemaAccepts = (step: StepType, config: unknown): boolean => {
  let validator = validators.get(step.type);
  if (!validator) {
    validator = new Validator(configJsonSchema(step) as never, "2020-12", false);
    validators.set(step.type, validator);
  }
  return validator.validate(config).valid;
};

/**
 * What the validator decides about a config, apart from the rules JSON Schema cannot state
 * (refinements across fields, durations, a provider's operations): those show as custom issues.
 */
function validatorVerdict(step: StepType, config: unknown): "accepts" | "refuses" | "refuses by a custom rule" {
  const parsed = step.config.safeParse(config);
  if (parsed.success) return "accepts";
  return onlyCustom(parsed.error.issues) ? "refuses by a custom rule" : "refuses";
}

type Issue = { code: string; errors?: Issue[][] };

/** Issues all from custom rules; a union counts when one of its branches failed only on one. */
const onlyCustom = (issues: readonly Issue[]): boolean =>
  issues.every((issue) => issue.code === "custom" || (issue.code === "invalid_union" && (issue.errors ?? []).some(onlyCustom)));

describe("the step catalog's config schemas", () => {
  it("cover every registered type", () => {
    expect(stepCatalog().map((t) => t.type)).toEqual(stepTypeNames());
  });

  it("accept every config the tests send that the validator accepts, and refuse the ones it refuses", () => {
    const configs = corpus();
    // The corpus is the tests' own configs: enough of them, across most types, to mean something.
    expect(configs.length).toBeGreaterThan(150);
    expect(new Set(configs.map((c) => c.type)).size).toBeGreaterThan(10);
    for (const { type, config, file } of configs) {
      const step = stepType(type) as StepType;
      const verdict = validatorVerdict(step, config);
      if (verdict === "refuses by a custom rule") continue;
      expect(schemaAccepts(step, config), `${type} ${JSON.stringify(config)} (${file})`).toBe(verdict === "accepts");
    }
  });

  it("agree with the validator on generated configs, for every type", () => {
    for (const name of stepTypeNames()) {
      const step = stepType(name) as StepType;
      const properties = Object.keys((configJsonSchema(step).properties as Record<string, unknown> | undefined) ?? {});
      const key = fc.oneof(fc.constantFrom(...(properties.length ? properties : ["value"])), fc.string({ maxLength: 6 }));
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom("GET", "https://example.com/x", "{{ input.name }}", "10s", 5, "go", ["a"], { a: "b" }),
      );
      fc.assert(
        fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (config) => {
          const verdict = validatorVerdict(step, config);
          if (verdict === "refuses by a custom rule") return true;
          return schemaAccepts(step, config) === (verdict === "accepts");
        }),
        { numRuns: 200 },
      );
    }
  });
});
