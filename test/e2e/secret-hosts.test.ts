import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";

/**
 * A secret's allowed_hosts against two real servers on 127.0.0.1: the allowed one, and another
 * one that a request carrying the secret must never reach, whether sent to it directly or
 * redirected to it by the allowed one.
 */
const SECRET = "sk-e2e-hosts-7d8e9f0a1b2c";

let server: Stepline | undefined;
let allowed: Receiver;
let other: Receiver;
let call: E2eCall;

beforeAll(async () => {
  other = await startReceiver();
  allowed = await startReceiver((request) =>
    request.path.startsWith("/redirect") ? { status: 302, headers: { location: `${other.url}/redirected` }, body: "" } : {},
  );
  server = await startStepline();
  ({ call } = await newE2eApp(server.url, "secret hosts"));
  const put = await call("PUT", "/v1/profiles/default/variables/TOKEN", {
    value: SECRET,
    secret: true,
    allowed_hosts: [`127.0.0.1:${allowed.port}`],
  });
  expect(put.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await allowed?.close();
  await other?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

async function runTo(url: string) {
  const created = await call("POST", "/v1/workflows", {
    name: "send the token",
    steps: [{ id: "send", type: "http", config: { url, headers: { authorization: "Bearer {{ vars.TOKEN }}" } } }],
  });
  const run = await call("POST", `/v1/workflows/${created.body.id}/runs`, {});
  let view = run.body;
  for (let i = 0; i < 200 && !["completed", "failed"].includes(view.status); i++) {
    await new Promise((r) => setTimeout(r, 50));
    view = (await call("GET", `/v1/runs/${run.body.id}`)).body;
  }
  return view;
}

it("sends the secret to the allowed server, and never to another one, directly or by a redirect", async () => {
  const sent = await runTo(`${allowed.url}/ok`);
  expect(sent.status).toBe("completed");
  expect(allowed.requests.find((r) => r.path === "/ok")?.headers.authorization).toBe(`Bearer ${SECRET}`);

  const direct = await runTo(`${other.url}/direct`);
  expect(direct.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "send" });

  const redirected = await runTo(`${allowed.url}/redirect`);
  expect(redirected.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "send" });
  expect(redirected.error.message).toContain(`a redirect from 127.0.0.1:${allowed.port} leads to 127.0.0.1:${other.port}`);
  expect(allowed.requests.filter((r) => r.path === "/redirect")).toHaveLength(1);

  expect(other.requests).toEqual([]);
  for (const run of [sent, direct, redirected]) expect(JSON.stringify(run)).not.toContain(SECRET);
});
