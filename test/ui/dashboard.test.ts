import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";
import { auditedPages, type Exemptions, expectAccessible, type FocusStop, pageOf } from "../support/ui/accessibility";
import { type Browser, launchBrowser } from "../support/ui/browser";

/**
 * The dashboard in Debian's chromium against a real `wrangler dev`: sign-in, a run started
 * from the generated form and followed live, an event sent and a run cancelled from the page,
 * a failed webhook redelivered, the other pages, /docs, at 1280 and 390 px, with every
 * request the browser made checked to stay on this origin. Every page and state it reaches is
 * audited with axe and walked with the keyboard (`expectAccessible`), and the last test checks
 * that no page it showed went unaudited.
 */
const SCREENSHOTS = path.resolve(import.meta.dirname, "__screenshots__");

let server: Stepline;
let receiver: Receiver;
let browser: Browser;
let page: Page;
let key: string;
let call: E2eCall;
let workflowId: string;
let receiverUp = false;

const DEFINITION = {
  name: "Greet after approval",
  input_schema: {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string", title: "Name" }, times: { type: "integer" }, loud: { type: "boolean" } },
  },
  steps: [
    { id: "greeting", type: "transform", config: { value: "Hello, {{ input.name }}!" } },
    { id: "count", type: "transform", depends_on: [], config: { value: "{{ input.times * 2 }}" } },
    { id: "pause", type: "sleep", depends_on: ["greeting"], config: { duration: "4s" } },
    { id: "approval", type: "wait_for_event", depends_on: ["pause", "count"], config: { event: "approved", timeout: "1h" } },
    { id: "answer", type: "transform", config: { value: { by: "{{ steps.approval.output.payload.by }}", n: "{{ steps.count.output }}" } } },
  ],
};
const DEPENDENCIES = 4; // greeting→pause, pause→approval, count→approval, approval→answer

/**
 * /docs is Scalar's bundle as published; these are its own markup's failures, printed by the
 * suite and left to Scalar. Everything Stepline writes is held to the full audit.
 */
const SCALAR_EXEMPTIONS: Exemptions = {
  rules: {
    "aria-input-field-name": "the request example's code editor has no accessible name",
    "aria-required-attr": "the code editor and a disclosure button lack aria-expanded and aria-controls",
    "aria-required-children": "the document selector's listbox holds groups that are not options",
    "button-name": "two icon buttons beside each operation have no name",
    "color-contrast": "the HTTP method badges, grey hints and highlighted strings are under 4.5:1",
    "scrollable-region-focusable": "the narrow layout's endpoint list scrolls but takes no focus",
  },
  focus: {
    "button.group/toggle": "the colour scheme toggle is outline-none",
    "button.download-button": "the document download buttons draw no ring",
    "div.code-input-lite__editor": "the request example's code editor draws no ring",
    "button.code-copy": "the copy buttons of the examples draw no ring",
  },
};

beforeAll(async () => {
  [server, receiver, browser] = await Promise.all([
    // One attempt per webhook: a delivery the receiver refuses is failed at once, ready to redeliver.
    startStepline({ vars: { WEBHOOK_RETRY_SCHEDULE: "0", WEBHOOK_SWEEP_SECONDS: "2" } }),
    startReceiver(() => (receiverUp ? {} : { status: 503, body: "down" })),
    launchBrowser(),
  ]);
  ({ key, call } = await newE2eApp(server.url, "dashboard"));
  const created = await call("POST", "/v1/workflows", { ...DEFINITION, webhook_url: `${receiver.url}/hook` });
  expect(created.status).toBe(201);
  workflowId = created.body.id;
  page = await browser.page(1280);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.stop();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

const nodeOf = (stepId: string) => page.locator(`.react-flow__node[data-id="${stepId}"]`);
const runStatus = () => page.locator("h1 .status");

async function signIn(apiKey: string) {
  await page.goto(`${server.url}/`);
  const field = page.getByLabel("API key");
  await field.fill(apiKey);
  await field.press("Enter");
}

/** The graph's nodes among the keyboard's stops, by step id. */
const nodesReached = (stops: FocusStop[]) => stops.flatMap((s) => s.element.match(/"Step (\S+) \(/)?.[1] ?? []);

/** Steps whose node is not wholly inside the graph's frame: a layout the view was not fitted to. */
const nodesOutOfView = () =>
  page.evaluate<string[]>(`(() => {
    const frame = document.querySelector(".dag").getBoundingClientRect();
    return [...document.querySelectorAll(".react-flow__node")]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom;
      })
      .map((node) => node.dataset.id);
  })()`);

/** No page is wider than the screen: nothing scrolls sideways at 390 px. */
async function fitsWidth() {
  return page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth");
}

describe("the dashboard", () => {
  it("signs in with a key kept in session storage and sent as X-Api-Key; refuses a wrong one; signs out", async () => {
    await signIn("sk_not_a_key");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("refused");
    await expectAccessible(page, "sign-in, a key refused");
    await signIn(key);
    await page.getByRole("heading", { name: "Runs" }).waitFor();
    await page.getByText("No run matches.").waitFor();
    await expectAccessible(page, "runs, none yet");
    expect(new URL(page.url()).pathname).toBe("/runs");
    expect(await page.evaluate('sessionStorage.getItem("stepline.apiKey")')).toBe(key);
    const apiCalls = browser.requests.filter((r) => new URL(r.url).pathname.startsWith("/v1/") && r.headers["x-api-key"] === key);
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(browser.requests.some((r) => r.headers.authorization)).toBe(false);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key").waitFor();
    expect(await page.evaluate('sessionStorage.getItem("stepline.apiKey")')).toBeNull();
  });

  it("goes back to sign-in when the API answers 401 to a kept key", async () => {
    await page.evaluate('sessionStorage.setItem("stepline.apiKey", "sk_revoked_or_wrong")');
    await page.goto(`${server.url}/workflows`);
    await page.getByText("The API refused the key. Sign in again.").waitFor();
    await expectAccessible(page, "sign-in after the API refused a kept key");
    expect(await page.evaluate('sessionStorage.getItem("stepline.apiKey")')).toBeNull();
    await signIn(key);
    await page.getByRole("heading", { name: "Runs" }).waitFor();
  });

  it("finds the workflow by name, draws one node per step and one edge per dependency, and starts a run from the generated form", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }).click();
    await page.getByLabel("Search by name").fill("after appr");
    await page.getByRole("link", { name: DEFINITION.name }).waitFor();
    await expectAccessible(page, "workflows, searched by name");
    await page.getByRole("link", { name: DEFINITION.name }).click();
    await page.getByRole("heading", { name: DEFINITION.name }).waitFor();
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(DEPENDENCIES);
    expect(await page.locator(".react-flow__node").count()).toBe(DEFINITION.steps.length);
    const stops = await expectAccessible(page, "workflow");
    expect(nodesReached(stops).sort()).toEqual(DEFINITION.steps.map((s) => s.id).sort());

    await page.getByLabel("Name").fill("Ada");
    await page.getByLabel("times").fill("3");
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  });

  it("turns the run's steps green live, without a reload, then completes it with an event sent from the page", async () => {
    const runId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await page.evaluate("window.loadedOnce = true");
    // The four-second sleep is seen waiting, then completed, with nothing done on the page.
    // The sleep lasts 4 s from the start: long enough to see, on a busy machine too.
    await expect.poll(() => nodeOf("pause").getAttribute("class"), { timeout: 3_000 }).toContain("status-waiting");
    await expect.poll(() => nodeOf("pause").getAttribute("class"), { timeout: 15_000 }).toContain("status-completed");
    await expect.poll(() => nodeOf("approval").getAttribute("class")).toContain("status-waiting");
    expect(await nodeOf("greeting").getAttribute("class")).toContain("status-completed");
    expect(await nodeOf("count").getAttribute("class")).toContain("status-completed");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(DEFINITION.steps.length);
    expect(await page.locator(".react-flow__edge").count()).toBe(DEPENDENCIES);

    await page.getByText("Waiting for: approved").waitFor();
    await expectAccessible(page, "run, waiting for an event");
    await page.getByLabel("Payload (JSON)").fill('{"by": "Grace"}');
    await page.getByRole("button", { name: "Send event" }).click();
    await expect.poll(() => runStatus().textContent(), { timeout: 15_000 }).toBe("completed");
    await page.locator('.event-log li[data-type="event.received"]').waitFor();
    for (const step of DEFINITION.steps) expect(await nodeOf(step.id).getAttribute("class")).toContain("status-completed");
    await page.locator('.event-log li[data-type="run.completed"]').waitFor();
    await expect.poll(() => page.locator(".timeline-bar.outcome-completed").count()).toBe(DEFINITION.steps.length);
    expect(await page.evaluate("window.loadedOnce")).toBe(true);

    // Each node is a stop of the keyboard, and Enter on one opens that step's details.
    const stops = await expectAccessible(page, "run, completed");
    expect(nodesReached(stops).sort()).toEqual(DEFINITION.steps.map((s) => s.id).sort());
    await nodeOf("count").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#step-count").getAttribute("open")).not.toBeNull();
    expect(await page.evaluate("document.activeElement.closest('details')?.id")).toBe("step-count");

    const run = await call("GET", `/v1/runs/${runId}`);
    expect(run.body).toMatchObject({ status: "completed", input: { name: "Ada", times: 3 }, output: { by: "Grace", n: 6 } });

    await page.screenshot({ path: path.join(SCREENSHOTS, "run-1280.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(SCREENSHOTS, "run-1280-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: null });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.react-flow__node[data-id="answer"]').waitFor();
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(DEPENDENCIES);
    expect(await fitsWidth()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "run-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("cancels another run from its page with the keyboard, and redelivers its failed webhook", async () => {
    const started = await call("POST", `/v1/workflows/${workflowId}/runs`, { input: { name: "Alan", times: 1 } });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
    // The link's name starts with the short id it shows, then the whole id.
    const link = page.getByRole("link", { name: `…${started.body.id.slice(-8)} (run ${started.body.id})`, exact: true });
    await link.waitFor();
    await expectAccessible(page, "runs, two runs");
    await link.click();
    await expect.poll(() => runStatus().textContent()).toMatch(/running|waiting/);

    await page.getByRole("button", { name: "Cancel run" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Yes, cancel the run" }).waitFor();
    await expectAccessible(page, "run, asked to confirm a cancel");
    await page.getByRole("button", { name: "Yes, cancel the run" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => runStatus().textContent()).toBe("cancelled");
    expect((await call("GET", `/v1/runs/${started.body.id}`)).body.status).toBe("cancelled");

    // The receiver refused it once; with a one-attempt schedule that failed the delivery.
    const delivery = page.locator(".delivery").filter({ has: page.locator("code", { hasText: "run.cancelled" }) });
    await expect.poll(() => delivery.getAttribute("data-status"), { timeout: 20_000 }).toBe("failed");
    // The audit narrowed the window and widened it again while the run page was live: the
    // graph was laid out top to bottom and back, each time fitted to its frame.
    await expectAccessible(page, "run, cancelled, its webhook failed");
    expect(await nodesOutOfView()).toEqual([]);
    receiverUp = true;
    await delivery.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => delivery.getAttribute("data-status"), { timeout: 20_000 }).toBe("delivered");
    const id = await delivery.getAttribute("data-delivery");
    const received = receiver.requests.filter((r) => r.headers["webhook-id"] === id);
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(received.at(-1)?.body ?? "{}")).toMatchObject({ type: "run.cancelled", data: { id: started.body.id } });
    await delivery.locator("summary", { hasText: "Attempts" }).click();
    await expect.poll(() => delivery.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, "run, a delivery's attempts open");
  });

  it("filters runs by status, pauses a schedule, shows secrets only as set, and diffs two versions, at both widths", async () => {
    await call("POST", `/v1/workflows/${workflowId}/schedules`, { cron: "0 9 * * 1-5", timezone: "Europe/Berlin" });
    await call("PUT", "/v1/profiles/default/variables/REGION", { value: "eu-west" });
    await call("PUT", "/v1/profiles/default/variables/API_TOKEN", { value: "s3cr3t-value", secret: true });
    const patched = await call("PATCH", `/v1/workflows/${workflowId}`, {
      steps: [...DEFINITION.steps, { id: "audit", type: "note", config: { text: "approved" } }],
    });
    expect(patched.body.current_version).toBe(2);

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${server.url}/runs`);
      await page.getByLabel("Status").selectOption("cancelled");
      await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
      expect(new URL(page.url()).searchParams.get("status")).toBe("cancelled");
      expect(await fitsWidth()).toBe(true);
      // expectAccessible covers both widths; the second round only changes the schedule's state.
      if (width === 1280) await expectAccessible(page, "runs, filtered by status");

      await page.goto(`${server.url}/schedules`);
      const toggle = page.getByRole("button", { name: width === 1280 ? "Pause" : "Resume" });
      await toggle.click();
      await page.getByRole("button", { name: width === 1280 ? "Resume" : "Pause" }).waitFor();
      expect(await page.locator("td[data-label='Next fires'] li").count()).toBe(width === 1280 ? 0 : 3);
      expect(await fitsWidth()).toBe(true);
      await expectAccessible(page, width === 1280 ? "schedules, one paused" : "schedules, one active");

      await page.goto(`${server.url}/profiles`);
      await page.getByText("eu-west").waitFor();
      expect(await page.getByRole("row", { name: /API_TOKEN/ }).textContent()).toContain("secret · set");
      expect(await page.content()).not.toContain("s3cr3t-value");
      expect(await fitsWidth()).toBe(true);
      if (width === 1280) await expectAccessible(page, "profiles, a variable and a secret");

      await page.goto(`${server.url}/workflows/${workflowId}`);
      await page.getByText("v1 → v2").waitFor();
      expect(await page.locator(".diff-added").allTextContents()).toContainEqual(expect.stringContaining('"id": "audit"'));
      await expect.poll(() => page.locator(".react-flow__node").count()).toBe(DEFINITION.steps.length + 1);
      expect(await fitsWidth()).toBe(true);
      if (width === 1280) await expectAccessible(page, "workflow, two versions diffed");
    }
    const schedules = await call("GET", "/v1/schedules");
    expect(schedules.body.data[0].paused).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("says so when a path names no page", async () => {
    await page.goto(`${server.url}/nowhere`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await expectAccessible(page, "a path that names no page");
  });

  it("shows where a secret may be sent and changes it from the profile page, naming a bad entry", async () => {
    await page.setViewportSize({ width: 1280, height: 844 });
    await call("PUT", "/v1/profiles/edge/variables/UPLOAD_KEY", { value: "upload-secret-value", secret: true });
    await page.goto(`${server.url}/profiles`);
    // Signed in already when the earlier tests ran; on its own (-t), this test signs in first.
    const keyField = page.getByLabel("API key");
    await keyField.or(page.getByRole("heading", { name: "Profiles" })).waitFor();
    if (await keyField.isVisible()) {
      await signIn(key);
      await page.goto(`${server.url}/profiles`);
    }
    const row = page.getByRole("row", { name: /UPLOAD_KEY/ });
    await row.getByText("any host").waitFor();
    await row.getByRole("button", { name: "Edit hosts of UPLOAD_KEY" }).click();
    const field = row.getByLabel(/Hosts \(comma-separated/);
    await field.fill("uploads.example.com, https://bad.example.com/");
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByRole("alert").getByText("allowed_hosts[1]", { exact: true }).waitFor();
    expect((await call("GET", "/v1/profiles/edge/variables/UPLOAD_KEY")).body.allowed_hosts).toBeNull();
    await field.fill("uploads.example.com, *.cdn.example.com");
    await field.press("Enter");
    await row.getByText("*.cdn.example.com").waitFor();
    expect((await call("GET", "/v1/profiles/edge/variables/UPLOAD_KEY")).body.allowed_hosts).toEqual([
      "uploads.example.com",
      "*.cdn.example.com",
    ]);
    expect(await page.content()).not.toContain("upload-secret-value");
    await expectAccessible(page, "profiles, a secret's hosts edited");
  });

  it("serves /docs from the Worker's own assets with all six documents, under its policy", async () => {
    await page.goto(`${server.url}/docs`);
    await page.getByRole("heading", { name: "Stepline", level: 1 }).waitFor({ timeout: 30_000 });
    const scripts = await page.evaluate("[...document.scripts].map((s) => s.src).filter(Boolean)");
    expect(scripts).toEqual([`${server.url}/docs/scalar.js`]);
    await page
      .getByRole("button", { name: /Stepline/ })
      .first()
      .click();
    for (const title of ["Leap", "apps platform", "Data Flow", "Looply", "pipelines"]) {
      await page
        .getByText(new RegExp(`Stepline: .*${title}`, "i"))
        .first()
        .waitFor();
    }
    await expectAccessible(page, "docs", SCALAR_EXEMPTIONS);
  });

  it("made no request to another origin and broke no Content-Security-Policy", () => {
    const origin = new URL(server.url).origin;
    const elsewhere = browser.requests.map((r) => r.url).filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(50);
    expect(browser.violations).toEqual([]);
    expect(browser.crashes).toEqual([]);
    const shots = ["run-1280.png", "run-1280-dark.png", "run-390.png"].map((file) => path.join(SCREENSHOTS, file));
    console.log(`screenshots: ${shots.join(" ")}`);
  });
});

describe("the dashboard with keys of each scope", () => {
  const signedOut = async () => {
    await page.goto(`${server.url}/`);
    await page.evaluate("sessionStorage.clear()");
  };

  /** Every enabled control of the page that is not inside a disabled scope gate: what the key could press. */
  const enabledActions = () =>
    page.evaluate<string[]>(`[...document.querySelectorAll("main button, main input[type=submit]")]
      .filter((el) => !el.disabled && !el.closest("fieldset[disabled]"))
      .map((el) => el.textContent.trim() || el.getAttribute("aria-label") || el.title)`);

  it("signs in with a read key, shows its scope, and leaves no enabled action that would fail", async () => {
    const reader = await call("POST", "/v1/keys", { name: "dashboard reader", scopes: ["read"] });
    const waiting = await call("POST", `/v1/workflows/${workflowId}/runs`, { input: { name: "Read", times: 1 } });
    await call("POST", `/v1/workflows/${workflowId}/schedules`, { cron: "0 8 * * *" });
    await signedOut();
    await signIn(reader.body.key);
    await page.getByRole("heading", { name: "Runs" }).waitFor();
    expect(await page.locator(".key-identity").textContent()).toBe("dashboard reader read");
    expect(await page.getByRole("link", { name: "Keys" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Activity" }).count()).toBe(0);

    // Reads only: paging, retrying a read, choosing the stats' window, moving the graph's view, and signing out.
    const harmless = new Set(["Load more", "Try again", "Sign out", "24 hours", "7 days", "30 days", "Zoom In", "Zoom Out", "Fit View"]);
    const visited: Record<string, string[]> = {};
    for (const path of ["/runs", `/runs/${waiting.body.id}`, "/workflows", `/workflows/${workflowId}`, "/schedules", "/profiles"]) {
      await page.goto(`${server.url}${path}`);
      await page.locator("main h1").first().waitFor();
      // The run page keeps its live stream open, so "loaded" is: nothing is loading any more.
      await expect.poll(() => page.locator(".loading").count()).toBe(0);
      visited[path] = await enabledActions();
      expect(
        visited[path].filter((label) => !harmless.has(label)),
        path,
      ).toEqual([]);
    }
    await page.goto(`${server.url}/runs/${waiting.body.id}`);
    await page.getByText("Needs the run scope").first().waitFor();
    expect(await page.getByRole("button", { name: "Cancel run" }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "read-key-run.png"), fullPage: true });
    await expectAccessible(page, "run, signed in with a read key");
    await page.goto(`${server.url}/schedules`);
    await page.getByText("Needs the write scope").first().waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
  });

  it("creates a run key in the Keys page, shows its secret once, and the CLI starts a run with it", async () => {
    await signedOut();
    await signIn(key);
    await page.getByRole("link", { name: "Keys" }).click();
    await page.getByRole("heading", { name: "Keys" }).waitFor();
    await page.getByLabel("Name").fill("from the dashboard");
    await page.getByLabel("Scope").selectOption("run");
    await page.getByLabel("Expires").selectOption({ label: "In 90 days" });
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("new-key-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^sk_/);
    const row = page.locator("tbody tr", { hasText: "from the dashboard" });
    await expect.poll(() => row.textContent()).toContain("run");
    expect(await row.textContent()).toContain("never"); // not used yet
    await page.screenshot({ path: path.join(SCREENSHOTS, "keys-created.png"), fullPage: true });
    await expectAccessible(page, "keys, a key just created, its secret shown once");

    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(path.resolve(import.meta.dirname, "../../node_modules/.bin/stepline"), args, {
          env: {
            ...process.env,
            PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
            STEPLINE_URL: server.url,
            STEPLINE_KEY: secret,
            STEPLINE_CONFIG: path.join(SCREENSHOTS, "no-config.json"),
          },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => {
          stdout += chunk;
        });
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        child.once("close", (code) => resolve({ code, stdout, stderr }));
      });
    const started = await cli(["runs", "start", workflowId, "--input", '{"name":"CLI","times":1}', "--json"]);
    expect(started.code, started.stderr).toBe(0);
    expect(JSON.parse(started.stdout).workflow_id).toBe(workflowId);
    const refused = await cli(["keys", "list"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs the "admin" scope');

    // The key's use shows, and the Activity page lists its creation.
    await page.reload();
    await expect.poll(() => row.locator("td[data-label='Last used']").textContent()).not.toBe("never");
    await page.getByRole("link", { name: "Activity" }).click();
    await page.locator("tr[data-action='key.created']").first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "activity.png"), fullPage: true });
    await expectAccessible(page, "activity");
    const revoke = row.getByRole("button", { name: "Revoke" });
    await page.goto(`${server.url}/keys`);
    await revoke.click();
    await row.getByRole("button", { name: /Yes, revoke/ }).click();
    await expect.poll(() => row.locator("td[data-label='State']").textContent()).toBe("revoked");
  });
});

// Last, so it sees every page any test above showed.
describe("the accessibility audit", () => {
  it("audited every page the browser showed", () => {
    const origin = new URL(server.url).origin;
    const shown = new Set(browser.visited.filter((url) => url.startsWith(origin)).map(pageOf));
    expect([...shown]).toEqual(
      expect.arrayContaining([
        "/",
        "/docs",
        "/profiles",
        "/runs",
        "/runs/{id}",
        "/schedules",
        "/workflows",
        "/workflows/{id}",
        "/keys",
        "/activity",
      ]),
    );
    expect([...shown].filter((p) => !auditedPages.has(p))).toEqual([]);
  });
});
