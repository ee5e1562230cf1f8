import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";

/**
 * The `stepline` command line as a user runs it: the installed bin, a real process, against a
 * real `wrangler dev`, with its config in a temporary folder.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules/.bin/stepline");

let server: Stepline;
let receiver: Receiver;
let call: E2eCall;
let key: string;
let home: string;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string>;
  /** false: no STEPLINE_URL/STEPLINE_KEY, so the command relies on `stepline login`. */
  envCredentials?: boolean;
  onStdout?: (soFar: string) => void;
}

/** Runs the bin; `onStdout` sees the output as it arrives. */
function stepline(args: string[], options: RunOptions = {}): Promise<Exit> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The bin's `#!/usr/bin/env node` must find the Node the project installs.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
    HOME: home,
    STEPLINE_CONFIG: path.join(home, "config.json"),
    STEPLINE_URL: server.url,
    STEPLINE_KEY: key,
    ...options.env,
  };
  if (options.envCredentials === false) {
    delete env.STEPLINE_URL;
    delete env.STEPLINE_KEY;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      options.onStdout?.(stdout);
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const parsed = (exit: Exit) => {
  expect(exit.code, exit.stderr).toBe(0);
  return JSON.parse(exit.stdout);
};

const definition = (file: string, body: unknown) => {
  const at = path.join(home, file);
  writeFileSync(at, JSON.stringify(body));
  return at;
};

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), "stepline-cli-"));
  server = await startStepline();
  ({ call, key } = await newE2eApp(server.url, "cli"));
  receiver = await startReceiver();
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe("stepline login", () => {
  it("checks the key, saves URL and key for later commands, and yields to STEPLINE_URL/STEPLINE_KEY", async () => {
    const configOnly = { envCredentials: false };
    expect((await stepline(["workflows", "list"], configOnly)).stderr).toMatch(/Not logged in/);
    const wrong = await stepline(["login", "--url", server.url, "--key", "sk_wrong"], configOnly);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/API key is not valid/);

    const login = await stepline(["login", "--url", server.url, "--key", key], configOnly);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toMatch(/^Logged in to http:\/\/127\.0\.0\.1:\d+ as app cli/);
    const file = path.join(home, "config.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ url: server.url, key });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect((await stepline(["workflows", "list"], configOnly)).code).toBe(0);
    const elsewhere = await stepline(["workflows", "list"], { env: { STEPLINE_URL: "http://127.0.0.1:9" } });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/could not be reached.*NETWORK_ERROR/s);
  });
});

describe("stepline runs", () => {
  it("start --watch shows the steps live while the run goes on, then prints the output and exits 0", async () => {
    const created = parsed(
      await stepline([
        "workflows",
        "create",
        "-f",
        definition("approval.json", {
          name: "Greet after approval",
          input_schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
          steps: [
            { id: "greeting", type: "transform", config: { value: "Hello, {{ input.name }}!" } },
            { id: "approval", type: "wait_for_event", config: { event: "approved", timeout: "1h" } },
            {
              id: "answer",
              type: "transform",
              config: { value: { message: "{{ steps.greeting.output }}", by: "{{ steps.approval.output.payload.by }}" } },
            },
          ],
        }),
        "--json",
      ]),
    );
    let approved = false;
    const exit = await stepline(["runs", "start", created.id, "--input", '{"name":"Ada"}', "--watch"], {
      onStdout: (soFar) => {
        // The run can only go on once the event is sent, and it is sent only once the CLI has
        // shown the wait: what was printed before is live progress, not a summary.
        const runId = /Run (\S+)/.exec(soFar)?.[1];
        if (!approved && runId && soFar.includes('approval  waiting for "approved"')) {
          approved = true;
          void call("POST", `/v1/runs/${runId}/events`, { name: "approved", payload: { by: "Grace" } });
        }
      },
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(approved).toBe(true);
    const lines = exit.stdout.split("\n");
    expect(lines.findIndex((l) => l.includes("✓ greeting"))).toBeLessThan(lines.findIndex((l) => l.includes("approval  waiting")));
    expect(exit.stdout).toMatch(/✓ greeting +completed +\d+ms +\[#+-+\] +33% 1\/3/);
    expect(exit.stdout).toMatch(/✓ approval +completed +[\d.]+m?s +\[#+-+\] +67% 2\/3/);
    expect(exit.stdout).toMatch(/✓ answer +completed +\d+ms +\[#{20}\] 100% 3\/3/);
    expect(exit.stdout).toMatch(/Completed in [\d.]+m?s\nOutput: \{"message":"Hello, Ada!","by":"Grace"\}\n$/);
  });

  it("start --watch on a failing run prints the error and exits 1; --json still prints the run", async () => {
    const created = parsed(
      await stepline([
        "workflows",
        "create",
        "-f",
        definition("explode.json", {
          name: "Explode",
          steps: [
            { id: "greeting", type: "transform", config: { value: "hi" } },
            { id: "explode", type: "fail", config: { message: "the reactor is on fire", code: "REACTOR" } },
          ],
        }),
        "--json",
      ]),
    );
    const human = await stepline(["runs", "start", created.id, "--watch"]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✗ explode +failed: REACTOR: the reactor is on fire/);
    expect(human.stdout).toMatch(/Failed after [\d.]+m?s: REACTOR: the reactor is on fire \(step explode\)\n$/);

    const scripted = await stepline(["runs", "start", created.id, "--watch", "--json"]);
    expect(scripted.code).toBe(1);
    expect(JSON.parse(scripted.stdout)).toMatchObject({ status: "failed", error: { code: "REACTOR", step_id: "explode" } });
    expect(scripted.stderr).toMatch(/Failed after/);
  });
});

it("prints JSON that parses for every command under --json", async () => {
  const flow = parsed(
    await stepline([
      "workflows",
      "create",
      "-f",
      definition("notify.json", {
        name: "Notify",
        webhook_url: `${receiver.url}/hook`,
        steps: [{ id: "wait", type: "wait_for_event", config: { event: "go" } }],
      }),
      "--json",
    ]),
  );
  expect(parsed(await stepline(["workflows", "get", flow.id, "--json"]))).toMatchObject({ id: flow.id, steps: [{ id: "wait" }] });
  expect(parsed(await stepline(["workflows", "versions", flow.id, "--json"])).data).toMatchObject([{ version: 1 }]);
  expect(parsed(await stepline(["workflows", "list", "--name", "Notify", "--json"])).data.map((w: { id: string }) => w.id)).toEqual([
    flow.id,
  ]);

  const run = parsed(await stepline(["runs", "start", flow.id, "--json"]));
  expect(run).toMatchObject({ workflow_id: flow.id });
  await receiver.waitFor(1, { path: "/hook" }); // run.waiting
  expect(parsed(await stepline(["runs", "list", "--workflow", flow.id, "--status", "waiting,running", "--json"])).data).toMatchObject([
    { id: run.id },
  ]);
  expect(parsed(await stepline(["runs", "pause", run.id, "--json"]))).toMatchObject({ id: run.id, status: "paused" });
  expect(parsed(await stepline(["runs", "resume", run.id, "--json"]))).toMatchObject({ id: run.id });
  expect(parsed(await stepline(["events", "send", run.id, "go", "--payload", '{"n":1}', "--json"]))).toMatchObject({
    status: "applied",
    step_id: "wait",
  });
  expect(parsed(await stepline(["runs", "get", run.id, "--json"]))).toMatchObject({
    id: run.id,
    status: "completed",
    output: { name: "go" },
  });
  const replayed = parsed(await stepline(["runs", "replay", run.id, "--json"]));
  expect(parsed(await stepline(["runs", "cancel", replayed.id, "--json"]))).toMatchObject({ id: replayed.id, status: "cancelled" });

  const deliveries = parsed(await stepline(["deliveries", "list", run.id, "--json"])).data;
  expect(new Set(deliveries.map((d: { event: string }) => d.event))).toEqual(new Set(["run.completed", "run.waiting"]));
  expect(parsed(await stepline(["deliveries", "redeliver", deliveries[0].id, "--json"]))).toMatchObject({ id: deliveries[0].id });

  const schedule = await call("POST", `/v1/workflows/${flow.id}/schedules`, { cron: "0 9 * * 1-5", timezone: "Europe/Berlin" });
  expect(parsed(await stepline(["schedules", "list", "--json"])).data).toMatchObject([{ id: schedule.body.id, paused: false }]);
  expect(parsed(await stepline(["schedules", "pause", schedule.body.id, "--json"]))).toMatchObject({ paused: true });
  expect(parsed(await stepline(["schedules", "resume", schedule.body.id, "--json"]))).toMatchObject({ paused: false });
});

it("sets a secret with the hosts it may be sent to, and lists it without its value", async () => {
  const value = "cli-secret-value-5e6f";
  const set = parsed(
    await stepline([
      "variables",
      "set",
      "prod",
      "TOKEN",
      "--value",
      value,
      "--secret",
      "--allowed-hosts",
      "API.example.com, *.example.net",
      "--json",
    ]),
  );
  expect(set).toMatchObject({ name: "TOKEN", secret: true, value: null, allowed_hosts: ["api.example.com", "*.example.net"] });
  await stepline(["variables", "set", "prod", "REGION", "--value", "eu"]);
  const listed = await stepline(["variables", "list", "prod"]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(/TOKEN\s+secret \(set\)\s+api\.example\.com, \*\.example\.net/);
  expect(listed.stdout).toMatch(/REGION\s+eu/);
  expect(listed.stdout).not.toContain(value);

  const bad = await stepline([
    "variables",
    "set",
    "prod",
    "TOKEN",
    "--value",
    value,
    "--secret",
    "--allowed-hosts",
    "ok.example.com,https://x.example.com/",
  ]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("allowed_hosts[1]");
  expect(parsed(await stepline(["variables", "list", "prod", "--json"])).data[1].allowed_hosts).toEqual([
    "api.example.com",
    "*.example.net",
  ]);
  expect((await stepline(["variables", "set", "prod", "REGION", "--value", "eu", "--allowed-hosts", "a.example.com"])).code).toBe(2);

  const narrowed = await stepline(["variables", "hosts", "prod", "TOKEN", "--allowed-hosts", "api.example.org"]);
  expect(narrowed.stdout).toBe("Secret TOKEN in prod may be sent to api.example.org\n");
  expect(parsed(await stepline(["variables", "hosts", "prod", "TOKEN", "--any-host", "--json"])).allowed_hosts).toBeNull();
  expect((await stepline(["variables", "hosts", "prod", "TOKEN"])).code).toBe(2);
  expect((await stepline(["variables", "hosts", "prod", "REGION", "--allowed-hosts", "a.example.com"])).stderr).toContain(
    "REGION is not secret",
  );
});

it("exits 1 with the API's message when the API refuses, and 2 for a usage mistake", async () => {
  const missing = await stepline(["runs", "get", "no-such-run"]);
  expect(missing.code).toBe(1);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toMatch(/^Error: run no-such-run was not found \(RUN_NOT_FOUND, HTTP 404\)\n {2}request id [0-9a-f-]{36}\n$/);

  const asJson = await stepline(["runs", "get", "no-such-run", "--json"]);
  expect(asJson.code).toBe(1);
  expect(JSON.parse(asJson.stdout)).toMatchObject({
    error: { code: "RUN_NOT_FOUND", status: 404, message: "run no-such-run was not found" },
  });

  const invalid = await stepline([
    "workflows",
    "create",
    "-f",
    definition("broken.json", { name: "broken", steps: [{ id: "a", type: "transfrom" }] }),
  ]);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toMatch(/VALIDATION_FAILED, HTTP 400\)\n {2}steps\[0\]\.type: unknown step type "transfrom"/);

  for (const args of [
    ["runs", "get"],
    ["runs", "frob"],
    ["runs", "list", "--bogus"],
    ["runs", "start", "x", "--input", "{nope"],
  ]) {
    const exit = await stepline(args);
    expect(exit.code, args.join(" ")).toBe(2);
    expect(exit.stderr, args.join(" ")).not.toBe("");
  }
});

describe("stepline keys and audit", () => {
  it("creates a run key that expires, which can start runs but not change workflows; lists, revokes and audits it", async () => {
    const created = parsed(await stepline(["keys", "create", "starter", "--scope", "run", "--expires", "90d", "--json"]));
    expect(created).toMatchObject({ name: "starter", scopes: ["run"], key: expect.stringMatching(/^sk_/) });
    const days = (Date.parse(created.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const human = await stepline(["keys", "create", "reader", "--scope", "read"]);
    expect(human.stdout).toMatch(/\n {2}sk_\S+\n\nThis is the only time the secret is shown\./);

    const wf = await call("POST", "/v1/workflows", { name: "cli keys", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const asStarter = { env: { STEPLINE_KEY: created.key } };
    const run = parsed(await stepline(["runs", "start", wf.body.id, "--json"], asStarter));
    expect(run.workflow_id).toBe(wf.body.id);
    const refused = await stepline(["workflows", "create", "-f", definition("again.json", { name: "x", steps: [] })], asStarter);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs the "write" scope');
    expect(refused.stderr).toContain("INSUFFICIENT_SCOPE, HTTP 403");

    const listed = await stepline(["keys", "list"]);
    expect(listed.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+PREFIX\s+SCOPES\s+EXPIRES\s+LAST USED\s+STATE$/);
    const starterLine = listed.stdout.split("\n").find((line) => line.startsWith(created.id));
    expect(starterLine).toMatch(/starter\s+sk_\S+\s+run\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+active$/);

    expect((await stepline(["keys", "revoke", created.id])).stdout).toBe(`Key ${created.id} (starter) is revoked\n`);
    const afterRevoke = await stepline(["runs", "list"], asStarter);
    expect(afterRevoke.code).toBe(1);
    expect(afterRevoke.stderr).toContain("HTTP 401");

    const audit = parsed(await stepline(["audit", "--resource", `key:${created.id}`, "--json"]));
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(["key.revoked", "key.created"]);
    const table = await stepline(["audit", "--action", "key.revoked"]);
    expect(table.stdout).toContain(`key.revoked  key:${created.id}`);

    const mistake = await stepline(["keys", "create", "bad", "--scope", "owner"]);
    expect(mistake.code).toBe(2);
    expect(mistake.stderr).toContain("--scope owner is not one of read, run, write, admin");
  });
});
