import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Stepline, startStepline } from "../support/e2e/harness";
import { auditedPages, expectAccessible, pageOf } from "../support/ui/accessibility";
import { type Browser, launchBrowser } from "../support/ui/browser";

/**
 * The workflow builder in Debian's chromium against a real `wrangler dev`: a workflow built
 * from an empty canvas with the mouse, saved and test-run; a type mismatch shown on its node
 * and fixed with the keyboard; an edit saved as version 2 after its diff; every template
 * saved; the narrow layout. Every state is audited, and the screenshots in docs/images are
 * taken here.
 */
const IMAGES = path.resolve(import.meta.dirname, "../../docs/images");

let server: Stepline;
let browser: Browser;
let page: Page;
let key: string;
let call: E2eCall;
let builtId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStepline(), launchBrowser()]);
  ({ key, call } = await newE2eApp(server.url, "builder"));
  page = await browser.page(1280);
  mkdirSync(IMAGES, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

const nodeOf = (stepId: string) => page.locator(`.react-flow__node[data-id="${stepId}"]`);
const problemStatus = () => page.locator(".problems [role=status]");
const noProblems = () => expect.poll(() => problemStatus().textContent(), { timeout: 10_000 }).toContain("No problems");

/** Drags from one step's output handle to another's input handle: `to` then depends on `from`. */
async function connect(from: string, to: string) {
  await nodeOf(from).locator(".react-flow__handle.source").dragTo(nodeOf(to).locator(".react-flow__handle.target"));
  await page.locator(`.react-flow__edge[data-id="${from}->${to}"]`).waitFor({ state: "attached" });
}

async function savedVersion(): Promise<number> {
  const notice = page.locator(".notice[role=status]");
  await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/Saved/);
  return Number((await notice.textContent())?.match(/version (\d+)/)?.[1]);
}

const workflowIdOfPage = () => new URL(page.url()).pathname.split("/")[2];

describe("the workflow builder", () => {
  it("builds the Data Flow example from an empty canvas with the mouse, saves it, and test-runs it", async () => {
    await page.goto(`${server.url}/`);
    await expectAccessible(page, "sign-in");
    await page.getByLabel("API key").fill(key);
    await page.getByLabel("API key").press("Enter");
    await page.getByRole("heading", { name: "Runs" }).waitFor();
    await expectAccessible(page, "runs, none yet");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }).click();
    await page.getByText("No workflows yet").waitFor();
    await expectAccessible(page, "workflows, none yet, with New workflow");
    await page.getByRole("link", { name: "New workflow" }).click();
    await page.getByRole("heading", { name: "New workflow" }).waitFor();
    await expect.poll(() => problemStatus().textContent()).toMatch(/to fix/);
    expect(await page.getByRole("button", { name: "Save", exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, "builder, empty");

    await page.getByLabel("Name", { exact: true }).fill("Reverse a greeting");
    for (const type of ["StaticTextInput", "TextOperation.Reverse", "Echo"]) {
      await page.getByRole("button", { name: `Add ${type}`, exact: true }).click();
    }
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(3);
    // Placed by dragging: the echo step goes below the others.
    const before = await nodeOf("echo").boundingBox();
    await nodeOf("echo").hover();
    await page.mouse.down();
    await page.mouse.move((before?.x ?? 0) + 40, (before?.y ?? 0) + 120, { steps: 8 });
    await page.mouse.up();
    await connect("statictextinput", "reverse");
    await connect("reverse", "echo");

    await nodeOf("statictextinput").click();
    await page.getByRole("combobox", { name: "text", exact: true }).fill("Hello, world!");
    await noProblems();
    await page.screenshot({ path: path.join(IMAGES, "builder-canvas.png"), fullPage: true });
    // Every step on the canvas is a stop of the keyboard.
    const stops = await expectAccessible(page, "builder, the Data Flow example built");
    const reached = stops.flatMap((s) => s.element.match(/"Step (\S+) \(/)?.[1] ?? []);
    expect(reached.sort()).toEqual(["echo", "reverse", "statictextinput"]);

    await page.getByRole("button", { name: "Test run" }).click();
    expect(await savedVersion()).toBe(1);
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}\/edit$/);
    builtId = workflowIdOfPage();
    const stored = await call("GET", `/v1/workflows/${builtId}`);
    const echo = stored.body.steps.find((s: { id: string }) => s.id === "echo");
    expect(echo.meta.position.y).toBeGreaterThan(stored.body.steps[0].meta.position.y + 60);
    for (const step of stored.body.steps) {
      expect(step.meta.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
      expect(step.meta.size).toEqual({ width: expect.any(Number), height: expect.any(Number) });
    }
    expect(stored.body.steps.map((s: { depends_on?: string[] }) => s.depends_on ?? [])).toEqual([[], ["statictextinput"], ["reverse"]]);

    await page.getByRole("heading", { name: /Test run of version 1/ }).waitFor();
    await expectAccessible(page, "builder, saved, the test run's input form");
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator("h1 .status").textContent(), { timeout: 20_000 }).toBe("completed");
    // The run's result, shown open on its page (the same string also sits in the folded step details).
    await page.locator(".json-string:visible", { hasText: '"!dlrow ,olleH"' }).first().waitFor();
    await expectAccessible(page, "run of the built workflow");
    await page.screenshot({ path: path.join(IMAGES, "builder-test-run.png"), fullPage: true });
  });

  it("shows a type mismatch on the node it concerns, and the keyboard deletes the step that caused it", async () => {
    await page.goto(`${server.url}/workflows/${builtId}`);
    await page.getByRole("heading", { name: "Reverse a greeting" }).waitFor();
    await expectAccessible(page, "workflow, with its Edit button");
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { name: "Edit Reverse a greeting" }).waitFor();
    await expectAccessible(page, "builder, editing a saved workflow");

    await page.getByRole("button", { name: "Add TextOperation.Length", exact: true }).click();
    await connect("length", "reverse");
    await expect.poll(() => nodeOf("reverse").locator(".builder-node").getAttribute("class"), { timeout: 10_000 }).toContain("has-problem");
    await expect.poll(() => nodeOf("reverse").textContent()).toContain("problems");
    await expect
      .poll(() => page.locator(".problems li").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/reverse.*accepts text but its input "length".*produces number/)]));
    expect(await page.getByRole("button", { name: "Review and save" }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(IMAGES, "builder-problem.png"), fullPage: true });
    await expectAccessible(page, "builder, a type mismatch");

    await nodeOf("length").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Delete");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(3);
    await noProblems();
    expect(await nodeOf("reverse").locator(".builder-node").getAttribute("class")).not.toContain("has-problem");
  });

  it("edits a saved workflow into version 2, showing the diff first", async () => {
    await nodeOf("echo").click();
    // An id another step has is refused as it is typed, and the step keeps its own.
    await page.getByLabel("Step id").fill("reverse");
    await page.getByText("Another step is already called reverse").waitFor();
    expect(await page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id")))).toContain("echo");
    await page.getByLabel("Step id").fill("shout");
    await page.getByRole("button", { name: "Add TextOperation.Uppercase", exact: true }).click();
    await connect("reverse", "uppercase");
    await page.getByRole("tab", { name: "JSON" }).click();
    const json = page.getByLabel("The definition (JSON)");
    const definition = JSON.parse(await json.inputValue());
    expect(definition.steps.map((s: { id: string }) => s.id)).toEqual(["statictextinput", "reverse", "shout", "uppercase"]);
    // Edited as JSON, the change shows on the canvas.
    definition.description = "Reversed, then shouted";
    await json.fill(JSON.stringify(definition, null, 2));
    await page.getByRole("tab", { name: "Canvas" }).click();
    expect(await page.getByLabel("Description").inputValue()).toBe("Reversed, then shouted");
    await noProblems();

    await page.getByRole("button", { name: "Review and save" }).click();
    const diff = page.locator(".review figure.diff");
    await expect.poll(() => diff.locator("figcaption").textContent()).toMatch(/v1 → this draft: \d+ changed lines/);
    expect(await diff.locator(".diff-added").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('"shout"')]));
    await page.screenshot({ path: path.join(IMAGES, "builder-diff.png"), fullPage: true });
    await expectAccessible(page, "builder, the diff before saving version 2");
    await page.getByRole("button", { name: "Save as a new version" }).click();
    expect(await savedVersion()).toBe(2);
    const stored = await call("GET", `/v1/workflows/${builtId}`);
    expect(stored.body).toMatchObject({ current_version: 2, description: "Reversed, then shouted" });
    expect(stored.body.steps.map((s: { id: string }) => s.id)).toEqual(["statictextinput", "reverse", "shout", "uppercase"]);
  });

  it("starts from each template and saves it", async () => {
    for (const title of [
      "Empty workflow",
      "Data Flow example",
      "Approval flow",
      "HTTP call with retries and a fallback",
      "Provider pipeline",
    ]) {
      await page.goto(`${server.url}/workflows/new`);
      await page.getByLabel("Start from").selectOption({ label: title });
      if (title === "Empty workflow") {
        await page.getByLabel("Name", { exact: true }).fill("From nothing");
        await page.getByRole("button", { name: "Add note", exact: true }).click();
      }
      await noProblems();
      if (title === "Approval flow") await expectAccessible(page, "builder, the approval template");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      expect(await savedVersion(), title).toBe(1);
      const stored = await call("GET", `/v1/workflows/${workflowIdOfPage()}`);
      expect(stored.status).toBe(200);
      for (const step of stored.body.steps) expect(step.meta.position, title).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    }
  });

  it("at 390 px shows the canvas read-only and the steps as a list of forms", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/workflows/new`);
    await page.getByLabel("Start from").selectOption({ label: "Data Flow example" });
    await noProblems();
    await expect.poll(() => page.locator(".step-list .step-form").count()).toBe(3);
    expect(await page.locator(".react-flow__node.draggable").count()).toBe(0);
    expect(await page.locator(".react-flow__handle.connectable").count()).toBe(0);
    expect(await page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    await page.locator("#step-1-id").fill("flip");
    await noProblems();
    await page.screenshot({ path: path.join(IMAGES, "builder-390.png"), fullPage: true });
    await expectAccessible(page, "builder at 390 px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("made no request to another origin and logged no console error", () => {
    const origin = new URL(server.url).origin;
    expect(browser.requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith("data:"))).toEqual([]);
    expect(browser.crashes).toEqual([]);
    expect(browser.violations).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("audited every page the browser showed", () => {
    const origin = new URL(server.url).origin;
    const shown = new Set(browser.visited.filter((url) => url.startsWith(origin)).map(pageOf));
    expect([...shown]).toEqual(expect.arrayContaining(["/workflows/new", "/workflows/{id}/edit"]));
    expect([...shown].filter((p) => !auditedPages.has(p))).toEqual([]);
  });
});
