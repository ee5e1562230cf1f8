import { Validator } from "@cfworker/json-schema";
import { inject } from "vitest";
import { type Body, type Call, request } from "../worker";

export const counter = inject("counterUrl");

/** A validator for one named schema of an OpenAPI document, resolving its `$ref`s. */
export function documentSchema(doc: Body, name: string): (value: unknown) => string[] {
  const validator = new Validator({ $ref: `#/components/schemas/${name}`, components: doc.components } as never, "2020-12", false);
  return (value) => validator.validate(value).errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}

/** The dialect's own OpenAPI document, as a client would fetch it. */
export async function dialectDocument(name: string): Promise<Body> {
  const res = await request("GET", `/compat/${name}/openapi.json`);
  if (res.status !== 200) throw new Error(`/compat/${name}/openapi.json answered ${res.status}`);
  return res.body;
}

/** A webhook receiver on the counter server that checks Standard Webhooks signatures. */
export async function webhookReceiver(call: Call) {
  const { secret } = (await call("GET", "/v1/webhook-secret")).body;
  const name = crypto.randomUUID();
  await fetch(`${counter}/receivers/${name}`, { method: "POST", body: JSON.stringify({ secret }) });
  return {
    url: `${counter}/hook/${name}`,
    calls: async () => (await fetch(`${counter}/hooks/${name}`).then((r) => r.json())) as Array<{ id: string; valid: boolean; body: Body }>,
  };
}

export type Logged = { method: string; path: string; authorization?: string; body: Record<string, unknown> | null };
export const fakeLog = async () => (await fetch(`${counter}/fake-log`).then((r) => r.json())) as Logged[];

/** Sets profile variables; names ending in KEY or TOKEN are stored as secrets. */
export async function setVariables(call: Call, vars: Record<string, string>, profile = "default") {
  for (const [name, value] of Object.entries(vars)) {
    const res = await call("PUT", `/v1/profiles/${profile}/variables/${name}`, { value, secret: /(KEY|TOKEN)$/.test(name) });
    if (res.status >= 300) throw new Error(`setting ${name} failed: ${JSON.stringify(res.body)}`);
  }
}
