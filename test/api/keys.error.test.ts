import { describe, expect, it } from "vitest";
import { newApp } from "../helpers";

describe("POST /v1/keys errors", () => {
  it("requires a name of 1 to 255 characters", async () => {
    const app = await newApp();
    for (const body of [{}, { name: "" }, { name: "x".repeat(256) }, { name: 7 }]) {
      const res = await app.call("POST", "/v1/keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "name", message: expect.any(String) }] });
    }
  });

  it("refuses fields it does not know", async () => {
    const app = await newApp();
    const res = await app.call("POST", "/v1/keys", { name: "k", app_id: "someone else" });
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
    const extra = await app.call("POST", "/v1/keys", { name: "twice" });
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
