#!/usr/bin/env node
// `npm run bench`: Stepline and a Cloudflare Workflows reference doing the same work, measured
// interleaved in one `wrangler dev` process (bench/wrangler.bench.toml). Prints a table with
// the Stepline/reference ratio of each figure and writes bench/results/latest.json.
//
//   npm run bench                 everything
//   npm run bench -- --only=steps,throughput    some phases (steps, throughput, sleep, get, webhooks, memory)
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "..");
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));
const only = args.only ? new Set(args.only.split(",")) : null;
const wants = (phase) => !only || only.has(phase);
const ADMIN = `bench-${randomBytes(8).toString("hex")}`;

// ---- the collector: completions pushed by both engines ----------------------------------------

const waiters = new Map();
const arrivals = new Map();
let deliveries = 0;
const collector = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    const now = performance.timeOrigin + performance.now();
    if (req.url === "/done") {
      const msg = JSON.parse(body);
      arrivals.set(msg.id, { at: now, ...msg });
      waiters.get(msg.id)?.(arrivals.get(msg.id));
      waiters.delete(msg.id);
    } else if (req.url === "/webhook") {
      deliveries += 1;
    }
    res.writeHead(200).end("ok");
  });
});
await new Promise((r) => collector.listen(0, "127.0.0.1", r));
const collectorUrl = `http://127.0.0.1:${collector.address().port}`;
const arrival = (id, timeoutMs = 120_000) =>
  arrivals.has(id)
    ? Promise.resolve(arrivals.get(id))
    : new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`run ${id} never reported completion`)), timeoutMs);
        waiters.set(id, (v) => {
          clearTimeout(t);
          resolve(v);
        });
      });

// ---- wrangler dev ----------------------------------------------------------------------------

const persist = path.join(root, ".bench-state");
rmSync(persist, { recursive: true, force: true });
mkdirSync(persist, { recursive: true });
const wranglerBin = path.join(root, "node_modules", ".bin", "wrangler");
const config = path.join(root, "bench", "wrangler.bench.toml");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };
const migrate = spawnSync(wranglerBin, ["d1", "migrations", "apply", "DB", "--local", "-c", config, "--persist-to", persist], {
  env,
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);

const port = 20000 + Math.floor(Math.random() * 20000);
const vars = {
  ADMIN_TOKEN: ADMIN,
  JWT_SECRET: randomBytes(32).toString("hex"),
  SECRETS_KEY: randomBytes(32).toString("base64"),
  ALLOW_PRIVATE_NETWORK: "true",
};
const dev = spawn(
  wranglerBin,
  [
    "dev",
    "-c",
    config,
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persist,
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ],
  { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
);
let devLog = "";
dev.stdout.on("data", (d) => {
  devLog += d;
});
dev.stderr.on("data", (d) => {
  devLog += d;
});
const base = `http://127.0.0.1:${port}`;
const stopDev = () => {
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {}
};
process.on("exit", stopDev);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (i > 600) throw new Error(`wrangler dev did not start:\n${devLog}`);
  await sleep(100);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function api(method, url, body, headers = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${url} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const app = await api("POST", "/v1/admin/apps", { name: "bench" }, { authorization: `Bearer ${ADMIN}` });
const { key } = await api("POST", `/v1/admin/apps/${app.id}/keys`, { name: "bench" }, { authorization: `Bearer ${ADMIN}` });
const auth = { "x-api-key": key };

// ---- the same work on both engines --------------------------------------------------------------

const workflows = new Map();
async function steplineWorkflow(n, sleepMs) {
  const keyName = `${n}:${sleepMs}`;
  if (workflows.has(keyName)) return workflows.get(keyName);
  // n steps in all: mark, n - 2 transforms, notify (the sleep, when there is one, is extra).
  const steps = [{ id: "mark", type: "transform", config: { value: "{{ $millis() }}" } }];
  for (let i = 0; i < n - 2; i++) steps.push({ id: `s${i}`, type: "transform", config: { value: i === 0 ? 1 : "{{ prev + 1 }}" } });
  if (sleepMs > 0) steps.push({ id: "nap", type: "sleep", config: { duration: sleepMs } });
  steps.push({
    id: "notify",
    type: "http",
    config: {
      method: "POST",
      url: `${collectorUrl}/done`,
      body: { id: "{{ run.id }}", t0: "{{ steps.mark.output }}", value: n > 2 ? `{{ steps.s${n - 3}.output }}` : 0 },
    },
  });
  const wf = await api("POST", "/v1/workflows", { name: `bench ${keyName}`, steps }, auth);
  workflows.set(keyName, wf.id);
  return wf.id;
}

/** Starts one run and resolves with its end-to-end time (request sent -> completion pushed). */
const engines = {
  async stepline(n, sleepMs = 0) {
    const wf = await steplineWorkflow(n, sleepMs);
    const start = performance.timeOrigin + performance.now();
    const run = await api("POST", `/v1/workflows/${wf}/runs`, { input: {} }, auth);
    const done = await arrival(run.id);
    return { id: run.id, e2e: done.at - start, t0: done.t0, at: done.at };
  },
  async reference(n, sleepMs = 0) {
    const id = `ref-${randomBytes(8).toString("hex")}`;
    const start = performance.timeOrigin + performance.now();
    await api("POST", "/bench/reference/runs", { id, n, sleepMs, collector: collectorUrl });
    const done = await arrival(id);
    return { id, e2e: done.at - start, t0: done.t0, at: done.at };
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
/** Least-squares slope of y over x. */
const slope = (points) => {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  return points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
};

const results = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`, figures: {} };
const figure = (name, unit, stepline, reference, better) => {
  results.figures[name] = { unit, stepline, reference, ratio: reference ? stepline / reference : null, better };
  const fmt = (v) => (v === null || v === undefined ? "-" : v >= 100 ? v.toFixed(0) : v.toFixed(2));
  const ratio = reference ? (stepline / reference).toFixed(2) : "-";
  console.log(`${name.padEnd(34)} ${fmt(stepline).padStart(10)} ${fmt(reference).padStart(10)} ${ratio.padStart(8)}  ${unit}`);
};

console.log(`\nStepline vs Cloudflare Workflows (reference), wrangler dev, ${results.machine}\n`);
console.log(`${"figure".padEnd(34)} ${"stepline".padStart(10)} ${"reference".padStart(10)} ${"ratio".padStart(8)}  unit`);

// Warm both engines (module compile, first D1 and object use) before measuring.
for (let i = 0; i < 3; i++) {
  await engines.stepline(10);
  await engines.reference(10);
}

if (wants("steps")) {
  const sizes = [2, 10, 100, 500];
  const samples = { stepline: [], reference: [] };
  for (const n of sizes) {
    for (const engine of ["stepline", "reference"]) {
      const times = [];
      for (let rep = 0; rep < 3; rep++) times.push((await engines[engine](n)).e2e);
      samples[engine].push([n, median(times)]);
    }
  }
  for (const engine of ["stepline", "reference"]) results[`chain_${engine}`] = samples[engine];
  figure("per-step overhead (slope)", "ms/step", slope(samples.stepline), slope(samples.reference), "lower");
  for (const [i, n] of sizes.entries())
    figure(`  chain of ${n} (median e2e)`, "ms", samples.stepline[i][1], samples.reference[i][1], "lower");
}

async function throughput(engine, total, inFlight) {
  const latencies = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next += 1;
        latencies.push((await engines[engine](3)).e2e);
      }
    }),
  );
  return { rps: (total * 1000) / (performance.now() - start), p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

if (wants("throughput")) {
  const total = Number(args.runs ?? 1000);
  const s = await throughput("stepline", total, 20);
  const r = await throughput("reference", total, 20);
  figure(`throughput (${total} x 3 steps, 20 in flight)`, "runs/s", s.rps, r.rps, "higher");
  figure("  end-to-end latency p50", "ms", s.p50, r.p50, "lower");
  figure("  end-to-end latency p99", "ms", s.p99, r.p99, "lower");
}

if (wants("sleep")) {
  const lateness = { stepline: [], reference: [] };
  for (let batch = 0; batch < 5; batch++) {
    for (const engine of ["stepline", "reference"]) {
      const done = await Promise.all(Array.from({ length: 10 }, () => engines[engine](2, 1000)));
      for (const d of done) lateness[engine].push(d.at - d.t0 - 1000);
    }
  }
  figure("sleep lateness p50 (1 s sleep)", "ms", pct(lateness.stepline, 50), pct(lateness.reference, 50), "lower");
  figure("sleep lateness p99", "ms", pct(lateness.stepline, 99), pct(lateness.reference, 99), "lower");
}

async function cannon(url, rate) {
  const result = await autocannon({ url, connections: 10, overallRate: rate, duration: Number(args.seconds ?? 20), headers: auth });
  return { p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, rps: result.requests.average };
}

if (wants("get")) {
  const s = await engines.stepline(3);
  const r = await engines.reference(3);
  const rate = Number(args.rate ?? 200);
  const sg = await cannon(`${base}/v1/runs/${s.id}`, rate);
  const rg = await cannon(`${base}/bench/reference/runs/${r.id}`, rate);
  figure(`GET run p50 at ${rate} req/s`, "ms", sg.p50, rg.p50, "lower");
  figure(`GET run p99 at ${rate} req/s`, "ms", sg.p99, rg.p99, "lower");
  results.figures.get_errors = { stepline: sg.errors, reference: rg.errors };
}

if (wants("webhooks")) {
  const count = Number(args.webhooks ?? 300);
  const wf = await api(
    "POST",
    "/v1/workflows",
    { name: "bench webhooks", webhook_url: `${collectorUrl}/webhook`, steps: [{ id: "a", type: "transform", config: { value: 1 } }] },
    auth,
  );
  await Promise.all(Array.from({ length: 10 }, () => api("POST", `/v1/workflows/${wf.id}/runs`, {}, auth)));
  while (deliveries < 10) await sleep(20);
  deliveries = 0;
  const start = performance.now();
  for (let i = 0; i < count; i += 20)
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => api("POST", `/v1/workflows/${wf.id}/runs`, {}, auth)));
  const deadline = Date.now() + 120_000;
  while (deliveries < count && Date.now() < deadline) await sleep(20);
  figure(`webhook deliveries (${count} runs)`, "per s", (deliveries * 1000) / (performance.now() - start), null, "higher");
}

function workerdRss() {
  const out = spawnSync("ps", ["-eo", "pid,pgid,rss,comm"], { encoding: "utf8" }).stdout;
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, pgid, , comm]) => Number(pgid) === dev.pid && comm === "workerd")
    .reduce((sum, [, , rss]) => sum + Number(rss) / 1024, 0);
}

if (wants("memory")) {
  const count = Number(args.sleepers ?? 1000);
  const before = workerdRss();
  const wf = await steplineWorkflow(2, 3_600_000);
  for (let i = 0; i < count; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => api("POST", `/v1/workflows/${wf}/runs`, {}, auth)));
  await sleep(2000);
  const afterStepline = workerdRss();
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () =>
        api("POST", "/bench/reference/runs", {
          id: `sleep-${randomBytes(8).toString("hex")}`,
          n: 2,
          sleepMs: 3_600_000,
          collector: collectorUrl,
        }),
      ),
    );
  }
  await sleep(2000);
  const afterReference = workerdRss();
  figure(`workerd RSS growth, ${count} runs asleep`, "MiB", afterStepline - before, afterReference - afterStepline, "lower");
  results.figures.rss_total_mib = { stepline: afterStepline, reference: afterReference };
}

mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results/latest.json`);
stopDev();
collector.close();
rmSync(persist, { recursive: true, force: true });
process.exit(0);
