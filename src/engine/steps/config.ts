import { z } from "zod";
import { isDuration } from "../../domain/duration";

/** A `{{ expression }}` string standing in for a value of another type until it is rendered. */
export const templateString = z.string().regex(/\{\{[\s\S]*\}\}/, "expected a {{ expression }}");

/** `schema`, or a template that renders to it. */
export const templated = <T extends z.ZodType>(schema: T) => z.union([schema, templateString]);

export const duration = z.union([
  z.number().int().nonnegative(),
  z.string().refine(isDuration, 'expected a duration such as "500ms", "10s", "5m", "2h" or "1d"'),
]);

export const stringMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
