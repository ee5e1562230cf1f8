import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, expect, it } from "vitest";
import { freePort, newE2eApp, type Stepline, startStepline } from "../support/e2e/harness";

/**
 * Webhooks survive a receiver that is down and a SIGKILL of the server: fifty runs end while
 * nothing listens, wrangler dev is killed and restarted on the same state (the local queue is
 * lost with it), then the receiver comes up and every delivery arrives, signed.
 */
let server: Stepline | undefined;
let receiver: Server | undefined;

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

it("delivers every webhook of runs that ended while the receiver was down, across a SIGKILL", async () => {
  const port = await freePort();
  server = await startStepline({ vars: { WEBHOOK_RETRY_SCHEDULE: "0,2,2,2,2,2,2,2,2,2,2,2", WEBHOOK_SWEEP_SECONDS: "2" } });
  const { call } = await newE2eApp(server.url);
  const { secret } = (await call("GET", "/v1/webhook-secret")).body;
  const created = await call("POST", "/v1/workflows", {
    name: "notify me",
    webhook_url: `http://127.0.0.1:${port}/hook`,
    steps: [{ id: "a", type: "transform", config: { value: "{{ input.n }}" } }],
  });
  expect(created.status).toBe(201);
  const runs: string[] = [];
  for (let i = 0; i < 50; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, (_, j) => call("POST", `/v1/workflows/${created.body.id}/runs`, { input: { n: i + j } })),
    );
    runs.push(...batch.map((r) => r.body.id));
  }
  for (const id of runs) {
    for (;;) {
      const got = await call("GET", `/v1/runs/${id}`);
      if (got.body.status === "completed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  // Let the first attempts fail against the closed port, then crash the server.
  await new Promise((r) => setTimeout(r, 2500));
  await server.kill();
  server = await server.restart();

  const received = new Map<string, number>();
  let invalid = 0;
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      try {
        const payload = new Webhook(secret).verify(body, req.headers as Record<string, string>) as { data: { id: string } };
        received.set(req.headers["webhook-id"] as string, (received.get(req.headers["webhook-id"] as string) ?? 0) + 1);
        expect(runs).toContain(payload.data.id);
      } catch {
        invalid += 1;
      }
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(port, "127.0.0.1", resolve));

  const deadline = Date.now() + 90_000;
  while (received.size < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(invalid).toBe(0);
  expect(received.size).toBe(50);
});
