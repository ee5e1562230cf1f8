import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/**
 * A small HTTP server on 127.0.0.1 that the worker under test calls from http steps. It
 * counts calls per name (and per Idempotency-Key, so duplicates are visible), can hang until
 * the caller gives up, and can answer with any status. Runs in Node beside workerd.
 *
 *   ANY  /count/:name              200 {name, hits, unique}
 *   ANY  /hang/:name               never answers; the close is recorded
 *   ANY  /status/:code[?retry_after=s]
 *   ANY  /flaky/:name/:failures    503 for the first `failures` calls, then 200
 *   ANY  /echo[/...]               200 with the request's method, path, headers, query and body
 *   ANY  /redirect/:name?to=url    302 to `url` (counted as a hit of `name`)
 *   GET  /stats/:name              {hits, unique, keys, closed, bodies, requests: [{url, headers}]}
 *   POST /receivers/:name          {secret, statuses?, headers?}: how /hook/:name answers
 *   ANY  /hook/:name               a webhook receiver: verifies the signature with the
 *                                  standardwebhooks library and answers the next status
 *   GET  /hooks/:name              what /hook/:name received: [{id, timestamp, valid, body}]
 *   ANY  /fake/<provider>/...      fake OpenAI, Replicate, Astria and fal APIs (every call in /fake-log)
 *   POST /responses-checked        {checked, seen}: one test file's response check, for the total
 *
 * fal apps under `pipelines/` answer with `{result_image_path, request}` (the submitted body);
 * `pipelines/flaky/<name>/<n>` refuses its first n submits with 500; `pipelines/hang/<name>`
 * never answers a submit (its close is counted in /stats/<name>).
 */
interface Stats {
  hits: number;
  keys: Record<string, number>;
  closed: number;
  bodies: unknown[];
  times: number[];
  requests: Array<{ url: string; headers: IncomingMessage["headers"] }>;
}

export interface ResponsesChecked {
  checked: number;
  /** "GET /v1/runs/{id} 200" for each operation and status seen. */
  seen: Set<string>;
}

export async function startCounterServer(): Promise<{ url: string; server: Server; responses: ResponsesChecked }> {
  const stats = new Map<string, Stats>();
  const responses: ResponsesChecked = { checked: 0, seen: new Set() };
  const statsOf = (name: string) => {
    let s = stats.get(name);
    if (!s) {
      s = { hits: 0, keys: {}, closed: 0, bodies: [], times: [], requests: [] };
      stats.set(name, s);
    }
    return s;
  };
  const record = (name: string, req: IncomingMessage, body: string) => {
    const s = statsOf(name);
    s.hits += 1;
    s.times.push(Date.now());
    s.requests.push({ url: req.url ?? "", headers: req.headers });
    const key = req.headers["idempotency-key"];
    if (typeof key === "string") s.keys[key] = (s.keys[key] ?? 0) + 1;
    try {
      s.bodies.push(body === "" ? null : JSON.parse(body));
    } catch {
      s.bodies.push(body);
    }
    return s;
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const receivers = new Map<string, { secret: string; statuses: number[]; headers: Record<string, string>; calls: unknown[] }>();

  // Fake providers speaking the shapes of OpenAI, Replicate, Astria and fal, for the integration step.
  const fakeLog: Array<{ method?: string; path: string; authorization?: string; body: unknown }> = [];
  const polls = new Map<string, number>();
  const fakeProvider = (req: IncomingMessage, res: ServerResponse, url: URL, parts: string[], body: string) => {
    const parsed = body === "" ? null : JSON.parse(body);
    fakeLog.push({ method: req.method, path: url.pathname + url.search, authorization: req.headers.authorization, body: parsed });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fake`;
    const [provider, ...rest] = parts;
    const path = rest.join("/");
    const polled = (id: string) => {
      const n = (polls.get(id) ?? 0) + 1;
      polls.set(id, n);
      return n;
    };
    if (provider === "failing") return send(res, 500, { error: "down" });
    if (provider === "openai" && path === "chat/completions") {
      return send(res, 200, {
        id: "chatcmpl-1",
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: "hello" } }],
      });
    }
    if (provider === "replicate" && req.method === "POST" && path.endsWith("predictions")) {
      const id = `p${fakeLog.length}`;
      return send(res, 201, {
        id,
        status: "starting",
        urls: { get: `${base}/replicate/predictions/${id}`, cancel: `${base}/replicate/predictions/${id}/cancel` },
      });
    }
    if (provider === "replicate" && req.method === "GET" && rest[0] === "predictions") {
      const id = rest[1];
      return send(
        res,
        200,
        polled(id) < 2 ? { id, status: "processing" } : { id, status: "succeeded", output: ["https://example.com/out.png"] },
      );
    }
    if (provider === "astria" && req.method === "POST") return send(res, 201, { id: fakeLog.length, ...(parsed?.tune ?? parsed?.prompt) });
    if (provider === "fal" && path.startsWith("pipelines/") && falPipeline(req, res, path, parsed)) return;
    if (provider === "fal" && req.method === "POST") {
      const id = `r${fakeLog.length}`;
      return send(res, 200, {
        request_id: id,
        status_url: `${base}/fal/${path}/requests/${id}/status`,
        response_url: `${base}/fal/${path}/requests/${id}`,
      });
    }
    if (provider === "fal" && req.method === "GET" && path.endsWith("/status")) {
      return send(res, 200, { status: polled(path) < 2 ? "IN_PROGRESS" : "COMPLETED" });
    }
    if (provider === "fal" && req.method === "GET") return send(res, 200, { images: [{ url: "https://example.com/fal.png" }] });
    return send(res, 404, { error: "unknown fake route" });
  };

  // fal apps for the pipelines dialect's tests: results that echo their request, failures, hangs.
  const falRequests = new Map<string, unknown>();
  const falPipeline = (req: IncomingMessage, res: ServerResponse, path: string, body: unknown): boolean => {
    const [, kind, name, failures] = path.split("/");
    if (req.method === "POST" && kind === "hang") {
      statsOf(name).hits += 1;
      res.on("close", () => {
        statsOf(name).closed += 1;
      });
      return true;
    }
    if (req.method === "POST" && kind === "flaky" && statsOf(name).hits++ < Number(failures)) {
      send(res, 500, { detail: "the model is overloaded" });
      return true;
    }
    if (req.method === "POST") falRequests.set(`r${fakeLog.length}`, body);
    const result = /\/requests\/([^/]+)$/.exec(path);
    if (req.method === "GET" && result) {
      send(res, 200, { result_image_path: `https://images.example/${result[1]}.png`, request: falRequests.get(result[1]) ?? null });
      return true;
    }
    return false;
  };

  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const parts = url.pathname.split("/").filter(Boolean);
      const [route, name, extra] = parts;
      if (route === "count" && name) {
        const s = record(name, req, body);
        return send(res, 200, { name, hits: s.hits, unique: Object.keys(s.keys).length });
      }
      if (route === "hang" && name) {
        record(name, req, body);
        res.on("close", () => {
          statsOf(name).closed += 1;
        });
        return;
      }
      if (route === "redirect" && name) {
        record(name, req, body);
        return send(res, 302, { to: url.searchParams.get("to") }, { location: url.searchParams.get("to") ?? "/" });
      }
      if (route === "status" && name) {
        const retryAfter = url.searchParams.get("retry_after");
        return send(res, Number(name), { status: Number(name) }, retryAfter ? { "retry-after": retryAfter } : {});
      }
      if (route === "flaky" && name) {
        const s = record(name, req, body);
        return s.hits <= Number(extra ?? 1) ? send(res, 503, { hits: s.hits }) : send(res, 200, { hits: s.hits });
      }
      if (route === "echo") {
        return send(res, 200, {
          method: req.method,
          path: url.pathname,
          headers: req.headers,
          body: body === "" ? null : JSON.parse(body),
          query: Object.fromEntries(url.searchParams),
        });
      }
      if (route === "fake") return fakeProvider(req, res, url, parts.slice(1), body);
      if (route === "fake-log") return send(res, 200, fakeLog);
      if (route === "receivers" && name) {
        const config = JSON.parse(body);
        receivers.set(name, { secret: config.secret, statuses: config.statuses ?? [], headers: config.headers ?? {}, calls: [] });
        return send(res, 200, { ok: true });
      }
      if (route === "hook" && name) {
        const receiver = receivers.get(name);
        if (!receiver) return send(res, 404, { error: "no such receiver" });
        let valid = false;
        try {
          new Webhook(receiver.secret).verify(body, req.headers as Record<string, string>);
          valid = true;
        } catch {}
        receiver.calls.push({
          id: req.headers["webhook-id"],
          timestamp: req.headers["webhook-timestamp"],
          signature: req.headers["webhook-signature"],
          valid,
          at: Date.now(),
          body: JSON.parse(body),
        });
        const status = receiver.statuses.shift() ?? 200;
        return send(res, status, { status }, receiver.headers);
      }
      if (route === "hooks" && name) return send(res, 200, receivers.get(name)?.calls ?? []);
      if (route === "responses-checked") {
        const report = JSON.parse(body) as { checked: number; seen: string[] };
        responses.checked += report.checked;
        for (const item of report.seen) responses.seen.add(item);
        return send(res, 200, { ok: true });
      }
      if (route === "stats" && name) {
        const s = statsOf(name);
        return send(res, 200, { ...s, unique: Object.keys(s.keys).length });
      }
      send(res, 404, { error: "unknown route" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, responses };
}
