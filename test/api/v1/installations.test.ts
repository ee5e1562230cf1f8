import { describe, expect, it } from "vitest";
import { newApp, request } from "../../support/worker";

describe("/v1/installations/{app_id}/{email}", () => {
  it("records, reads and removes an installation; repeating the PUT changes nothing; emails ignore case", async () => {
    const { call } = await newApp();
    const created = await call("PUT", "/v1/installations/teams-approvals/Ada@Example.com");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      app_id: "teams-approvals",
      email: "ada@example.com",
      installed: true,
      installed_at: expect.any(String),
    });
    const again = await call("PUT", "/v1/installations/teams-approvals/ada@example.com");
    expect(again.status).toBe(200);
    expect(again.body.installed_at).toBe(created.body.installed_at);
    expect((await call("GET", "/v1/installations/teams-approvals/ADA@example.com")).body).toEqual(created.body);

    const removed = await call("DELETE", "/v1/installations/teams-approvals/ada@example.com");
    expect(removed.status).toBe(200);
    expect(removed.body.installed).toBe(false);
    for (const method of ["GET", "DELETE"]) {
      const gone = await call(method, "/v1/installations/teams-approvals/ada@example.com");
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("keeps each app's installations to itself", async () => {
    const owner = await newApp();
    const other = await newApp();
    await owner.call("PUT", "/v1/installations/1234/user@organization.com");
    for (const method of ["GET", "DELETE"])
      expect((await other.call(method, "/v1/installations/1234/user@organization.com")).status).toBe(404);
    expect((await owner.call("GET", "/v1/installations/1234/user@organization.com")).status).toBe(200);
    expect((await request("GET", "/v1/installations/1234/user@organization.com")).status).toBe(401);
  });

  it("refuses an app id or email that cannot name an installation, naming each, and stores nothing", async () => {
    const { call } = await newApp();
    const bad = await call("PUT", `/v1/installations/${encodeURIComponent("-no good")}/not-an-email`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(["path.app_id", "path.email"]);
    expect((await call("PUT", `/v1/installations/x/${"a".repeat(250)}@b.co`)).status).toBe(400);
    expect((await call("GET", "/v1/installations/-no%20good/not-an-email")).status).toBe(400);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await request("GET", "/openapi.json")).body;
    expect(Object.keys(doc.paths["/v1/installations/{app_id}/{email}"]).sort()).toEqual(["delete", "get", "put"]);
    expect(doc.components.schemas.Installation.properties).toHaveProperty("installed");
  });
});
