import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../src/dialects";
import { keyForSecret, LAST_USED_EVERY_MS, touchKey } from "../../../src/services/keys";
import { newApp, request } from "../../support/worker";

type Document = { paths: Record<string, Record<string, { security?: unknown[] }>> };

/** One call per operation of every surface (native and each dialect), with ids that need not exist. */
async function everyOperation(): Promise<Array<{ method: string; path: string }>> {
  const docs = [
    { doc: "/openapi.json", base: "" },
    ...DIALECTS.map(({ name }) => ({ doc: `/compat/${name}/openapi.json`, base: `/compat/${name}` })),
  ];
  const calls: Array<{ method: string; path: string }> = [];
  for (const { doc, base } of docs) {
    const document = (await request("GET", doc)).body as Document;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (path.startsWith("/v1/admin/") || path.startsWith("/v1/callbacks/") || operation.security?.length === 0) continue;
        calls.push({ method: method.toUpperCase(), path: `${base}${path.replace(/\{\w+\}/g, "x")}` });
      }
    }
  }
  return calls;
}

const headersFor = (key: string) => ({ "x-api-key": key, authorization: `Bearer ${key}` });

describe("a key's expiry", () => {
  it("refuses an expired key on every route of every surface exactly as a revoked one", async () => {
    const app = await newApp();
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const expiring = await app.call("POST", "/v1/keys", { name: "expiring", scopes: ["admin"], expires_at: soon });
    const revoked = await app.call("POST", "/v1/keys", { name: "revoked", scopes: ["admin"] });
    await app.call("DELETE", `/v1/keys/${revoked.body.id}`);
    // A day passes: the key was never used, so no isolate remembers it.
    await env.DB.prepare("UPDATE api_keys SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, expiring.body.id)
      .run();

    const calls = await everyOperation();
    expect(calls.length).toBeGreaterThan(60);
    for (const { method, path } of calls) {
      const body = ["POST", "PUT", "PATCH"].includes(method) ? {} : undefined;
      const expired = await request(method, path, body, headersFor(expiring.body.key));
      const refused = await request(method, path, body, headersFor(revoked.body.key));
      expect(expired.status, `${method} ${path}`).toBe(refused.status);
      // Looply's seed answers every bad credential with 403 Forbidden; every other surface with 401.
      expect(expired.status, `${method} ${path}`).toBe(path.startsWith("/compat/looply/") ? 403 : 401);
      if (expired.body?.error) expect(expired.body.error.message).toContain("expired");
    }
    const stream = await request("GET", `/v1/runs/${crypto.randomUUID()}/stream`, undefined, headersFor(expiring.body.key));
    expect(stream.status).toBe(401);
  });

  it("keeps a key working until its expiry and lists when it expires", async () => {
    const app = await newApp();
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const made = await app.call("POST", "/v1/keys", { name: "an hour", scopes: ["read"], expires_at: at });
    expect((await request("GET", "/v1/workflows", undefined, { "x-api-key": made.body.key })).status).toBe(200);
    const listed = (await app.call("GET", "/v1/keys")).body.data.find((k: { id: string }) => k.id === made.body.id);
    expect(listed.expires_at).toBe(at);
  });
});

describe("a key's last use", () => {
  it("is written once for a burst of requests, and again only an hour later (counted D1 writes)", async () => {
    const app = await newApp();
    const made = await app.call("POST", "/v1/keys", { name: "busy", scopes: ["read"] });
    // Counts every row write of the column, whichever isolate or statement makes it.
    await env.DB.batch([
      env.DB.prepare("CREATE TABLE last_used_writes (key_id TEXT)"),
      env.DB.prepare(
        "CREATE TRIGGER count_last_used AFTER UPDATE OF last_used_at ON api_keys BEGIN INSERT INTO last_used_writes VALUES (NEW.id); END",
      ),
    ]);
    const writes = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM last_used_writes WHERE key_id = ?").bind(made.body.id).first<{ n: number }>())?.n;
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          request("GET", i % 2 ? "/v1/workflows" : "/compat/leap/v1/runs/x", undefined, headersFor(made.body.key)),
        ),
      );
      expect(answers.filter((a) => a.status === 401 || a.status === 403)).toEqual([]);
      for (let i = 0; i < 20; i++) await request("GET", "/v1/app", undefined, { "x-api-key": made.body.key });
      expect(await writes()).toBe(1);
      const first = (await app.call("GET", "/v1/keys")).body.data.find((k: { id: string }) => k.id === made.body.id).last_used_at;
      expect(Date.now() - Date.parse(first)).toBeLessThan(60_000);

      const record = await keyForSecret(env, made.body.key);
      if (!record) throw new Error("the key should resolve");
      await touchKey(env, record, Date.now() + LAST_USED_EVERY_MS / 2);
      expect(await writes()).toBe(1);
      await touchKey(env, record, Date.now() + LAST_USED_EVERY_MS + 1000);
      await touchKey(env, record, Date.now() + LAST_USED_EVERY_MS + 2000);
      expect(await writes()).toBe(2);
    } finally {
      await env.DB.batch([env.DB.prepare("DROP TRIGGER count_last_used"), env.DB.prepare("DROP TABLE last_used_writes")]);
    }
  });
});
