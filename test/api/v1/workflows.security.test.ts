import { describe, expect, it } from "vitest";
import { greeting } from "../../support/fixtures";
import { newApp } from "../../support/worker";

/** Two apps; the first owns a workflow with two versions. */
async function twoApps() {
  const owner = await newApp("owner");
  const stranger = await newApp("stranger");
  const wf = await owner.call("POST", "/v1/workflows", greeting());
  expect(wf.status).toBe(201);
  await owner.call("POST", `/v1/workflows/${wf.body.id}/versions`, { steps: [{ id: "v2", type: "transform", config: { value: 2 } }] });
  return { owner, stranger, id: wf.body.id as string };
}

describe("another app's workflow is a 404 on every route", () => {
  it("GET, PATCH and DELETE the workflow", async () => {
    const { owner, stranger, id } = await twoApps();
    const answers = [
      await stranger.call("GET", `/v1/workflows/${id}`),
      await stranger.call("GET", `/v1/workflows/${id}?include_deleted=true`),
      await stranger.call("PATCH", `/v1/workflows/${id}`, { name: "mine now" }),
      await stranger.call("PATCH", `/v1/workflows/${id}`, { current_version: 1 }),
      await stranger.call("PATCH", `/v1/workflows/${id}`, { steps: [{ id: "x", type: "transform", config: { value: 1 } }] }),
      await stranger.call("DELETE", `/v1/workflows/${id}`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("WORKFLOW_NOT_FOUND");
    }
    const mine = await owner.call("GET", `/v1/workflows/${id}`);
    expect(mine.body).toMatchObject({ name: "Greet", current_version: 2, latest_version: 2, deleted_at: null });
  });

  it("list, get and create its versions", async () => {
    const { owner, stranger, id } = await twoApps();
    const answers = [
      await stranger.call("GET", `/v1/workflows/${id}/versions`),
      await stranger.call("GET", `/v1/workflows/${id}/versions/1`),
      await stranger.call("GET", `/v1/workflows/${id}/versions/2`),
      await stranger.call("POST", `/v1/workflows/${id}/versions`, { steps: greeting().steps }),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const versions = await owner.call("GET", `/v1/workflows/${id}/versions`);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("is not in the other app's lists, whatever the filter", async () => {
    const { stranger } = await twoApps();
    for (const query of ["", "?include_deleted=true", "?name=Greet", "?discoverable=false"]) {
      const res = await stranger.call("GET", `/v1/workflows${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it("answers exactly as for a workflow that does not exist", async () => {
    const { stranger, id } = await twoApps();
    const theirs = await stranger.call("GET", `/v1/workflows/${id}`);
    const missing = id.replace(/.{4}$/, "0000");
    const nothing = await stranger.call("GET", `/v1/workflows/${missing}`);
    expect(theirs.status).toBe(nothing.status);
    expect(theirs.body.error.message.replace(id, "ID")).toBe(nothing.body.error.message.replace(missing, "ID"));
  });

  it("a cursor from one app's list shows nothing of it to another app", async () => {
    const owner = await newApp("owner");
    const stranger = await newApp("stranger");
    for (let i = 0; i < 3; i++) await owner.call("POST", "/v1/workflows", greeting({ name: `wf ${i}` }));
    const page = await owner.call("GET", "/v1/workflows?limit=1");
    const res = await stranger.call("GET", `/v1/workflows?cursor=${encodeURIComponent(page.body.next_cursor)}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
