import { describe, expect, it } from "vitest";
import { stepTypeNames } from "../../../src/engine/steps/registry";
import { appsApp } from "../../support/dialects/apps";
import { type Body, createWorkflow, newApp, request } from "../../support/worker";

describe("GET /v1/step-types", () => {
  it("lists every registered step type with a description, a config schema and an output shape", async () => {
    const { call } = await newApp();
    const res = await call("GET", "/v1/step-types");
    expect(res.status).toBe(200);
    const types: Body[] = res.body.data;
    expect(types.map((t) => t.type)).toEqual(stepTypeNames());
    for (const type of types) {
      expect(type.description.length, type.type).toBeGreaterThan(10);
      expect(type.config_schema.type, type.type).toBe("object");
      expect(type.config_schema.$schema, type.type).toBeUndefined();
      expect(typeof type.output.description, type.type).toBe("string");
      expect(typeof type.output.schema, type.type).toBe("object");
    }
  });

  it("gives the data types of Data Flow's typed steps, and none for the untyped ones", async () => {
    const { call } = await newApp();
    const byType = new Map<string, Body>((await call("GET", "/v1/step-types")).body.data.map((t: Body) => [t.type, t]));
    expect(byType.get("StaticTextInput")?.data_types).toEqual({ accepts: null, produces: "text" });
    expect(byType.get("TextOperation.Reverse")?.data_types).toEqual({ accepts: "text", produces: "text" });
    expect(byType.get("TextOperation.Length")?.data_types).toEqual({ accepts: "text", produces: "number" });
    expect(byType.get("Echo")?.data_types).toEqual({ accepts: "any", produces: "same" });
    expect(byType.get("TextOperation.Length")?.output.schema).toEqual({ type: "number" });
    expect(byType.get("transform")?.data_types).toBeNull();
    expect(byType.get("http")?.config_schema.required).toEqual(["url"]);
    expect(byType.get("wait_for_event")?.waits).toBe(true);
  });

  it("needs a key", async () => {
    const res = await request("GET", "/v1/step-types");
    expect(res.status).toBe(401);
  });
});

describe("a workflow saved as the builder saves it", () => {
  it("keeps meta.position and meta.size on every step, and the apps dialect shows them", async () => {
    const { call, apps } = await appsApp();
    const steps = [
      {
        id: "hello",
        type: "StaticTextInput",
        config: { text: "Hello, world!" },
        meta: { position: { x: 40, y: 80 }, size: { width: 184, height: 56 } },
      },
      {
        id: "flip",
        type: "TextOperation.Reverse",
        depends_on: ["hello"],
        config: {},
        meta: { position: { x: 300, y: 80 }, size: { width: 184, height: 56 } },
      },
      {
        id: "show",
        type: "Echo",
        depends_on: ["flip"],
        config: {},
        meta: { position: { x: 560.5, y: 80 }, size: { width: 184, height: 56 } },
      },
    ];
    const id = await createWorkflow(call, { name: "Built", steps });
    const stored = await call("GET", `/v1/workflows/${id}`);
    expect(stored.body.steps.map((s: Body) => s.meta)).toEqual(steps.map((s) => s.meta));
    const shown = await apps("GET", `/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.workflow_version.steps.map((s: Body) => [s.key, s.position, s.size])).toEqual([
      ["hello", [40, 80], [184, 56]],
      ["flip", [300, 80], [184, 56]],
      ["show", [560.5, 80], [184, 56]],
    ]);
  });
});
