// The startup phase: what a new isolate pays before it answers. `wrangler check startup` runs
// the Worker's global scope under the CPU profiler (the figure Cloudflare holds a deployment to);
// a bare Hono Worker built by the same wrangler in the same run is the floor. The build's
// metafile names the largest inputs of the bundle, and fresh `wrangler dev` processes time the
// first request an isolate answers: a run start, and a run read.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, migrate, spawnDev } from "./harness.mjs";

const wranglerEnv = () => ({ ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" });

function wrangler(root, args) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "wrangler"), args, {
    cwd: root,
    env: wranglerEnv(),
    encoding: "utf8",
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colours of wrangler's output
  const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${output}`);
  return output;
}

/** Bundles the Worker of `config` as deploy would, with esbuild's metafile beside it. */
function build(root, config, dir, name) {
  const bundle = path.join(dir, `${name}.bundle`);
  const metafile = path.join(dir, `${name}.meta.json`);
  wrangler(root, ["deploy", "--dry-run", "-c", config, "--outfile", bundle, "--metafile", metafile]);
  return { config, bundle, metafile };
}

/** One `wrangler check startup` of a built bundle: active CPU, its garbage collection, sizes. */
function checkStartup(root, worker, dir) {
  const output = wrangler(root, [
    "check",
    "startup",
    "-c",
    worker.config,
    "--worker",
    worker.bundle,
    "--outfile",
    path.join(dir, "startup.cpuprofile"),
  ]);
  const active = output.match(/Active: ([\d.]+) ms \(including ([\d.]+) ms garbage collection\)/);
  const bundle = output.match(/Bundle: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/);
  if (!active || !bundle) throw new Error(`unexpected output of wrangler check startup:\n${output}`);
  return { activeMs: Number(active[1]), gcMs: Number(active[2]), bundleKiB: Number(bundle[1]), gzipKiB: Number(bundle[2]) };
}

/** The inputs that take most of the bundle, from esbuild's metafile. */
function largestInputs(metafile, count) {
  const meta = JSON.parse(readFileSync(metafile, "utf8"));
  const [, output] = Object.entries(meta.outputs).find(([file]) => file.endsWith(".js"));
  return Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, kib: Number((bytesInOutput / 1024).toFixed(1)) }))
    .sort((a, b) => b.kib - a.kib)
    .slice(0, count);
}

/**
 * The first request of fresh `wrangler dev` processes over one local state: a run start in
 * some, a run read in others. A first process makes the app, key, workflow and run they use,
 * so neither timed request follows any other in its process.
 */
async function firstRequests(root, dir, vars, rounds) {
  const config = path.join(root, "wrangler.toml");
  const persist = path.join(dir, "state");
  migrate(root, config, persist);
  const call = async (base, method, url, body, headers) => {
    const started = performance.now();
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${text}`);
    return { ms: performance.now() - started, body: JSON.parse(text) };
  };
  const withDev = async (work) => {
    const dev = spawnDev(root, config, persist, vars);
    try {
      await dev.ready;
      return await work(dev.base);
    } finally {
      dev.stop();
      await dev.exited;
    }
  };
  const admin = { authorization: `Bearer ${vars.ADMIN_TOKEN}` };
  const setup = await withDev(async (base) => {
    const app = (await call(base, "POST", "/v1/admin/apps", { name: "startup" }, admin)).body;
    const { key } = (await call(base, "POST", `/v1/admin/apps/${app.id}/keys`, { name: "startup" }, admin)).body;
    const auth = { "x-api-key": key };
    const steps = [{ id: "a", type: "transform", config: { value: 1 } }];
    const workflow = (await call(base, "POST", "/v1/workflows", { name: "startup", steps }, auth)).body;
    const run = (await call(base, "POST", `/v1/workflows/${workflow.id}/runs`, { input: {} }, auth)).body;
    return { auth, workflow: workflow.id, run: run.id };
  });
  const samples = { run_start: [], run_read: [] };
  for (let i = 0; i < rounds; i++) {
    samples.run_start.push(
      await withDev(async (base) => (await call(base, "POST", `/v1/workflows/${setup.workflow}/runs`, { input: {} }, setup.auth)).ms),
    );
    samples.run_read.push(await withDev(async (base) => (await call(base, "GET", `/v1/runs/${setup.run}`, undefined, setup.auth)).ms));
  }
  return samples;
}

/** Runs the phase; resolves with the figures `bench/results/latest.json` keeps under `startup`. */
export async function measureStartup({ root, runs, rounds, vars }) {
  const dir = path.join(root, ".bench-startup");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const compatibilityDate = readFileSync(path.join(root, "wrangler.toml"), "utf8").match(/^compatibility_date = "(.+)"$/m)[1];
  const bareConfig = path.join(dir, "wrangler.bare.toml");
  writeFileSync(
    bareConfig,
    `name = "bare-hono"\nmain = ${JSON.stringify(path.join(root, "bench", "bare-hono.ts"))}\ncompatibility_date = "${compatibilityDate}"\n`,
  );
  const workers = {
    stepline: build(root, path.join(root, "wrangler.toml"), dir, "stepline"),
    bare_hono: build(root, bareConfig, dir, "bare-hono"),
  };
  // Alternating, so a change of the machine's load reaches both alike.
  const samples = { stepline: [], bare_hono: [] };
  for (let i = 0; i < runs; i++) for (const name of Object.keys(samples)) samples[name].push(checkStartup(root, workers[name], dir));
  const summary = (list) => ({
    active_ms: median(list.map((s) => s.activeMs)),
    // Other work on the machine only ever adds to a sample: the fastest is the least disturbed.
    active_ms_min: Math.min(...list.map((s) => s.activeMs)),
    gc_ms: median(list.map((s) => s.gcMs)),
    bundle_kib: list[0].bundleKiB,
    gzip_kib: list[0].gzipKiB,
    active_ms_samples: list.map((s) => s.activeMs),
  });
  const largest = largestInputs(workers.stepline.metafile, 10);
  const first = await firstRequests(root, dir, vars, rounds);
  rmSync(dir, { recursive: true, force: true });
  return {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`,
    runs,
    stepline: summary(samples.stepline),
    bare_hono: summary(samples.bare_hono),
    largest_inputs: largest,
    first_request_ms: {
      run_start: median(first.run_start),
      run_read: median(first.run_read),
      run_start_min: Math.min(...first.run_start),
      run_read_min: Math.min(...first.run_read),
      run_start_samples: first.run_start.map((ms) => Number(ms.toFixed(1))),
      run_read_samples: first.run_read.map((ms) => Number(ms.toFixed(1))),
    },
  };
}

/** Prints what `measureStartup` found. */
export function printStartup(startup) {
  const row = (name, s) =>
    console.log(
      `${name.padEnd(12)} ${s.active_ms.toFixed(1).padStart(9)} ms active (${s.gc_ms.toFixed(1)} ms GC, fastest ${s.active_ms_min.toFixed(1)})   bundle ${s.bundle_kib.toFixed(0)} KiB, ${s.gzip_kib.toFixed(0)} KiB gzipped   samples ${s.active_ms_samples.join(", ")}`,
    );
  console.log(`\nStartup (wrangler check startup, median of ${startup.runs}):`);
  row("stepline", startup.stepline);
  row("bare Hono", startup.bare_hono);
  console.log("\nLargest inputs of the bundle:");
  for (const { input, kib } of startup.largest_inputs) console.log(`${kib.toFixed(1).padStart(9)} KiB  ${input}`);
  const { run_start, run_read, run_start_samples, run_read_samples } = startup.first_request_ms;
  console.log("\nFirst request of a fresh wrangler dev (median):");
  console.log(`  run start ${run_start.toFixed(0).padStart(6)} ms   samples ${run_start_samples.join(", ")}`);
  console.log(`  run read  ${run_read.toFixed(0).padStart(6)} ms   samples ${run_read_samples.join(", ")}`);
}
