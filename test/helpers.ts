import { SELF } from "cloudflare:test";

export const ADMIN_TOKEN = "test-admin-token";

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export type Call = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer<T>>;

/** Sends one request to the worker under test; a body that is not a string is sent as JSON. */
export async function request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await SELF.fetch(`http://stepline.test${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const admin: Call = (method, path, body, headers = {}) =>
  request(method, path, body, { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers });

/** A fresh app with one API key, and a `call` that sends that key. */
export async function newApp(name = "test app"): Promise<{ id: string; key: string; call: Call }> {
  const app = await admin("POST", "/v1/admin/apps", { name });
  if (app.status !== 201) throw new Error(`creating an app failed: ${JSON.stringify(app.body)}`);
  const key = await admin("POST", `/v1/admin/apps/${app.body.id}/keys`, { name: "test key" });
  if (key.status !== 201) throw new Error(`creating a key failed: ${JSON.stringify(key.body)}`);
  const call: Call = (method, path, body, headers = {}) => request(method, path, body, { "x-api-key": key.body.key, ...headers });
  return { id: app.body.id, key: key.body.key, call };
}
