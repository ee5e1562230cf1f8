import { describe, expect, it } from "vitest";
import { epochSeconds, signJwt } from "../../support/fixtures";
import { ADMIN_TOKEN, admin, newApp, request } from "../../support/worker";

const createApp = (headers: Record<string, string>) => request("POST", "/v1/admin/apps", { name: "intruder" }, headers);

describe("/v1/admin/* takes only the admin token", () => {
  it("works with Authorization: Bearer <ADMIN_TOKEN>", async () => {
    expect((await admin("POST", "/v1/admin/apps", { name: "ok" })).status).toBe(201);
  });

  it("without credentials is a 401 that says how to send the token", async () => {
    const res = await createApp({});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
    expect(res.body.error.message).toContain("Authorization: Bearer");
  });

  it("a wrong token is a 401", async () => {
    for (const token of [`${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1), "x"]) {
      expect((await createApp({ authorization: `Bearer ${token}` })).status).toBe(401);
    }
  });

  it("the token in another header or scheme is a 401", async () => {
    expect((await createApp({ "x-api-key": ADMIN_TOKEN })).status).toBe(401);
    expect((await createApp({ authorization: ADMIN_TOKEN })).status).toBe(401);
    expect((await createApp({ authorization: `Basic ${ADMIN_TOKEN}` })).status).toBe(401);
  });

  it("an app's API key or JWT is not enough", async () => {
    const app = await newApp();
    const jwt = await signJwt({ sub: app.id, exp: epochSeconds(300) });
    const answers = [
      await createApp({ "x-api-key": app.key }),
      await createApp({ authorization: `Bearer ${app.key}` }),
      await createApp({ authorization: `Bearer ${jwt}` }),
      await app.call("POST", `/v1/admin/apps/${app.id}/keys`, { name: "escalate" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
  });

  it("the admin token is not an app credential", async () => {
    const res = await request("GET", "/v1/workflows", undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(401);
  });
});
