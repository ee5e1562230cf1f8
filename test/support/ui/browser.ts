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

export interface LoggedRequest {
  url: string;
  headers: Record<string, string>;
}

export interface Browser {
  context: BrowserContext;
  /** Every request any page of the context made, in order. */
  requests: LoggedRequest[];
  /** Content-Security-Policy violations the pages reported. */
  violations: string[];
  /** Uncaught exceptions of the pages. */
  crashes: string[];
  /** Errors the pages wrote to the console. */
  consoleErrors: string[];
  /** Every URL a page of the context showed, history changes of the app included. */
  visited: string[];
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
    viewport: { width: 1280, height: 900 },
  });
  const requests: LoggedRequest[] = [];
  const violations: string[] = [];
  const crashes: string[] = [];
  const consoleErrors: string[] = [];
  const visited: string[] = [];
  context.on("request", (request) => requests.push({ url: request.url(), headers: request.headers() }));
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => crashes.push(`${page.url()}: ${error.message}`));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    requests,
    violations,
    crashes,
    consoleErrors,
    visited,
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
