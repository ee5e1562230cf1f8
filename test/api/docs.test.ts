import { expect, it } from "vitest";
import { API_CSP, DOCS_CSP } from "../../src/api/csp";
import { DIALECTS } from "../../src/dialects";
import { request } from "../support/worker";

const attribute = (html: string, id: string, name: string) => {
  const tag = new RegExp(`<[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? "";
  const value = new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
};

it("serves /docs under a policy that allows only this origin, with no inline script, offering all six documents", async () => {
  const page = await request("GET", "/docs");
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  expect(page.headers.get("content-security-policy")).toBe(DOCS_CSP);
  expect(DOCS_CSP).toMatch(/script-src 'self';/);
  expect(DOCS_CSP).not.toMatch(/https?:|'unsafe-eval'/);

  const html = page.body as string;
  // Every script is a file of this deployment or inert data: nothing inline runs.
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.map(([, attributes]) => /src="\/docs\/scalar\.js"|type="application\/json"/.test(attributes))).toEqual([true, true]);
  expect(scripts.every(([, , body]) => body.trim() === "")).toBe(true);
  expect(html).not.toMatch(/https?:\/\//);

  const configuration = JSON.parse(attribute(html, "api-reference", "data-configuration"));
  expect(configuration).toMatchObject({ withDefaultFonts: false, telemetry: false, agent: { disabled: true } });
  const sources = configuration.sources as { title: string; url: string }[];
  expect(sources.map((s) => s.url)).toEqual(["/openapi.json", ...DIALECTS.map(({ name }) => `/compat/${name}/openapi.json`)]);
  expect(sources).toHaveLength(6);
  for (const source of sources) {
    const document = await request("GET", source.url);
    expect(document.status, source.url).toBe(200);
    expect(document.body.openapi, source.url).toMatch(/^3\./);
    expect(document.body.info.title, source.url).toBe(source.title);
  }
});

it("gives every API answer, success or error, a policy under which nothing loads or runs", async () => {
  for (const path of ["/healthz", "/openapi.json", "/v1/workflows", "/compat/leap/openapi.json", "/nowhere"]) {
    const res = await request("GET", path);
    expect(res.headers.get("content-security-policy"), path).toBe(API_CSP);
    expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
  }
});
