#!/usr/bin/env node
// `npm run bench`: Stepline and a Cloudflare Workflows reference doing the same work, measured
// interleaved in one `wrangler dev` process (bench/wrangler.bench.toml). Prints a table with
// the Stepline/reference ratio of each figure, the cost breakdown of a run and the cost of a
// million runs, and writes bench/results/latest.json.
//
//   npm run bench                                  everything
//   npm run bench -- --only=steps,throughput       some phases (startup, steps, http, throughput, cost, scale, sleep, get,
//                                                  webhooks, memory); the figures of the others stay as latest.json had them
//   npm run bench -- --only=startup --startups=5   startup: `wrangler check startup` runs per Worker (median reported)
//   npm run bench -- --only=scale --apps=8 --scaleRuns=160   scale: apps, runs
//   npm run bench -- --runs=250 --rounds=6         throughput: runs per round and engine, rounds (medians reported)
//   npm run bench -- --state=/dev/shm/x            local state on a RAM disk
//   npm run bench -- --only=throughput --profile   also profiles the first throughput round of each engine (and
//                                                  Stepline's http chains), writes bench/results/*.cpuprofile
//                                                  and prints the functions with most self time
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { measureCost } from "./cost-phase.mjs";
import { median, pct, randomId, sleep, slope, startCollector, startWrangler, workerdUsage } from "./harness.mjs";
import { loadSourceMap, mapToSources, profile, topSelf } from "./profile.mjs";
import { measureScale } from "./scale-phase.mjs";
import { measureStartup, printStartup } from "./startup-phase.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = Object.fromEntries(process.argv.slice(2).map((a) => [...a.replace(/^--/, "").split("="), "true"].slice(0, 2)));
const only = args.only ? new Set(args.only.split(",")) : null;
const wants = (phase) => !only || only.has(phase);
const ADMIN = `bench-${randomBytes(8).toString("hex")}`;
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });

const vars = {
  ADMIN_TOKEN: ADMIN,
  JWT_SECRET: randomBytes(32).toString("hex"),
  SECRETS_KEY: randomBytes(32).toString("base64"),
  ALLOW_PRIVATE_NETWORK: "true",
  // Purged runs' tombstones expire within the cost phase, so their deletion is counted too.
  TOMBSTONE_TTL: "2s",
};
const latestFile = path.join(resultsDir, "latest.json");

/** Writes latest.json; a run of some phases keeps what the file said of the others. */
function writeResults(results) {
  const earlier = only && existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, "utf8")) : {};
  const merged = {
    ...earlier,
    ...results,
    load: { ...earlier.load, ...results.load },
    figures: { ...earlier.figures, ...results.figures },
  };
  writeFileSync(latestFile, `${JSON.stringify(merged, null, 2)}\n`);
  console.log("wrote bench/results/latest.json");
}

// Before anything else starts: the phase times fresh processes of its own.
let startupResults = null;
if (wants("startup")) {
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  const startup = await measureStartup({ root, runs: Number(args.startups ?? 5), rounds: Number(args.firstRequests ?? 3), vars });
  printStartup(startup);
  if (only?.size === 1) {
    writeResults({ load: { startup: load }, startup });
    process.exit(0);
  }
  startupResults = { load, startup };
}

const collector = await startCollector();
const persist = args.state ?? path.join(root, ".bench-state");
const dev = await startWrangler(root, persist, vars);
const { base } = dev;

async function api(method, url, body, headers = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 500) await sleep(1000).then(() => console.error(dev.log().slice(-3000)));
  if (res.status >= 400) throw new Error(`${method} ${url} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const app = await api("POST", "/v1/admin/apps", { name: "bench" }, { authorization: `Bearer ${ADMIN}` });
const { key } = await api("POST", `/v1/admin/apps/${app.id}/keys`, { name: "bench" }, { authorization: `Bearer ${ADMIN}` });
const auth = { "x-api-key": key };

// ---- the same work on both engines --------------------------------------------------------------

const workflows = new Map();
/**
 * n steps in all: mark, n - 2 middle steps, notify (a sleep, when asked, is extra). Middle
 * steps are transforms, or with `http` real requests to the collector.
 */
async function steplineWorkflow(n, { sleepMs = 0, http = false, webhook = false } = {}) {
  const keyName = JSON.stringify([n, sleepMs, http, webhook]);
  if (workflows.has(keyName)) return workflows.get(keyName);
  const steps = [{ id: "mark", type: "transform", config: { value: "{{ $millis() }}" } }];
  for (let i = 0; i < n - 2; i++) {
    steps.push(
      http
        ? { id: `s${i}`, type: "http", config: { method: "POST", url: `${collector.url}/hit`, body: { id: "{{ run.id }}", i } } }
        : { id: `s${i}`, type: "transform", config: { value: i === 0 ? 1 : "{{ prev + 1 }}" } },
    );
  }
  if (sleepMs > 0) steps.push({ id: "nap", type: "sleep", config: { duration: sleepMs } });
  const last = n > 2 ? (http ? `{{ steps.s${n - 3}.output.status }}` : `{{ steps.s${n - 3}.output }}`) : 0;
  steps.push({
    id: "notify",
    type: "http",
    config: { method: "POST", url: `${collector.url}/done`, body: { id: "{{ run.id }}", t0: "{{ steps.mark.output }}", value: last } },
  });
  const body = { name: `bench ${keyName}`, steps, ...(webhook ? { webhook_url: `${collector.url}/hook` } : {}) };
  const wf = await api("POST", "/v1/workflows", body, auth);
  workflows.set(keyName, wf.id);
  return wf.id;
}

/** Starts one run and resolves with its end-to-end time (request sent -> completion pushed). */
const engines = {
  async stepline(n, options = {}) {
    const wf = await steplineWorkflow(n, options);
    const start = performance.timeOrigin + performance.now();
    const run = await api("POST", `/v1/workflows/${wf}/runs`, { input: {} }, auth);
    const done = await collector.arrival(run.id);
    return { id: run.id, e2e: done.at - start, t0: done.t0, at: done.at };
  },
  async reference(n, { sleepMs = 0, http = false } = {}) {
    const id = randomId("ref");
    const start = performance.timeOrigin + performance.now();
    const params = { id, n, sleepMs, collector: collector.url, ...(http ? { fetchUrl: `${collector.url}/hit` } : {}) };
    await api("POST", "/bench/reference/runs", params);
    const done = await collector.arrival(id);
    return { id, e2e: done.at - start, t0: done.t0, at: done.at };
  },
};

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`,
  state: args.state ? "RAM disk" : "local disk",
  load: startupResults ? { startup: startupResults.load } : {},
  figures: {},
  ...(startupResults ? { startup: startupResults.startup } : {}),
};
const figure = (name, unit, stepline, reference, better) => {
  results.figures[name] = { unit, stepline, reference, ratio: reference ? stepline / reference : null, better };
  const fmt = (v) => (v === null || v === undefined ? "-" : v >= 100 ? v.toFixed(0) : v.toFixed(2));
  const ratio = reference ? (stepline / reference).toFixed(2) : "-";
  console.log(`${name.padEnd(40)} ${fmt(stepline).padStart(10)} ${fmt(reference).padStart(10)} ${ratio.padStart(8)}  ${unit}`);
};
/** Other people's work shares this machine: every phase records the load it ran under. */
const noteLoad = (phase) => {
  results.load[phase] = os.loadavg().map((l) => Number(l.toFixed(2)));
};

console.log(`\nStepline vs Cloudflare Workflows (reference), wrangler dev, ${results.machine}, state on ${results.state}`);
console.log(
  `load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}\n`,
);
console.log(`${"figure".padEnd(40)} ${"stepline".padStart(10)} ${"reference".padStart(10)} ${"ratio".padStart(8)}  unit`);

// Warm both engines (module compile, first D1 and object use) before measuring.
for (let i = 0; i < 3; i++) {
  await engines.stepline(10);
  await engines.reference(10);
}

/** Median end-to-end time of chains of each size, per engine, alternating engines. */
async function chains(sizes, options) {
  const samples = { stepline: [], reference: [] };
  for (const n of sizes) {
    for (const engine of ["stepline", "reference"]) {
      const times = [];
      for (let rep = 0; rep < 3; rep++) times.push((await engines[engine](n, options)).e2e);
      samples[engine].push([n, median(times)]);
    }
  }
  return samples;
}

if (wants("steps")) {
  noteLoad("steps");
  const sizes = [2, 10, 100, 500];
  const samples = await chains(sizes, {});
  for (const engine of ["stepline", "reference"]) results[`chain_${engine}`] = samples[engine];
  figure("per-step overhead (slope)", "ms/step", slope(samples.stepline), slope(samples.reference), "lower");
  for (const [i, n] of sizes.entries())
    figure(`  chain of ${n} (median e2e)`, "ms", samples.stepline[i][1], samples.reference[i][1], "lower");
}

if (wants("http")) {
  noteLoad("http");
  // Each middle step is a real request to the collector, so its result must be stored before the next.
  const sizes = [2, 10, 25, 50];
  const samples = await chains(sizes, { http: true });
  for (const engine of ["stepline", "reference"]) results[`http_chain_${engine}`] = samples[engine];
  figure("http-step chain overhead (slope)", "ms/step", slope(samples.stepline), slope(samples.reference), "lower");
  figure(`  http chain of ${sizes.at(-1)} (median e2e)`, "ms", samples.stepline.at(-1)[1], samples.reference.at(-1)[1], "lower");
  if (args.profile) {
    const profiled = await profile(dev.inspectorPort, async () => {
      for (let i = 0; i < 5; i++) await engines.stepline(50, { http: true });
    });
    const mapped = mapToSources(profiled.profile, loadSourceMap(root));
    writeFileSync(path.join(resultsDir, "http-chain-stepline.cpuprofile"), JSON.stringify(mapped));
    console.log("\nCPU profile of five Stepline http chains of 50 (self time, ms):");
    for (const [name, us] of topSelf(mapped)) console.log(`${(us / 1000).toFixed(1).padStart(9)}  ${name}`);
  }
}

/** `total` runs of `n` steps, `inFlight` at a time: rate, latency percentiles and the ids. */
async function throughput(engine, total, inFlight, options = {}) {
  const latencies = [];
  const ids = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next += 1;
        const run = await engines[engine](options.n ?? 3, options);
        latencies.push(run.e2e);
        ids.push(run.id);
      }
    }),
  );
  return { rps: (total * 1000) / (performance.now() - start), p50: pct(latencies, 50), p99: pct(latencies, 99), ids };
}

if (wants("throughput")) {
  noteLoad("throughput");
  // Short rounds, engines alternating: the load other work puts on the machine changes within
  // minutes, and each pair of neighbouring rounds sees nearly the same.
  const total = Number(args.runs ?? 250);
  const rounds = Number(args.rounds ?? 6);
  const sourceMap = args.profile ? loadSourceMap(root) : null;
  const rows = { stepline: [], reference: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate which engine goes first, so a change of load hits both alike.
    for (const engine of round % 2 ? ["reference", "stepline"] : ["stepline", "reference"]) {
      const load = os.loadavg()[0];
      const cpuBefore = workerdUsage(dev.pgid).cpuSeconds;
      const work = () => throughput(engine, total, 20);
      let r;
      if (args.profile && round === 0) {
        const profiled = await profile(dev.inspectorPort, work);
        r = profiled.result;
        const mapped = mapToSources(profiled.profile, sourceMap);
        writeFileSync(path.join(resultsDir, `throughput-${engine}.cpuprofile`), JSON.stringify(mapped));
        console.log(`\nCPU profile of throughput-${engine} (self time, ms):`);
        for (const [name, us] of topSelf(mapped)) console.log(`${(us / 1000).toFixed(1).padStart(9)}  ${name}`);
        console.log();
      } else r = await work();
      const cpuMsPerRun = ((workerdUsage(dev.pgid).cpuSeconds - cpuBefore) * 1000) / total;
      rows[engine].push({ rps: r.rps, p50: r.p50, p99: r.p99, cpuMsPerRun, load });
    }
  }
  results.throughput_rounds = rows;
  const med = (engine, field) => median(rows[engine].map((row) => row[field]));
  figure(`throughput (${total} x 3 steps, 20 in flight)`, "runs/s", med("stepline", "rps"), med("reference", "rps"), "higher");
  figure("  end-to-end latency p50", "ms", med("stepline", "p50"), med("reference", "p50"), "lower");
  figure("  end-to-end latency p99", "ms", med("stepline", "p99"), med("reference", "p99"), "lower");
  figure("  workerd CPU per run", "ms", med("stepline", "cpuMsPerRun"), med("reference", "cpuMsPerRun"), "lower");
  const paired = median(rows.stepline.map((row, i) => row.rps / rows.reference[i].rps));
  results.throughput_paired_ratio = paired;
  console.log(`    ratio of each round's pair, median: ${paired.toFixed(2)}`);
  for (const engine of ["stepline", "reference"]) {
    const list = rows[engine].map((row) => `${row.rps.toFixed(1)} (p99 ${row.p99.toFixed(0)}, load ${row.load.toFixed(1)})`);
    console.log(`    ${engine} rounds: ${list.join(", ")}`);
  }
}

if (wants("cost")) {
  noteLoad("cost");
  const runs = Number(args.costRuns ?? 200);
  results.cost = await measureCost({ root, persist, base, api, auth, dev, collector, engines, steplineWorkflow, throughput, runs });
}

if (wants("scale")) {
  noteLoad("scale");
  results.scale = await measureScale({
    base,
    api,
    admin: { authorization: `Bearer ${ADMIN}` },
    collector,
    apps: Number(args.apps ?? 8),
    runs: Number(args.scaleRuns ?? 160),
  });
}

if (wants("sleep")) {
  noteLoad("sleep");
  const lateness = { stepline: [], reference: [] };
  for (let batch = 0; batch < 5; batch++) {
    for (const engine of ["stepline", "reference"]) {
      const done = await Promise.all(Array.from({ length: 10 }, () => engines[engine](2, { sleepMs: 1000 })));
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
  noteLoad("get");
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
  noteLoad("webhooks");
  const count = Number(args.webhooks ?? 300);
  const { state } = collector;
  // All first attempts are told to come back at one instant, after every run has been created.
  state.webhookRetryAt = Date.now() + 20_000 + count * 30;
  const wf = await api(
    "POST",
    "/v1/workflows",
    { name: "bench webhooks", webhook_url: `${collector.url}/webhook`, steps: [{ id: "a", type: "transform", config: { value: 1 } }] },
    auth,
  );
  for (let i = 0; i < count; i += 20)
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => api("POST", `/v1/workflows/${wf.id}/runs`, {}, auth)));
  const deadline = Date.now() + 180_000;
  while (state.delivered.length < count && Date.now() < deadline) await sleep(50);
  const span = (state.delivered.at(-1) - state.delivered[0]) / 1000;
  figure(
    `webhook deliveries (${state.delivered.length} retried together)`,
    "per s",
    state.delivered.length / Math.max(span, 0.001),
    null,
    "higher",
  );
}

if (wants("memory")) {
  noteLoad("memory");
  const count = Number(args.sleepers ?? 1000);
  const before = workerdUsage(dev.pgid).rssMiB;
  const wf = await steplineWorkflow(2, { sleepMs: 3_600_000 });
  for (let i = 0; i < count; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => api("POST", `/v1/workflows/${wf}/runs`, {}, auth)));
  await sleep(2000);
  const afterStepline = workerdUsage(dev.pgid).rssMiB;
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () =>
        api("POST", "/bench/reference/runs", { id: randomId("sleep"), n: 2, sleepMs: 3_600_000, collector: collector.url }),
      ),
    );
  }
  await sleep(2000);
  const afterReference = workerdUsage(dev.pgid).rssMiB;
  figure(`workerd RSS growth, ${count} runs asleep`, "MiB", afterStepline - before, afterReference - afterStepline, "lower");
  results.figures.rss_total_mib = { stepline: afterStepline, reference: afterReference };
}

results.load.end = os.loadavg().map((l) => Number(l.toFixed(2)));
console.log(`\nload average at the end: ${results.load.end.join(" ")}`);
writeResults(results);
dev.stop();
collector.close();
rmSync(persist, { recursive: true, force: true });
process.exit(0);
