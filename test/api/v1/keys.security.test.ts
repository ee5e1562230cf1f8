import { describe, expect, it } from "vitest";
import { newApp, request } from "../../support/worker";

describe("keys are scoped to their app", () => {
  it("another app's key is a 404 on DELETE and keeps working", async () => {
    const owner = await newApp("owner");
    const stranger = await newApp("stranger");
    const keys = await owner.call("GET", "/v1/keys");
    const res = await stranger.call("DELETE", `/v1/keys/${keys.body.data[0].id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
    expect((await owner.call("GET", "/v1/workflows")).status).toBe(200);
  });

  it("another app's keys are not listed", async () => {
    const owner = await newApp("owner");
    const stranger = await newApp("stranger");
    await owner.call("POST", "/v1/keys", { name: "owner only", scopes: ["admin"] });
    const res = await stranger.call("GET", "/v1/keys");
    expect(res.body.data.map((k: { name: string }) => k.name)).toEqual(["test key"]);
  });

  it("a key made through /v1/keys acts for the app that made it", async () => {
    const owner = await newApp("owner");
    await owner.call("POST", "/v1/workflows", { name: "owned", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const made = await owner.call("POST", "/v1/keys", { name: "second", scopes: ["admin"] });
    const list = await request("GET", "/v1/workflows", undefined, { "x-api-key": made.body.key });
    expect(list.body.data.map((w: { name: string }) => w.name)).toEqual(["owned"]);
  });

  it("a revoked key cannot list, create or revoke keys", async () => {
    const app = await newApp();
    const spare = await app.call("POST", "/v1/keys", { name: "spare", scopes: ["admin"] });
    const keys = await app.call("GET", "/v1/keys");
    const own = keys.body.data.find((k: { name: string }) => k.name === "test key");
    await app.call("DELETE", `/v1/keys/${own.id}`);
    const answers = [
      await app.call("GET", "/v1/keys"),
      await app.call("POST", "/v1/keys", { name: "sneaky", scopes: ["admin"] }),
      await app.call("DELETE", `/v1/keys/${spare.body.id}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    const stillThere = await request("GET", "/v1/keys", undefined, { "x-api-key": spare.body.key });
    expect(stillThere.body.data.map((k: { name: string }) => k.name)).toEqual(["spare", "test key"]);
  });
});
