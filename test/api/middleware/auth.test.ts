import { describe, expect, it } from "vitest";
import { epochSeconds, JWT_SECRET, signJwt } from "../../support/fixtures";
import { newApp, request } from "../../support/worker";

const list = (headers: Record<string, string>) => request("GET", "/v1/workflows", undefined, headers);

async function appWithWorkflow() {
  const app = await newApp();
  const wf = await app.call("POST", "/v1/workflows", { name: "mine", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  expect(wf.status).toBe(201);
  return { ...app, workflowId: wf.body.id as string };
}

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((w) => w.id);

describe("API keys", () => {
  it("work as X-Api-Key", async () => {
    const app = await appWithWorkflow();
    const res = await list({ "x-api-key": app.key });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([app.workflowId]);
  });

  it("work as Authorization: Bearer <key>, whatever the scheme's case", async () => {
    const app = await appWithWorkflow();
    for (const scheme of ["Bearer", "bearer"]) {
      const res = await list({ authorization: `${scheme} ${app.key}` });
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual([app.workflowId]);
    }
  });

  it("a missing key is a 401 that names the headers to send", async () => {
    const res = await list({});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
    expect(res.body.error.message).toContain("X-Api-Key");
    expect(res.body.error.message).toContain("Authorization: Bearer");
  });

  it("a wrong key is a 401 that names the headers to send", async () => {
    const app = await newApp();
    const wrong = `${app.key.slice(0, -2)}${app.key.endsWith("AA") ? "BB" : "AA"}`;
    const attempts: Array<Record<string, string>> = [
      { "x-api-key": wrong },
      { authorization: `Bearer ${wrong}` },
      { "x-api-key": "not-a-key" },
      { "x-api-key": "" },
    ];
    for (const headers of attempts) {
      const res = await list(headers);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain("X-Api-Key");
    }
  });

  it("a revoked key is a 401 that names the headers to send", async () => {
    const app = await newApp();
    const keys = await app.call("GET", "/v1/keys");
    await app.call("DELETE", `/v1/keys/${keys.body.data[0].id}`);
    const attempts: Array<Record<string, string>> = [{ "x-api-key": app.key }, { authorization: `Bearer ${app.key}` }];
    for (const headers of attempts) {
      const res = await list(headers);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/revoked/);
      expect(res.body.error.message).toContain("X-Api-Key");
    }
  });

  it("every /v1 route needs credentials", async () => {
    const id = "01900000-0000-7000-8000-000000000000";
    const routes: Array<[string, string, unknown?]> = [
      ["GET", "/v1/keys"],
      ["POST", "/v1/keys", { name: "k", scopes: ["admin"] }],
      ["DELETE", `/v1/keys/${id}`],
      ["GET", "/v1/workflows"],
      ["POST", "/v1/workflows", { name: "x", steps: [{ id: "a", type: "transform", config: { value: 1 } }] }],
      ["GET", `/v1/workflows/${id}`],
      ["PATCH", `/v1/workflows/${id}`, { name: "x" }],
      ["DELETE", `/v1/workflows/${id}`],
      ["GET", `/v1/workflows/${id}/versions`],
      ["POST", `/v1/workflows/${id}/versions`, { steps: [] }],
      ["GET", `/v1/workflows/${id}/versions/1`],
    ];
    for (const [method, path, body] of routes) {
      const res = await request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("JWTs", () => {
  it("an HS256 JWT whose sub is the app id acts for that app", async () => {
    const app = await appWithWorkflow();
    const token = await signJwt({ sub: app.id, exp: epochSeconds(300) });
    const res = await list({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([app.workflowId]);
    const get = await request("GET", `/v1/workflows/${app.workflowId}`, undefined, { authorization: `Bearer ${token}` });
    expect(get.status).toBe(200);
  });

  it("sees only its own app's objects", async () => {
    const owner = await appWithWorkflow();
    const other = await newApp("other");
    const token = await signJwt({ sub: other.id, exp: epochSeconds(300) });
    const headers = { authorization: `Bearer ${token}` };
    expect(ids((await list(headers)).body)).toEqual([]);
    expect((await request("GET", `/v1/workflows/${owner.workflowId}`, undefined, headers)).status).toBe(404);
  });

  const refused: Array<[string, (sub: string) => Promise<string>, RegExp]> = [
    ["alg none without a signature", (sub) => signJwt({ sub, exp: epochSeconds(300) }, { alg: "none", signature: "" }), /alg none/],
    ["alg none with an HS256 signature", (sub) => signJwt({ sub, exp: epochSeconds(300) }, { alg: "none" }), /alg none/],
    ["alg HS512", (sub) => signJwt({ sub, exp: epochSeconds(300) }, { alg: "HS512" }), /alg HS512/],
    ["alg RS256", (sub) => signJwt({ sub, exp: epochSeconds(300) }, { alg: "RS256" }), /alg RS256/],
    ["a signature made with another secret", (sub) => signJwt({ sub, exp: epochSeconds(300) }, { secret: `${JWT_SECRET}!` }), /signature/],
    ["a tampered signature", async (sub) => `${(await signJwt({ sub, exp: epochSeconds(300) })).slice(0, -4)}AAAA`, /signature/],
    ["an exp in the past", (sub) => signJwt({ sub, exp: epochSeconds(-10) }), /expired/],
    ["no exp", (sub) => signJwt({ sub }), /exp/],
    ["an exp that is not a number", (sub) => signJwt({ sub, exp: String(epochSeconds(300)) }), /exp/],
    ["an nbf in the future", (sub) => signJwt({ sub, exp: epochSeconds(300), nbf: epochSeconds(120) }), /not valid yet/],
    ["no sub", () => signJwt({ exp: epochSeconds(300) }), /sub/],
    ["a sub that is no app", () => signJwt({ sub: "01900000-0000-7000-8000-000000000000", exp: epochSeconds(300) }), /sub/],
  ];

  for (const [name, make, reason] of refused) {
    it(`refuses a JWT with ${name} with a 401`, async () => {
      const app = await newApp();
      const res = await list({ authorization: `Bearer ${await make(app.id)}` });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
      expect(res.body.error.message).toMatch(reason);
    });
  }

  it("refuses a JWT whose payload was changed after signing", async () => {
    const victim = await newApp("victim");
    const attacker = await newApp("attacker");
    const [header, , signature] = (await signJwt({ sub: attacker.id, exp: epochSeconds(300) })).split(".");
    const payload = btoa(JSON.stringify({ sub: victim.id, exp: epochSeconds(300) }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const res = await list({ authorization: `Bearer ${header}.${payload}.${signature}` });
    expect(res.status).toBe(401);
  });

  it("a JWT is not accepted in X-Api-Key", async () => {
    const app = await newApp();
    const token = await signJwt({ sub: app.id, exp: epochSeconds(300) });
    expect((await list({ "x-api-key": token })).status).toBe(401);
  });
});
