import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Stepline, startStepline } from "../support/e2e/harness";
import { auditedPages, expectAccessible, pageOf } from "../support/ui/accessibility";
import { type Browser, launchBrowser } from "../support/ui/browser";

/**
 * A workflow's stats in the dashboard against a real `wrangler dev`: after two completed runs
 * and one failed, the workflow page's counts, success rate, chart and failing step, the link
 * from that step to the runs that failed there, and the workflows list's last run and 7-day
 * rate. The screenshots are the ones docs/workflow-stats.md shows.
 */
const IMAGES = path.resolve(import.meta.dirname, "../../docs/images");

const DEFINITION = {
  name: "Charge card",
  description: "Checks the order, then charges; refuses orders marked as fraud",
  steps: [
    { id: "check", type: "transform", config: { value: "{{ input.order }}" } },
    { id: "charge", type: "fail", depends_on: ["check"], if: "{{ input.fraud }}", config: { message: "refused", code: "CARD_DECLINED" } },
    { id: "receipt", type: "transform", depends_on: ["charge"], config: { value: "receipt for {{ input.order }}" } },
  ],
};

let server: Stepline;
let browser: Browser;
let page: Page;
let key: string;
let call: E2eCall;
let workflowId: string;
let failedRunId: string;

async function runToEnd(input: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const started = await call("POST", `/v1/workflows/${workflowId}/runs`, { input });
  expect(started.status).toBe(201);
  for (let i = 0; i < 200; i++) {
    const run = await call("GET", `/v1/runs/${started.body.id}`);
    if (["completed", "failed", "cancelled"].includes(run.body.status)) return run.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${started.body.id} did not end`);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startStepline(), launchBrowser()]);
  ({ key, call } = await newE2eApp(server.url, "stats"));
  const created = await call("POST", "/v1/workflows", DEFINITION);
  expect(created.status).toBe(201);
  workflowId = created.body.id;
  const runs = [await runToEnd({ order: "A-1" }), await runToEnd({ order: "A-2" }), await runToEnd({ order: "A-3", fraud: true })];
  expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "failed"]);
  failedRunId = runs[2].id;
  // Another workflow with no run: its row says so.
  expect(
    (await call("POST", "/v1/workflows", { name: "Never run", steps: [{ id: "a", type: "transform", config: { value: 1 } }] })).status,
  ).toBe(201);

  page = await browser.page(1280);
  mkdirSync(IMAGES, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

/** The stats section of the workflow page, from its heading down, as an image for the docs. */
async function shootStats(file: string) {
  await page.evaluate("window.scrollTo(0, 0)");
  const heading = await page.getByRole("heading", { name: "How its runs went" }).boundingBox();
  const stats = await page.locator(".workflow-stats").boundingBox();
  if (!heading || !stats) throw new Error("the stats are not on the page");
  const margin = 16;
  await page.screenshot({
    path: path.join(IMAGES, file),
    fullPage: true,
    clip: {
      x: stats.x - margin,
      y: heading.y - margin,
      width: stats.width + 2 * margin,
      height: stats.y + stats.height - heading.y + 2 * margin,
    },
  });
}

/** The value a `<dl class="facts">` of the stats gives for a term. */
const fact = (term: string) => page.locator(".stats-counts dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

describe("a workflow's stats in the dashboard", () => {
  it("lists each workflow's last run status and 7-day success rate", async () => {
    await page.goto(`${server.url}/`);
    await expectAccessible(page, "sign-in");
    await page.getByLabel("API key").fill(key);
    await page.getByLabel("API key").press("Enter");
    await page.getByRole("heading", { name: "Runs" }).waitFor();
    await expectAccessible(page, "runs");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }).click();
    const row = page.locator("tbody tr", { hasText: DEFINITION.name });
    await expect.poll(() => row.locator("td[data-label='Success (7 days)']").textContent()).toBe("67%");
    expect(await row.locator("td[data-label='Last run']").textContent()).toBe("failed");
    const idle = page.locator("tbody tr", { hasText: "Never run" });
    await expect.poll(() => idle.locator("td[data-label='Last run']").textContent()).toBe("none in 7 days");
    expect(await idle.locator("td[data-label='Success (7 days)']").textContent()).toBe("—");
    await page.screenshot({ path: path.join(IMAGES, "stats-workflows.png") });
    await expectAccessible(page, "workflows, with last runs and success rates");
  });

  it("shows 2 completed, 1 failed, a 67% success rate, the durations and a chart with its numbers as a table", async () => {
    await page.getByRole("link", { name: DEFINITION.name }).click();
    await page.getByRole("heading", { name: "How its runs went" }).waitFor();
    await expect.poll(() => fact("Completed").textContent()).toBe("2");
    expect(await fact("Failed").textContent()).toBe("1");
    expect(await fact("Runs started").textContent()).toBe("3");
    expect(await fact("Success rate").textContent()).toBe("67%");
    expect(await fact("Duration p50 / p95 / max").textContent()).toMatch(/^\d+ ms \/ \d+ ms \/ \d+ ms$/);
    expect(await page.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");
    // Today's bar holds a completed and a failed part; the other six days are empty.
    expect(await page.locator(".stats-bar").count()).toBe(7);
    expect(await page.locator(".stats-bar").last().locator("span").count()).toBe(2);
    expect(await page.locator(".stats-bar span").count()).toBe(2);
    await shootStats("stats-workflow.png");
    await page.emulateMedia({ colorScheme: "dark" });
    await shootStats("stats-workflow-dark.png");
    await page.emulateMedia({ colorScheme: "light" });
    await expectAccessible(page, "workflow, its stats over 7 days");

    await page.getByText("The chart's numbers").click();
    const today = page.locator(".stats-table tbody tr").last();
    expect(await today.locator("td[data-label='Completed']").textContent()).toBe("2");
    expect(await today.locator("td[data-label='Failed']").textContent()).toBe("1");
    await expectAccessible(page, "workflow, the chart's numbers shown");

    await page.getByRole("button", { name: "24 hours" }).click();
    await expect.poll(() => page.locator(".stats-bar").count()).toBe(24);
    expect(await page.getByRole("button", { name: "24 hours" }).getAttribute("aria-pressed")).toBe("true");
    expect(await fact("Success rate").textContent()).toBe("67%");
    await shootStats("stats-workflow-24h.png");
    await expectAccessible(page, "workflow, its stats over 24 hours");
  });

  it("links the failing step to the runs that failed there", async () => {
    const failures = page.locator(".stats-failures li");
    expect(await failures.count()).toBe(1);
    expect(await failures.textContent()).toBe("charge: 1 failed run");
    await failures.getByRole("link", { name: "charge" }).click();
    await page.waitForURL(/\/runs\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("workflow_id")).toBe(workflowId);
    expect(url.searchParams.get("failed_step")).toBe("charge");
    expect(url.searchParams.get("status")).toBe("failed");
    // Since the start of the 24-hour window the page showed last, in local time.
    expect(Date.parse(url.searchParams.get("after") as string)).toBeLessThan(Date.now() - 23 * 3_600_000);
    expect(await page.getByLabel("Failed at step").inputValue()).toBe("charge");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    const row = page.locator("tbody tr");
    expect(await row.getByRole("link", { name: /^…/ }).getAttribute("href")).toBe(`/runs/${failedRunId}`);
    expect(await row.locator("td[data-label='Status']").textContent()).toBe("failed CARD_DECLINED at charge");
    await page.screenshot({ path: path.join(IMAGES, "stats-failed-runs.png") });
    await expectAccessible(page, "runs, filtered to those that failed at a step");
  });

  it("shows no console error, asks nothing of another origin, and audited every page it showed", () => {
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.crashes).toEqual([]);
    expect(browser.violations).toEqual([]);
    const origin = new URL(server.url).origin;
    expect(browser.requests.filter((r) => new URL(r.url).origin !== origin).map((r) => r.url)).toEqual([]);
    const shown = new Set(browser.visited.filter((url) => url.startsWith(origin)).map(pageOf));
    expect([...shown].filter((p) => !auditedPages.has(p))).toEqual([]);
  });
});
