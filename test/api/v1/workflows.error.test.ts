import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greeting, THREE_MISTAKE_PATHS, threeMistakes } from "../../support/fixtures";
import { type Answer, type Call, newApp } from "../../support/worker";

type Detail = { path: string; message: string };

const note = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: "note", config: { text: id }, ...extra });

/** Posts a definition that must be refused; checks the 400 and that nothing was written. */
async function refuse(call: Call, body: unknown, path = "/v1/workflows", method = "POST"): Promise<Detail[]> {
  const before = await call("GET", "/v1/workflows?include_deleted=true&limit=100");
  const res = await call(method, path, body);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("VALIDATION_FAILED");
  expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
  const details = res.body.error.details as Detail[];
  expect(details.length).toBeGreaterThan(0);
  for (const detail of details) expect(detail).toEqual({ path: expect.any(String), message: expect.any(String) });
  const after = await call("GET", "/v1/workflows?include_deleted=true&limit=100");
  expect(after.body).toEqual(before.body);
  return details;
}

const at = (details: Detail[], path: string) => details.filter((d) => d.path === path).map((d) => d.message);

describe("POST /v1/workflows refuses an invalid definition with every problem listed", () => {
  it("a step id that does not match the id pattern", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [note("1st"), note("has space")] });
    expect(at(details, "steps[0].id")[0]).toMatch(/"1st" must match/);
    expect(at(details, "steps[1].id")[0]).toMatch(/"has space" must match/);
  });

  it("a step id longer than 64 characters", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [note(`a${"b".repeat(64)}`)] });
    expect(at(details, "steps[0].id")).toHaveLength(1);
  });

  it("duplicate step ids", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [note("same"), note("other"), note("same")] });
    expect(details).toEqual([{ path: "steps[2].id", message: '"same" is already the id of steps[0]' }]);
  });

  it("an unknown step type, naming the known ones", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [{ id: "a", type: "teleport", config: {} }] });
    expect(details).toHaveLength(1);
    expect(details[0].path).toBe("steps[0].type");
    expect(details[0].message).toMatch(/unknown step type "teleport".*transform.*http/);
  });

  it("an http step without a url", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [{ id: "a", type: "http", config: { method: "GET" } }] });
    expect(details.map((d) => d.path)).toEqual(["steps[0].config.url"]);
  });

  it("a config key the step type does not know", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      steps: [{ id: "a", type: "http", config: { url: "https://example.com", methd: "POST" } }],
    });
    expect(details).toHaveLength(1);
    expect(details[0].path).toBe("steps[0].config");
    expect(details[0].message).toContain("methd");
  });

  it("a fallback whose config is invalid for its type", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      steps: [{ id: "a", type: "transform", config: { value: 1 }, fallback: { type: "http", config: {} } }],
    });
    expect(details.map((d) => d.path)).toEqual(["steps[0].fallback.config.url"]);
  });

  it("depends_on naming a step that does not exist", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [note("a"), note("b", { depends_on: ["a", "ghost"] })] });
    expect(details).toEqual([{ path: "steps[1].depends_on[1]", message: 'no step has the id "ghost"' }]);
  });

  it("a step that depends on itself", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [note("a", { depends_on: ["a"] })] });
    expect(at(details, "steps[0].depends_on[0]")).toEqual(["a step cannot depend on itself"]);
  });

  it("a cycle, naming the steps in it", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      steps: [
        note("start", { depends_on: [] }),
        note("a", { depends_on: ["start", "c"] }),
        note("b", { depends_on: ["a"] }),
        note("c", { depends_on: ["b"] }),
      ],
    });
    const cycle = at(details, "steps");
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatch(/cycle/);
    for (const id of ["a", "b", "c"]) expect(cycle[0]).toContain(id);
    expect(cycle[0]).not.toContain("start");
  });

  it("an expression that does not parse, in config, if, for_each or output", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      output: "{{ steps.a.output[ }}",
      steps: [
        {
          id: "a",
          type: "transform",
          if: "{{ input.( }}",
          for_each: "{{ ]] }}",
          config: { value: { nested: ["ok", "Hi {{ input.name + }}"] } },
        },
      ],
    });
    for (const path of ["steps[0].config.value.nested[1]", "steps[0].if", "steps[0].for_each", "output"]) {
      expect(at(details, path)[0], path).toMatch(/invalid expression/);
    }
    expect(details).toHaveLength(4);
  });

  it("a {{ with no closing }}", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [{ id: "a", type: "transform", config: { value: "{{ input.name" } }] });
    expect(at(details, "steps[0].config.value")[0]).toMatch(/no matching/);
  });

  it("an input_schema that is not a valid JSON Schema", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", input_schema: { type: "strin" }, steps: [note("a")] });
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => d.path === "input_schema.type")).toBe(true);
  });

  it("a schema with an invalid regular expression", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      input_schema: { type: "object", properties: { code: { type: "string", pattern: "([a-z" } } },
      steps: [note("a")],
    });
    expect(at(details, "input_schema.properties.code.pattern")[0]).toMatch(/not a valid regular expression/);
  });

  it("more than 500 steps", async () => {
    const { call } = await newApp();
    const steps = Array.from({ length: 501 }, (_, i) => note(`s${i}`));
    const details = await refuse(call, { name: "x", steps });
    expect(details).toEqual([{ path: "steps", message: expect.stringContaining("500") }]);
  });

  it("accepts exactly 500 steps", async () => {
    const { call } = await newApp();
    const steps = Array.from({ length: 500 }, (_, i) => note(`s${i}`));
    const res = await call("POST", "/v1/workflows", { name: "long", steps });
    expect(res.status).toBe(201);
    expect(res.body.steps).toHaveLength(500);
  });

  it("no steps at all", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { name: "x", steps: [] });
    expect(details.map((d) => d.path)).toEqual(["steps"]);
  });

  it("a typed step wired to a producer of another type (TextOperation.Reverse after a note)", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      steps: [note("remark"), { id: "flip", type: "TextOperation.Reverse", config: {} }],
    });
    expect(details).toHaveLength(1);
    expect(details[0].path).toBe("steps[1]");
    expect(details[0].message).toMatch(/TextOperation\.Reverse accepts text.*"remark".*note.*none/);
  });

  it("a text operation after TextOperation.Length, directly or through Echo, naming both steps and both types", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "x",
      steps: [
        { id: "in", type: "StaticTextInput", config: { text: "abc" } },
        { id: "len", type: "TextOperation.Length", config: {} },
        { id: "flip", type: "TextOperation.Reverse", config: {} },
        { id: "again", type: "TextOperation.Length", config: {}, depends_on: ["in"] },
        { id: "echo", type: "Echo", config: {} },
        { id: "trim", type: "TextOperation.Trim", config: {} },
      ],
    });
    expect(details).toEqual([
      {
        path: "steps[2]",
        message: 'TextOperation.Reverse accepts text but its input "len" (steps[1], TextOperation.Length) produces number',
      },
      { path: "steps[5]", message: 'TextOperation.Trim accepts text but its input "echo" (steps[4], Echo) produces number' },
    ]);
  });

  it("accepts a typed step wired to a text producer", async () => {
    const { call } = await newApp();
    const res = await call("POST", "/v1/workflows", {
      name: "text",
      steps: [
        { id: "in", type: "StaticTextInput", config: { text: "abc" } },
        { id: "flip", type: "TextOperation.Reverse", config: {} },
      ],
    });
    expect(res.status).toBe(201);
  });

  it("a definition with three separate mistakes gets one 400 naming all three", async () => {
    const { call } = await newApp();
    const details = await refuse(call, threeMistakes());
    expect(details.map((d) => d.path).sort()).toEqual([...THREE_MISTAKE_PATHS].sort());
  });

  it("structural and semantic mistakes are listed together", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: "",
      discoverable: "yes",
      steps: [note("a"), { id: "b", type: "nope", config: {} }, note("c", { depends_on: ["zz"] })],
    });
    expect(details.map((d) => d.path).sort()).toEqual(["discoverable", "name", "steps[1].type", "steps[2].depends_on[0]"]);
  });
});

describe("invalid field types", () => {
  it("name the field that has the wrong type", async () => {
    const { call } = await newApp();
    const details = await refuse(call, {
      name: 42,
      steps: [{ id: "a", type: "note", config: { text: "x" }, depends_on: "b", retry: { max_attempts: "3" } }],
      retention: { max_age_seconds: "soon" },
      webhook_url: "ftp://example.com",
    });
    expect(details.map((d) => d.path).sort()).toEqual(
      ["name", "retention.max_age_seconds", "steps[0].depends_on", "steps[0].retry.max_attempts", "webhook_url"].sort(),
    );
  });

  it("refuse a field the definition does not have", async () => {
    const { call } = await newApp();
    const details = await refuse(call, { ...greeting(), colour: "blue" });
    expect(details).toHaveLength(1);
    expect(details[0].message).toContain("colour");
  });

  it("refuse a query parameter of the wrong type, under query.<name>", async () => {
    const { call } = await newApp();
    const res = await call("GET", "/v1/workflows?limit=abc&discoverable=maybe");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.details.map((d: Detail) => d.path).sort()).toEqual(["query.discoverable", "query.limit"]);
  });
});

describe("list parameters", () => {
  it("refuses a limit over 100", async () => {
    const { call } = await newApp();
    const res = await call("GET", "/v1/workflows?limit=101");
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "query.limit", message: expect.stringContaining("100") }]);
  });

  it("refuses a limit of 0", async () => {
    const { call } = await newApp();
    expect((await call("GET", "/v1/workflows?limit=0")).status).toBe(400);
  });

  it("refuses a cursor it did not issue", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", greeting());
    for (const path of ["/v1/workflows", `/v1/workflows/${wf.body.id}/versions`]) {
      for (const cursor of ["forged", "eyJ4IjoxfQ", "12"]) {
        const res = await call("GET", `${path}?cursor=${cursor}`);
        expect(res.status, `${path} ${cursor}`).toBe(400);
        expect(res.body.error.details).toEqual([{ path: "query.cursor", message: "is not a cursor this API issued" }]);
      }
    }
  });
});

describe("PATCH /v1/workflows/{id} errors", () => {
  async function workflow(call: Call): Promise<Answer> {
    const res = await call("POST", "/v1/workflows", greeting());
    expect(res.status).toBe(201);
    return res;
  }

  it("refuses current_version that does not exist and changes nothing", async () => {
    const { call } = await newApp();
    const wf = await workflow(call);
    const res = await call("PATCH", `/v1/workflows/${wf.body.id}`, { current_version: 2, name: "ignored" });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "current_version", message: expect.stringContaining("does not exist") }]);
    const get = await call("GET", `/v1/workflows/${wf.body.id}`);
    expect(get.body).toMatchObject({ name: "Greet", current_version: 1 });
  });

  it("refuses current_version 0", async () => {
    const { call } = await newApp();
    const wf = await workflow(call);
    const res = await call("PATCH", `/v1/workflows/${wf.body.id}`, { current_version: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe("current_version");
  });

  it("refuses current_version together with new steps", async () => {
    const { call } = await newApp();
    const wf = await workflow(call);
    const res = await call("PATCH", `/v1/workflows/${wf.body.id}`, { current_version: 1, steps: [note("other")] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe("current_version");
    expect((await call("GET", `/v1/workflows/${wf.body.id}`)).body.latest_version).toBe(1);
  });

  it("refuses invalid steps with every problem and makes no version", async () => {
    const { call } = await newApp();
    const wf = await workflow(call);
    const res = await call("PATCH", `/v1/workflows/${wf.body.id}`, { steps: threeMistakes().steps, name: "not applied" });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: Detail) => d.path).sort()).toEqual([...THREE_MISTAKE_PATHS].sort());
    const get = await call("GET", `/v1/workflows/${wf.body.id}`);
    expect(get.body).toMatchObject({ name: "Greet", current_version: 1, latest_version: 1 });
  });

  it("refuses an input_schema that makes the merged definition invalid", async () => {
    const { call } = await newApp();
    const wf = await workflow(call);
    const res = await call("PATCH", `/v1/workflows/${wf.body.id}`, { input_schema: { type: "strin" } });
    expect(res.status).toBe(400);
    expect((await call("GET", `/v1/workflows/${wf.body.id}`)).body.latest_version).toBe(1);
  });
});

describe("POST /v1/workflows/{id}/versions errors", () => {
  it("refuses an invalid definition with every problem and makes no version", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", greeting());
    const res = await call("POST", `/v1/workflows/${wf.body.id}/versions`, { steps: threeMistakes().steps });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: Detail) => d.path).sort()).toEqual([...THREE_MISTAKE_PATHS].sort());
    const versions = await call("GET", `/v1/workflows/${wf.body.id}/versions`);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it("refuses metadata fields, which are not versioned", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", greeting());
    const res = await call("POST", `/v1/workflows/${wf.body.id}/versions`, { steps: greeting().steps, name: "no" });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain("name");
  });
});

describe("unknown ids", () => {
  it("an unknown workflow or version is a 404", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", greeting());
    const missing = "01900000-0000-7000-8000-000000000000";
    const answers = [
      await call("GET", `/v1/workflows/${missing}`),
      await call("GET", "/v1/workflows/not-an-id"),
      await call("GET", `/v1/workflows/${wf.body.id}/versions/2`),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(answers[0].body.error.code).toBe("WORKFLOW_NOT_FOUND");
  });

  it("a version number that is not a positive integer is a 400 under path.version", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", greeting());
    for (const n of ["abc", "0", "1.5"]) {
      const res = await call("GET", `/v1/workflows/${wf.body.id}/versions/${n}`);
      expect(res.status, n).toBe(400);
      expect(res.body.error.details[0].path).toBe("path.version");
    }
  });
});

describe("malformed definitions", () => {
  it("never crash validation: any shape of step fields is a 201 or a 400, never a 500", async () => {
    const { call } = await newApp();
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("a", "b", "note", "http", "transform", "TextOperation.Reverse", "{{ ( }}", "{{ input.x }}", ["a"], ["b", "b"]),
    );
    const step = fc.record(
      {
        id: value,
        type: value,
        depends_on: value,
        if: value,
        for_each: value,
        config: value,
        fallback: value,
        retry: value,
        output_schema: value,
        timeout: value,
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      { name: value, steps: fc.oneof(fc.array(step, { maxLength: 4 }), value), input_schema: value, output: value, output_schema: value },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (definition) => {
        const res = await call("POST", "/v1/workflows", definition);
        expect([201, 400], JSON.stringify(res.body)).toContain(res.status);
      }),
      { numRuns: 150 },
    );
  });
});
