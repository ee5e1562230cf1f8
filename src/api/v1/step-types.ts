import { z } from "@hono/zod-openapi";
import { stepCatalog } from "../../engine/steps/catalog";
import type { App } from "../env";
import { json, route } from "../schemas";

const DataType = z.enum(["text", "number", "none", "any"]);

const StepTypeInfo = z
  .object({
    type: z.string().openapi({ example: "TextOperation.Reverse" }),
    description: z.string(),
    config_schema: z.record(z.string(), z.unknown()).openapi({ description: "JSON Schema of the step's `config`" }),
    output: z.object({
      description: z.string(),
      schema: z.record(z.string(), z.unknown()).openapi({ description: "JSON Schema of the step's output" }),
    }),
    data_types: z
      .object({ accepts: DataType.nullable(), produces: z.union([DataType, z.literal("same")]) })
      .nullable()
      .openapi({
        description:
          "For typed steps: the data type it takes from its dependency and gives (`same`: what its input gives); creation refuses a connection whose types differ",
      }),
    waits: z.boolean().openapi({ description: "Waits (a timer, an event, a child run): no timeout by default, no for_each" }),
  })
  .openapi("StepType");

const list = route(
  {
    method: "get",
    path: "/v1/step-types",
    operationId: "listStepTypes",
    tags: ["Workflows"],
    summary: "Every step type a definition may use",
    description:
      "Each type's config schema is generated from the rules creation applies, except the ones JSON Schema cannot state (a field needed when another is absent, a provider's operations), which `POST /v1/workflows/validate` reports.",
    responses: { 200: json(z.object({ data: z.array(StepTypeInfo) }).openapi("StepTypeList"), "The step types") },
  },
  { scope: "read" },
);

export function registerStepTypes(app: App) {
  app.openapi(list, (c) => c.json({ data: stepCatalog() } as never, 200));
}
