// CPU profiles of the bench worker's isolate through wrangler's inspector, and the breakdown of
// a profile by component. Frames are mapped back to their source files with the bundle's source
// map, so the breakdown follows the code's layout rather than bundled line numbers.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

/** Samples the isolate's CPU while `work` runs; resolves with its result and the profile. */
export async function profile(inspectorPort, work) {
  const { default: WebSocket } = await import("ws");
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`, { origin: "http://localhost" });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let id = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 200 });
  await send("Profiler.start");
  const result = await work();
  const { profile: cpuProfile } = await send("Profiler.stop");
  ws.close();
  return { result, profile: cpuProfile };
}

/**
 * The source map of the bundle wrangler is serving (the newest one under bench/.wrangler), as
 * a function from a bundle position to the source file's path inside the repository.
 */
export function loadSourceMap(root) {
  const tmp = path.join(root, "bench", ".wrangler", "tmp");
  if (!existsSync(tmp)) return null;
  const maps = readdirSync(tmp)
    .map((d) => path.join(tmp, d, "worker.js.map"))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!maps.length) return null;
  const map = new SourceMap(JSON.parse(readFileSync(maps[0], "utf8")));
  const dir = path.dirname(maps[0]);
  const cache = new Map();
  return (line, column) => {
    const entry = map.findEntry(line, column);
    if (!entry?.originalSource) return null;
    if (!cache.has(entry.originalSource)) cache.set(entry.originalSource, path.relative(root, path.resolve(dir, entry.originalSource)));
    return { source: cache.get(entry.originalSource), line: entry.originalLine, column: entry.originalColumn };
  };
}

/**
 * Points the profile's frames at the source files (repository paths) instead of the bundle, so
 * a saved profile reads on its own, in DevTools or with `breakdown`.
 */
export function mapToSources(cpuProfile, sourceMap) {
  if (!sourceMap) return cpuProfile;
  for (const node of cpuProfile.nodes) {
    const frame = node.callFrame;
    const entry = frame.url === "worker.js" ? sourceMap(frame.lineNumber, frame.columnNumber) : null;
    if (entry) Object.assign(frame, { url: entry.source, lineNumber: entry.line, columnNumber: entry.column });
  }
  return cpuProfile;
}

export const COMPONENTS = ["API layer", "run creation", "run object start-up", "steps", "D1", "webhooks", "runtime (native, GC)", "other"];

// drizzle's source maps name its files node_modules/src/...
const D1 = /drizzle-orm|^node_modules\/src\/|^src\/services\/(db|run-index)\.ts/;
const WEBHOOKS =
  /src\/webhooks\/|src\/engine\/(deliveries|delivery-store)\.ts|src\/services\/(webhooks|legacy-deliveries)\.ts|standardwebhooks/;
const CREATION = /src\/services\/(runs|workflows|variables|idempotency)\.ts|src\/domain\/json-schema\.ts|@cfworker/;
const STARTUP_FUNCTIONS = new Set(["create", "exists", "init", "insertRun", "insertStep", "createRunRecord", "attach"]);

/**
 * The component a sample's CPU belongs to, from its stack (root first). D1 and webhooks are
 * recognised anywhere on the stack; the rest by the task the stack started from.
 */
function classify(stack) {
  const leaf = stack[stack.length - 1];
  if (leaf.fn === "(garbage collector)" || leaf.fn === "(program)") return "runtime (native, GC)";
  // Native callbacks with no script frame (promise reactions, stream pumps).
  if (stack.every((f) => f.url === "")) return "runtime (native, GC)";
  if (stack.some((f) => f.url.startsWith("cloudflare-internal:d1-api") || D1.test(f.source))) return "D1";
  if (stack.some((f) => WEBHOOKS.test(f.source))) return "webhooks";
  // The synchronous part of a stub's first call makes the object and its SQLite file (for the
  // reference, the binding's create() makes its instance's object).
  const own = stack.filter((f) => f.source !== "bench/meter.ts");
  const caller = own[own.length - 1];
  if (caller?.fn === "startRunOf" || (leaf.fn === "create" && leaf.url.startsWith("workflows:"))) return "run object start-up";
  if (stack.some((f) => f.url.includes("__mf_do_wrapper"))) return "run object start-up";
  if (stack.some((f) => f.source === "src/engine/store.ts" && STARTUP_FUNCTIONS.has(f.fn))) return "run object start-up";
  // The meter's wrappers (cost phase) are looked through, to the code they wrap.
  const entry = stack.find((f) => /^(src|bench)\//.test(f.source) && f.source !== "bench/meter.ts");
  if (!entry) return stack.some((f) => /hono|zod/.test(f.source) || f.url.includes("middleware")) ? "API layer" : "other";
  if (entry.source === "src/engine/run-object.ts" && (STARTUP_FUNCTIONS.has(entry.fn) || entry.fn === "RunObject"))
    return "run object start-up";
  if (/^src\/(engine|net)\//.test(entry.source)) return "steps";
  // The reference's own code: its request handler, or its workflow's run() and step callbacks.
  if (entry.source.startsWith("bench/")) return ["fetch", "reference"].includes(entry.fn) ? "API layer" : "steps";
  if (stack.some((f) => CREATION.test(f.source))) return "run creation";
  return "API layer";
}

/** Whether a stack runs in a run object (billed as its duration) or in the worker (billed as CPU). */
function sideOf(stack, component) {
  if (component === "run object start-up") return "object";
  const entry = stack.find((f) => /^(src|bench)\//.test(f.source) && f.source !== "bench/meter.ts");
  return entry && /^src\/engine\//.test(entry.source) ? "object" : "worker";
}

/**
 * CPU ms per run by component (of a profile mapped to sources), the worker's share of it
 * (native runtime time split in proportion), and the share of the window the isolate was busy.
 */
export function breakdown(cpuProfile, runs) {
  const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of cpuProfile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frame = (n) => ({ fn: n.callFrame.functionName || "(anonymous)", url: n.callFrame.url, source: n.callFrame.url });
  const byNode = new Map();
  const componentOf = (id) => {
    if (!byNode.has(id)) {
      const stack = [];
      for (let at = id; at !== undefined; at = parent.get(at)) stack.unshift(frame(nodes.get(at)));
      const frames = stack.slice(1);
      const component = stack[stack.length - 1].fn === "(idle)" ? null : classify(frames);
      byNode.set(id, component && { component, side: sideOf(frames, component) });
    }
    return byNode.get(id);
  };
  const totals = Object.fromEntries(COMPONENTS.map((c) => [c, 0]));
  const sides = { worker: 0, object: 0 };
  let busy = 0;
  let all = 0;
  cpuProfile.samples.forEach((sample, i) => {
    const us = cpuProfile.timeDeltas[i] ?? 0;
    all += us;
    const found = componentOf(sample);
    if (!found) return;
    totals[found.component] += us;
    if (found.component !== "runtime (native, GC)") sides[found.side] += us;
    busy += us;
  });
  const perRun = Object.fromEntries(Object.entries(totals).map(([c, us]) => [c, us / 1000 / runs]));
  const attributed = sides.worker + sides.object;
  const workerMsPerRun = attributed ? (busy * (sides.worker / attributed)) / 1000 / runs : 0;
  return { perRun, totalMsPerRun: busy / 1000 / runs, workerMsPerRun, busyShare: all ? busy / all : 0 };
}

/** The functions with the most self time (of a profile mapped to sources), for a closer look. */
export function topSelf(cpuProfile, count = 25) {
  const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  cpuProfile.samples.forEach((sample, i) => {
    const { functionName, url, lineNumber } = nodes.get(sample).callFrame;
    const key = `${functionName || "(anonymous)"} ${url}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (cpuProfile.timeDeltas[i] ?? 0));
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}
