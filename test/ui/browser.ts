import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's chromium (`apt-get install chromium`); .ci/run installs it when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Everything that would reach the network on its own (updates, sync, QUIC probes) is off, so
// the request log holds only what the pages asked for.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** Every URL any page of the context requested, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions of every page (CSP violations land here). */
  problems: string[];
  page(width: number): Promise<Page>;
  close(): Promise<void>;
}

/** A headless chromium with a fresh profile, logging every request and every page error. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "stepline-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ignoreDefaultArgs: ["--headless=new"],
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    requests,
    problems,
    async page(width) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
