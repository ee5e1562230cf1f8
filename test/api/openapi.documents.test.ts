import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";

/**
 * Every OpenAPI document Stepline serves, the native one and each dialect's, pinned to the
 * copy under documents/: how and when a document is built may change, what it says may not
 * without the copy changing with it. After changing a route, `npm run openapi:snapshot`
 * rewrites the copies; review their diff.
 */
const DOCUMENTS = {
  stepline: "/openapi.json",
  leap: "/compat/leap/openapi.json",
  apps: "/compat/apps/openapi.json",
  dataflow: "/compat/dataflow/openapi.json",
  looply: "/compat/looply/openapi.json",
  pipelines: "/compat/pipelines/openapi.json",
};

it("offers on /docs exactly the documents pinned here", async () => {
  const page = await (await SELF.fetch("http://stepline.test/docs")).text();
  const urls = [...page.matchAll(/&quot;url&quot;:&quot;([^&]+)&quot;/g)].map(([, url]) => url);
  expect(urls).toEqual(Object.values(DOCUMENTS));
});

for (const [name, path] of Object.entries(DOCUMENTS)) {
  it(`serves ${path} byte for byte as documents/${name}.json has it`, async () => {
    const res = await SELF.fetch(`http://stepline.test${path}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    // The copy is indented for review; the served text is the same JSON without whitespace.
    const document = JSON.parse(text);
    expect(JSON.stringify(document)).toBe(text);
    await expect(
      `${JSON.stringify(document, null, 2)}\n`,
      `run npm run openapi:snapshot if ${path} changed on purpose`,
    ).toMatchFileSnapshot(`./documents/${name}.json`);
  });
}
