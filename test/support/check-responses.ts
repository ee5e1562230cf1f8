import { SELF } from "cloudflare:test";
import { afterAll, expect, inject } from "vitest";
import { type CheckOptions, documentChecker } from "./openapi-check";
import { exchanges } from "./worker";

/**
 * After each workers test file, every response it got through `request` is checked against the
 * OpenAPI document of the surface that answered: the status must be documented for the
 * operation and the body must match its schema. Each dialect adds its document here.
 */
const DIALECTS = ["leap", "apps", "dataflow", "looply", "pipelines"];
const DOCUMENTS: Array<CheckOptions & { url: string }> = [
  { url: "/openapi.json", prefix: "", exclude: ["/compat/"], closed: true },
  ...DIALECTS.map((name) => ({ url: `/compat/${name}/openapi.json`, prefix: `/compat/${name}`, closed: true })),
];

afterAll(async () => {
  const problems: string[] = [];
  let checked = 0;
  const seen: string[] = [];
  for (const { url, ...options } of DOCUMENTS) {
    const prefix = options.prefix ?? "";
    if (!exchanges.some((e) => e.path.startsWith(prefix))) continue;
    const document = await (await SELF.fetch(`http://stepline.test${url}`)).json<object>();
    const report = documentChecker(document, options)(exchanges);
    problems.push(...report.problems.map((p) => `${url}: ${p}`));
    checked += report.checked;
    seen.push(...report.seen);
  }
  // The total is printed once for the whole run (support/global-setup.ts).
  await fetch(`${inject("counterUrl")}/responses-checked`, { method: "POST", body: JSON.stringify({ checked, seen }) }).catch(() => {});
  expect(problems, "responses that disagree with the OpenAPI document").toEqual([]);
});
