import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { newE2eApp, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";
import { greeting } from "../support/fixtures";

const gone = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe("the e2e harness", () => {
  const servers: Stepline[] = [];

  afterAll(async () => {
    for (const server of servers) await server.stop();
    if (servers[0]) rmSync(servers[0].persistTo, { recursive: true, force: true });
  });

  it("keeps the state across a crash: kill(), then restart() on the same folder and port", async () => {
    const first = await startStepline();
    servers.push(first);
    const app = await newE2eApp(first.url);
    const created = await app.call("POST", "/v1/workflows", greeting());
    expect(created.status).toBe(201);

    await first.kill();
    expect(gone(first.pid)).toBe(true);

    const second = await first.restart();
    servers.push(second);
    expect(second.pid).not.toBe(first.pid);
    expect(second.persistTo).toBe(first.persistTo);
    expect(second.port).toBe(first.port);
    const fetched = await app.call("GET", `/v1/workflows/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.steps).toEqual(greeting().steps);

    await second.stop();
    expect(gone(second.pid)).toBe(true);
  });

  it("records what a receiver is sent and answers with the handler's reply", async () => {
    const receiver = await startReceiver((req) => (req.path === "/teapot" ? { status: 418, body: "short and stout" } : {}));
    try {
      const ok = await fetch(`${receiver.url}/hook?x=1`, { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "x-sig": "s" } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true });
      const teapot = await fetch(`${receiver.url}/teapot`);
      expect(teapot.status).toBe(418);
      expect(await teapot.text()).toBe("short and stout");
      const [hook] = await receiver.waitFor(1, { path: "/hook?x=1" });
      expect(hook).toMatchObject({ method: "POST", body: '{"a":1}' });
      expect(hook.headers["x-sig"]).toBe("s");
      expect(receiver.requests).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});
