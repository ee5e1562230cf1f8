import { describe, expect, it } from "vitest";
import { admin, request } from "../../support/worker";

describe("POST /v1/admin/apps", () => {
  it("creates an app", async () => {
    const res = await admin("POST", "/v1/admin/apps", { name: "Acme" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Acme", created_at: expect.any(String) });
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
  });
});

describe("POST /v1/admin/apps/{app_id}/keys", () => {
  it("creates a key for the app, shown once, that acts for that app", async () => {
    const app = await admin("POST", "/v1/admin/apps", { name: "Acme" });
    const res = await admin("POST", `/v1/admin/apps/${app.body.id}/keys`, { name: "bootstrap" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "bootstrap", key: expect.stringMatching(/^sk_/), revoked_at: null });
    expect(res.body.prefix).toBe(res.body.key.slice(0, res.body.prefix.length));

    const headers = { "x-api-key": res.body.key };
    const created = await request("POST", "/v1/keys", { name: "second", scopes: ["admin"] }, headers);
    expect(created.status).toBe(201);
    const keys = await request("GET", "/v1/keys", undefined, headers);
    expect(keys.status).toBe(200);
    expect(keys.body.data.map((k: { id: string }) => k.id)).toEqual([created.body.id, res.body.id]);
    for (const key of keys.body.data) expect(key).not.toHaveProperty("key");
    expect(JSON.stringify(keys.body)).not.toContain(res.body.key);
  });
});
