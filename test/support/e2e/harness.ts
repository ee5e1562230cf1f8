import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { JWT_SECRET } from "../fixtures";

/**
 * The end-to-end harness: a real `wrangler dev` (workerd, local D1, Durable Objects and
 * queues) driven over HTTP from Node, plus a small HTTP receiver for webhooks and counters.
 * Every server runs in its own process group so that stop() and kill() reach workerd too.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const BIN = path.join(ROOT, "node_modules/.bin");
const WRANGLER = path.join(BIN, "wrangler");

export const E2E_ADMIN_TOKEN = "e2e-admin-token";

const DEFAULT_VARS: Record<string, string> = {
  ADMIN_TOKEN: E2E_ADMIN_TOKEN,
  JWT_SECRET,
  SECRETS_KEY: "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=",
  ALLOW_PRIVATE_NETWORK: "true",
};

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

// wrangler's `#!/usr/bin/env node` must find the Node 22 the project installs, not the system one.
const childEnv = (registry?: string): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
  WRANGLER_SEND_METRICS: "false",
  CI: "1",
  ...(registry ? { WRANGLER_REGISTRY_PATH: registry } : {}),
});

export interface StartOptions {
  /** The state folder (D1, Durable Objects); default: a fresh folder under `.e2e/`. */
  persistTo?: string;
  /** Extra or replacement `--var NAME:VALUE` bindings. */
  vars?: Record<string, string>;
  /** Preferred port; a free one is chosen when it is taken or not given. */
  port?: number;
  /** Another Worker's wrangler config, run instead of Stepline (no migrations; ready once it answers at all). */
  config?: string;
  /**
   * A dev registry folder of its own: Workers started with the same one reach each other over
   * service bindings, and never a `stepline` someone else runs on the machine.
   */
  registry?: string;
}

export interface Stepline {
  url: string;
  port: number;
  persistTo: string;
  pid: number;
  /** The admin token this server was started with. */
  adminToken: string;
  /** The last lines wrangler printed, for failure messages. */
  output(): string;
  /** SIGTERM to the whole process group; resolves once every process in it is gone. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group, as a crash would. */
  kill(): Promise<void>;
  /** Stops this server if it still runs, then starts another on the same state (and port, if free). */
  restart(): Promise<Stepline>;
}

// Servers still running when Node exits (a failed hook, an interrupted run) are killed here.
const running = new Set<number>();
process.on("exit", () => {
  for (const pid of running) signalGroup(pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

const groupAlive = (pid: number): boolean => signalGroup(pid, 0 as unknown as NodeJS.Signals);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRANGLER, args, { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** Applies the D1 migrations to the local database in `persistTo`. */
export async function migrate(persistTo: string): Promise<void> {
  const result = await run(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  if (result.code !== 0) throw new Error(`applying migrations failed (exit ${result.code}):\n${result.output}`);
}

/** Keeps the last `max` characters a process printed; everything also goes to a log file. */
function capture(child: ChildProcess, logFile: string, max = 20_000) {
  const log = createWriteStream(logFile, { flags: "a" });
  let tail = "";
  const add = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-max);
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  child.once("close", () => log.end());
  return () => tail;
}

/** Stepline is ready when /healthz answers 200; another Worker once it answers anything but a 5xx. */
async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, stepline: boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(stepline ? `${url}/healthz` : url, { signal: AbortSignal.timeout(2_000) });
      if (stepline ? res.ok : res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`wrangler dev did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

/** Resolves once the child has exited and no process of its group is left. */
async function waitForGroupExit(child: ChildProcess, pid: number, timeoutMs: number): Promise<boolean> {
  const exited =
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + timeoutMs;
  await Promise.race([exited, sleep(timeoutMs)]);
  while (Date.now() < deadline) {
    if ((child.exitCode !== null || child.signalCode !== null) && !groupAlive(pid)) return true;
    await sleep(50);
  }
  return false;
}

/**
 * Starts Stepline under `wrangler dev` on a free port, with migrations applied to its state
 * folder, and resolves once `GET /healthz` answers.
 *
 * @example
 *   const server = await startStepline();
 *   const { call } = await newE2eApp(server.url);
 *   await server.stop();
 */
export async function startStepline(options: StartOptions = {}): Promise<Stepline> {
  const persistTo = path.resolve(ROOT, options.persistTo ?? path.join(".e2e", `${Date.now()}-${randomBytes(4).toString("hex")}`));
  mkdirSync(persistTo, { recursive: true });
  const stepline = options.config === undefined;
  if (stepline) await migrate(persistTo);

  const port = options.port !== undefined && (await portIsFree(options.port)) ? options.port : await freePort();
  const vars = { ...DEFAULT_VARS, ...options.vars };
  const args = [
    "dev",
    ...(stepline ? [] : ["--config", options.config as string]),
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(await freePort()),
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
    ...(stepline ? Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]) : []),
  ];
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: childEnv(options.registry), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid === undefined) throw new Error("wrangler dev did not start");
  running.add(pid);
  const output = capture(child, path.join(persistTo, "wrangler.log"));
  const url = `http://127.0.0.1:${port}`;

  const end = async (signal: NodeJS.Signals) => {
    signalGroup(pid, signal);
    if (!(await waitForGroupExit(child, pid, STOP_TIMEOUT_MS))) {
      signalGroup(pid, "SIGKILL");
      await waitForGroupExit(child, pid, STOP_TIMEOUT_MS);
    }
    running.delete(pid);
  };

  try {
    await waitUntilHealthy(url, child, output, stepline);
  } catch (error) {
    await end("SIGKILL");
    throw error;
  }

  const handle: Stepline = {
    url,
    port,
    persistTo,
    pid,
    adminToken: vars.ADMIN_TOKEN,
    output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
    restart: async () => {
      if (running.has(pid)) await end("SIGTERM");
      return startStepline({ ...options, persistTo, port });
    },
  };
  return handle;
}

/** Another Worker (one that calls Stepline over a service binding, say) under its own `wrangler dev`. */
export const startWorker = (config: string, options: Omit<StartOptions, "config"> = {}): Promise<Stepline> =>
  startStepline({ ...options, config });

/** A response body read field by field in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the body's fields directly
export type Body = any;

export interface E2eAnswer {
  status: number;
  body: Body;
  headers: Headers;
  text: string;
}

/** One request to a running server; a body that is not a string is sent as JSON. */
export async function call(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<E2eAnswer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await fetch(`${url}${route}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** A request with the admin token. */
export const adminCall = (url: string, method: string, route: string, body?: unknown, token = E2E_ADMIN_TOKEN) =>
  call(url, method, route, body, { authorization: `Bearer ${token}` });

export type E2eCall = (method: string, route: string, body?: unknown, headers?: Record<string, string>) => Promise<E2eAnswer>;

/** A fresh app with an API key on a running server, and a `call` that sends the key. */
export async function newE2eApp(
  url: string,
  name = "e2e app",
  token = E2E_ADMIN_TOKEN,
): Promise<{ id: string; key: string; call: E2eCall }> {
  const app = await adminCall(url, "POST", "/v1/admin/apps", { name }, token);
  if (app.status !== 201) throw new Error(`creating an app failed (${app.status}): ${app.text}`);
  const key = await adminCall(url, "POST", `/v1/admin/apps/${app.body.id}/keys`, { name: "e2e key" }, token);
  if (key.status !== 201) throw new Error(`creating a key failed (${key.status}): ${key.text}`);
  return {
    id: app.body.id,
    key: key.body.key,
    call: (method, route, body, headers = {}) => call(url, method, route, body, { "x-api-key": key.body.key, ...headers }),
  };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface ReceiverAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Resolves with the requests once at least `count` have arrived (optionally matching `path`). */
  waitFor(count: number, options?: { path?: string; timeoutMs?: number }): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that records every request and answers with what `handler`
 * returns (default: 200 `{"ok":true}`). For webhook and counter tests.
 */
export async function startReceiver(
  handler: (request: ReceivedRequest) => ReceiverAnswer | Promise<ReceiverAnswer> = () => ({}),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received: ReceivedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      at: Date.now(),
    };
    requests.push(received);
    try {
      const answer = await handler(received);
      const body = answer.body === undefined ? { ok: true } : answer.body;
      const text = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(answer.status ?? 200, {
        "content-type": typeof body === "string" ? "text/plain" : "application/json",
        ...answer.headers,
      });
      res.end(text);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    async waitFor(count, { path: only, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = only === undefined ? requests : requests.filter((r) => r.path === only);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`expected ${count} requests${only ? ` to ${only}` : ""}, got ${matching.length}`);
        await sleep(20);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
