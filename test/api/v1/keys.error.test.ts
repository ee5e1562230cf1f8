import { describe, expect, it } from "vitest";
import { newApp } from "../../support/worker";

describe("POST /v1/keys errors", () => {
  it("requires a name of 1 to 255 characters", async () => {
    const app = await newApp();
    for (const body of [
      { scopes: ["run"] },
      { name: "", scopes: ["run"] },
      { name: "x".repeat(256), scopes: ["run"] },
      { name: 7, scopes: ["run"] },
    ]) {
      const res = await app.call("POST", "/v1/keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "name", message: expect.any(String) }] });
    }
  });

  it("requires one or more scopes from read, run, write and admin", async () => {
    const app = await newApp();
    for (const scopes of [undefined, [], ["owner"], "admin", ["read", "run", "write", "admin", "read"]]) {
      const res = await app.call("POST", "/v1/keys", { name: "k", scopes });
      expect(res.status, JSON.stringify(scopes)).toBe(400);
      const fields = res.body.error.details.map((d: { path: string }) => d.path.replace(/\[\d+\]$/, ""));
      expect(new Set(fields)).toEqual(new Set(["scopes"]));
    }
    expect((await app.call("GET", "/v1/keys")).body.data).toHaveLength(1);
  });

  it("takes an expiry in the future and at most 2 years away", async () => {
    const app = await newApp();
    const day = 86_400_000;
    const cases = [
      [new Date(Date.now() - 1000).toISOString(), "must be in the future"],
      [new Date(Date.now() + 3 * 365 * day).toISOString(), "must be at most 2 years away"],
      ["next week", expect.any(String)],
    ];
    for (const [expires_at, message] of cases) {
      const res = await app.call("POST", "/v1/keys", { name: "k", scopes: ["read"], expires_at });
      expect(res.status, String(expires_at)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "expires_at", message }] });
    }
    expect((await app.call("GET", "/v1/keys")).body.data).toHaveLength(1);
    const ok = await app.call("POST", "/v1/keys", {
      name: "k",
      scopes: ["read"],
      expires_at: new Date(Date.now() + 700 * day).toISOString(),
    });
    expect(ok.status).toBe(201);
  });

  it("refuses fields it does not know", async () => {
    const app = await newApp();
    const res = await app.call("POST", "/v1/keys", { name: "k", scopes: ["admin"], app_id: "someone else" });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain("app_id");
  });
});

describe("DELETE /v1/keys/{id} errors", () => {
  it("an unknown key is a 404", async () => {
    const app = await newApp();
    for (const id of ["01900000-0000-7000-8000-000000000000", "not-an-id"]) {
      const res = await app.call("DELETE", `/v1/keys/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("revoking a key twice is a 409", async () => {
    const app = await newApp();
    const extra = await app.call("POST", "/v1/keys", { name: "twice", scopes: ["admin"] });
    expect((await app.call("DELETE", `/v1/keys/${extra.body.id}`)).status).toBe(200);
    const again = await app.call("DELETE", `/v1/keys/${extra.body.id}`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
  });
});

describe("GET /v1/keys errors", () => {
  it("refuses a limit over 100 and a forged cursor", async () => {
    const app = await newApp();
    const limit = await app.call("GET", "/v1/keys?limit=101");
    expect(limit.status).toBe(400);
    expect(limit.body.error.details[0].path).toBe("query.limit");
    const cursor = await app.call("GET", "/v1/keys?cursor=forged");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details[0].path).toBe("query.cursor");
  });
});
