import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, expectAccessible, pageOf, walkFocus } from "../support/ui/accessibility";
import { type Browser, launchBrowser } from "../support/ui/browser";

/**
 * The checks the dashboard's suite relies on, on a page made to fail them: each kind of
 * violation the dashboard once had is found, in the layout and colour scheme where it occurs.
 */
let browser: Browser;
let page: Page;

const FLAWED = `<!doctype html>
<html lang="en">
  <head>
    <title>Flawed</title>
    <style>
      body { background: #f7f8fa; }
      a.low { color: #1f6feb; }
      button.fill { background: #0969da; color: #fff; border: 0; }
      button.bare:focus { outline: none; }
      @media (prefers-color-scheme: dark) { button.fill { background: #4493f8; } }
      @media (max-width: 640px) { p.narrow { color: #aaa; } }
    </style>
  </head>
  <body>
    <main>
      <h1>Run</h1>
      <h3>Send an event</h3>
      <p><a class="low" href="#runs">Runs</a></p>
      <p><a href="#run" aria-label="Run 0193f0aa-0000-7000-8000-0000ba8d0873">…ba8d0873</a></p>
      <p class="narrow">Only the narrow layout greys this out.</p>
      <button class="fill" type="button">Start run</button>
      <button class="bare" type="button">Cancel run</button>
    </main>
  </body>
</html>`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.page(1280);
  await page.setContent(FLAWED);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("the accessibility checks", () => {
  it("find low contrast, a name that does not start with the visible text and a skipped heading level, each where it occurs", async () => {
    const findings = await audit(page);
    const byRule = Object.fromEntries(findings.map((f) => [f.rule, f]));

    expect(byRule["color-contrast"]?.impact).toBe("serious");
    const where = Object.fromEntries(byRule["color-contrast"].nodes.map((n) => [n.target, n.where]));
    expect(where[".low"]).toEqual(["1280 px light", "1280 px dark", "390 px light", "390 px dark"]);
    expect(where[".fill"]).toEqual(["1280 px dark", "390 px dark"]);
    expect(where[".narrow"]).toEqual(["390 px light", "390 px dark"]);

    expect(byRule["label-content-name-mismatch"]).toMatchObject({ impact: "serious", nodes: [{ target: 'a[href$="#run"]' }] });
    expect(byRule["heading-order"]?.impact).toBe("moderate");
    expect(page.viewportSize()).toEqual({ width: 1280, height: 900 });
  });

  it("tell a control that hides its focus from one that shows it", async () => {
    const stops = await walkFocus(page);
    expect(stops.map((s) => [s.element.split(" ")[0], s.visible])).toEqual([
      ["a.low", true],
      ["a", true],
      ["button.fill", true],
      ["button.bare", false],
    ]);
  });

  it("fail on a serious violation and on an exemption that matches nothing", async () => {
    await expect(expectAccessible(page, "flawed")).rejects.toThrow(/serious color-contrast/);
    const exempt = {
      rules: { "color-contrast": "test", "label-content-name-mismatch": "test", "image-alt": "there is no image" },
      focus: { "button.bare": "test" },
    };
    await expect(expectAccessible(page, "flawed", exempt)).rejects.toThrow(/no longer match anything/);
  });

  it("name a page by its route, ids left out", () => {
    expect(pageOf("http://127.0.0.1:8787/runs/0193f0aa-1b2c-7000-8000-00000ba8d087?live=off")).toBe("/runs/{id}");
    expect(pageOf("http://127.0.0.1:8787/workflows/")).toBe("/workflows");
    expect(pageOf("http://127.0.0.1:8787/")).toBe("/");
  });
});
