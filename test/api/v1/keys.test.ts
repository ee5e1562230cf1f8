import { describe, expect, it } from "vitest";
import { epochSeconds, signJwt } from "../../support/fixtures";
import { newApp, request } from "../../support/worker";

describe("POST /v1/keys", () => {
  it("creates a working key and shows its secret once", async () => {
    const app = await newApp();
    const expires = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const res = await app.call("POST", "/v1/keys", { name: "deploy", scopes: ["run"], expires_at: expires });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: "deploy",
      prefix: res.body.key.slice(0, 11),
      key: expect.stringMatching(/^sk_[A-Za-z0-9_-]{43}$/),
      scopes: ["run"],
      created_at: expect.any(String),
      expires_at: expires,
      last_used_at: null,
      revoked_at: null,
    });
    const withNewKey = await request("GET", "/v1/workflows", undefined, { "x-api-key": res.body.key });
    expect(withNewKey.status).toBe(200);
  });

  it("makes a different secret every time", async () => {
    const app = await newApp();
    const a = await app.call("POST", "/v1/keys", { name: "a", scopes: ["admin"] });
    const b = await app.call("POST", "/v1/keys", { name: "b", scopes: ["admin"] });
    expect(a.body.key).not.toBe(b.body.key);
  });
});

describe("GET /v1/keys", () => {
  it("lists the app's keys newest first, never with their secrets", async () => {
    const app = await newApp();
    const created = await app.call("POST", "/v1/keys", { name: "second", scopes: ["admin"] });
    const res = await app.call("GET", "/v1/keys");
    expect(res.status).toBe(200);
    expect(res.body.data.map((k: { name: string }) => k.name)).toEqual(["second", "test key"]);
    expect(res.body.data[0]).toEqual({
      id: created.body.id,
      name: "second",
      prefix: created.body.prefix,
      scopes: ["admin"],
      created_at: created.body.created_at,
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    });
    // The key that made this request was used just now.
    expect(Date.parse(res.body.data[1].last_used_at)).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toContain(app.key);
    expect(text).not.toContain("hash");
  });

  it("pages with limit and cursor", async () => {
    const app = await newApp();
    for (let i = 0; i < 4; i++) await app.call("POST", "/v1/keys", { name: `k${i}`, scopes: ["read"] });
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
    const extra = await app.call("POST", "/v1/keys", { name: "temporary", scopes: ["admin"] });
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
    expect(res.body).toEqual({
      id: app.id,
      name: "who am i",
      created_at: expect.any(String),
      credential: { kind: "key", key_id: expect.any(String), name: "test key", scopes: ["admin"] },
    });
    const jwt = await signJwt({ sub: app.id, exp: epochSeconds(300) });
    const byJwt = await request("GET", "/v1/app", undefined, { authorization: `Bearer ${jwt}` });
    expect(byJwt.body).toMatchObject({ id: app.id, credential: { kind: "jwt", key_id: null, scopes: ["admin"] } });
    const readJwt = await signJwt({ sub: app.id, exp: epochSeconds(300), scope: "read" });
    const byReadJwt = await request("GET", "/v1/app", undefined, { authorization: `Bearer ${readJwt}` });
    expect(byReadJwt.body.credential.scopes).toEqual(["read"]);
    expect((await request("GET", "/v1/app")).status).toBe(401);
  });
});
