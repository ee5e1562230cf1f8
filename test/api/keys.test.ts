import { describe, expect, it } from "vitest";
import { newApp, request } from "../helpers";
import { epochSeconds, signJwt } from "../support/fixtures";

describe("POST /v1/keys", () => {
  it("creates a working key and shows its secret once", async () => {
    const app = await newApp();
    const res = await app.call("POST", "/v1/keys", { name: "deploy" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: "deploy",
      prefix: res.body.key.slice(0, 11),
      key: expect.stringMatching(/^sk_[A-Za-z0-9_-]{43}$/),
      created_at: expect.any(String),
      revoked_at: null,
    });
    const withNewKey = await request("GET", "/v1/workflows", undefined, { "x-api-key": res.body.key });
    expect(withNewKey.status).toBe(200);
  });

  it("makes a different secret every time", async () => {
    const app = await newApp();
    const a = await app.call("POST", "/v1/keys", { name: "a" });
    const b = await app.call("POST", "/v1/keys", { name: "b" });
    expect(a.body.key).not.toBe(b.body.key);
  });
});

describe("GET /v1/keys", () => {
  it("lists the app's keys newest first, never with their secrets", async () => {
    const app = await newApp();
    const created = await app.call("POST", "/v1/keys", { name: "second" });
    const res = await app.call("GET", "/v1/keys");
    expect(res.status).toBe(200);
    expect(res.body.data.map((k: { name: string }) => k.name)).toEqual(["second", "test key"]);
    expect(res.body.data[0]).toEqual({
      id: created.body.id,
      name: "second",
      prefix: created.body.prefix,
      created_at: created.body.created_at,
      revoked_at: null,
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toContain(app.key);
    expect(text).not.toContain("hash");
  });

  it("pages with limit and cursor", async () => {
    const app = await newApp();
    for (let i = 0; i < 4; i++) await app.call("POST", "/v1/keys", { name: `k${i}` });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const res = await app.call("GET", `/v1/keys${query}`);
      expect(res.status).toBe(200);
      names.push(...res.body.data.map((k: { name: string }) => k.name));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(names).toEqual(["k3", "k2", "k1", "k0", "test key"]);
  });
});

describe("DELETE /v1/keys/{id}", () => {
  it("revokes the key: it stops working at once and the list shows when", async () => {
    const app = await newApp();
    const extra = await app.call("POST", "/v1/keys", { name: "temporary" });
    const res = await app.call("DELETE", `/v1/keys/${extra.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: extra.body.id, name: "temporary" });
    expect(Date.parse(res.body.revoked_at)).not.toBeNaN();
    expect(res.body).not.toHaveProperty("key");

    const refused = await request("GET", "/v1/workflows", undefined, { "x-api-key": extra.body.key });
    expect(refused.status).toBe(401);
    const list = await app.call("GET", "/v1/keys");
    expect(list.body.data.find((k: { id: string }) => k.id === extra.body.id).revoked_at).toBe(res.body.revoked_at);
    // The app's other key is untouched.
    expect((await app.call("GET", "/v1/workflows")).status).toBe(200);
  });

  it("lets a key revoke itself", async () => {
    const app = await newApp();
    const keys = await app.call("GET", "/v1/keys");
    const res = await app.call("DELETE", `/v1/keys/${keys.body.data[0].id}`);
    expect(res.status).toBe(200);
    expect((await app.call("GET", "/v1/keys")).status).toBe(401);
  });
});

describe("GET /v1/app", () => {
  it("answers the app the key or JWT acts for, and 401 without one", async () => {
    const app = await newApp("who am i");
    const res = await app.call("GET", "/v1/app");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: app.id, name: "who am i", created_at: expect.any(String) });
    const jwt = await signJwt({ sub: app.id, exp: epochSeconds(300) });
    expect((await request("GET", "/v1/app", undefined, { authorization: `Bearer ${jwt}` })).body.id).toBe(app.id);
    expect((await request("GET", "/v1/app")).status).toBe(401);
  });
});
