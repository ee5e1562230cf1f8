import { describe, expect, it } from "vitest";
import { admin } from "../../support/worker";

describe("admin errors", () => {
  it("an app needs a name", async () => {
    for (const body of [{}, { name: "" }, { name: 3 }]) {
      const res = await admin("POST", "/v1/admin/apps", body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "name", message: expect.any(String) }] });
    }
  });

  it("a key for an app that does not exist is a 404", async () => {
    for (const id of ["01900000-0000-7000-8000-000000000000", "nope"]) {
      const res = await admin("POST", `/v1/admin/apps/${id}/keys`, { name: "k" });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("malformed JSON is a 400 INVALID_JSON", async () => {
    const res = await admin("POST", "/v1/admin/apps", '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_JSON");
  });
});
