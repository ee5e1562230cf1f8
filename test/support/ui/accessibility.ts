import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ImpactValue, RunOptions } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The dashboard's accessibility checks, one call per page state: axe-core at both widths and in
 * both colour schemes, and the keyboard's focus walked through every control. A page added to
 * the browser suite gets them by calling `expectAccessible` once it has loaded.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const WIDTHS = [1280, 390] as const;
export const SCHEMES = ["light", "dark"] as const;
const FAILING: ImpactValue[] = ["critical", "serious"];

// Every rule axe has, the experimental ones too (label-content-name-mismatch is one), except
// the AAA contrast level: the dashboard is held to AA.
const OPTIONS: RunOptions = {
  rules: { "color-contrast-enhanced": { enabled: false } },
  resultTypes: ["violations"],
};

export interface Finding {
  rule: string;
  impact: ImpactValue;
  help: string;
  /** Each failing element: its selector, what axe found, and in which layouts. */
  nodes: { target: string; summary: string; where: string[] }[];
}

/** A report line per finding, with each element and where it failed. */
export const describeFindings = (findings: Finding[]) =>
  findings
    .map(
      (f) =>
        `${f.impact} ${f.rule}: ${f.help}\n` +
        f.nodes.map((n) => `    ${n.target} (${n.where.join("; ")})\n      ${n.summary.replaceAll("\n", "\n      ")}`).join("\n"),
    )
    .join("\n");

const settle = (page: Page) =>
  page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))))");

interface RawViolation {
  id: string;
  impact: ImpactValue;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** axe over the whole document as it is now (evaluated over the DevTools protocol, so the page's CSP does not apply). */
async function runAxe(page: Page): Promise<RawViolation[]> {
  if ((await page.evaluate("typeof window.axe")) === "undefined") await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const { axe, document } = globalThis as unknown as { axe: typeof import("axe-core"); document: import("axe-core").ElementContext };
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "minor",
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })),
    }));
  }, OPTIONS);
}

/** Every pathname an audit covered, ids replaced by `{id}`: the suite checks no visited page was skipped. */
export const auditedPages = new Set<string>();

/** `/runs/0193…` → `/runs/{id}`. */
export const pageOf = (url: string) =>
  new URL(url).pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|$)/gi, "/{id}").replace(/(.)\/$/, "$1");

/** axe at each width and colour scheme, findings merged by rule and element; the viewport and scheme are put back. */
export async function audit(page: Page): Promise<Finding[]> {
  const viewport = page.viewportSize();
  const findings = new Map<string, Finding>();
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        for (const v of await runAxe(page)) {
          const finding = findings.get(v.id) ?? { rule: v.id, impact: v.impact, help: v.help, nodes: [] };
          findings.set(v.id, finding);
          for (const node of v.nodes) {
            const known = finding.nodes.find((n) => n.target === node.target);
            if (known) known.where.push(`${width} px ${scheme}`);
            else finding.nodes.push({ ...node, where: [`${width} px ${scheme}`] });
          }
        }
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
    if (viewport) await page.setViewportSize(viewport);
    // Let resize observers run: React Flow pans a focused node into the view it last measured.
    await settle(page);
  }
  auditedPages.add(pageOf(page.url()));
  return [...findings.values()];
}

/** A control that has the keyboard's focus, and whether it shows it. */
export interface FocusStop {
  element: string;
  visible: boolean;
}

/**
 * Tabs from the top of the page through every control until focus leaves the document or
 * comes round again, noting for each whether it draws an outline or a ring where it stands.
 */
export async function walkFocus(page: Page, limit = 400): Promise<FocusStop[]> {
  // Tab goes on from where focus or a click last was, which may be an element gone since: a
  // focused placeholder before everything else puts the start at the top of the page.
  await page.evaluate(`(() => {
    const start = document.createElement("span");
    start.tabIndex = -1;
    start.id = "focus-walk-start";
    document.body.prepend(start);
    start.focus();
  })()`);
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (i === 0) await page.evaluate('document.getElementById("focus-walk-start")?.remove()');
    const stop = await page.evaluate<(FocusStop & { key: string }) | null>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.focusKey) el.dataset.focusKey = String(Math.random());
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== "rgba(0, 0, 0, 0)";
      const ring = style.boxShadow !== "none";
      const name = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40);
      const element = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "") + (name ? " \\"" + name + "\\"" : "");
      return { key: el.dataset.focusKey, element, visible: el.matches(":focus-visible") && (outline || ring) };
    })()`);
    if (!stop || seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ element: stop.element, visible: stop.visible });
  }
  await page.evaluate("document.querySelectorAll('[data-focus-key]').forEach((el) => el.removeAttribute('data-focus-key'))");
  return stops;
}

/**
 * What a page is let off, each with its reason, for markup Stepline serves but does not write
 * (a third-party bundle). What is let off is still printed, and an exemption that no longer
 * matches anything is an error, so the list shrinks as the bundle is fixed.
 */
export interface Exemptions {
  /** axe rules, by id. */
  rules?: Record<string, string>;
  /** Controls that show no focus, by the start of the description `walkFocus` gives them. */
  focus?: Record<string, string>;
}

/**
 * The page as it stands passes axe with no serious or critical violation at 1280 and 390 px,
 * light and dark (moderate and minor ones are printed), and every control the keyboard reaches
 * shows its focus. Returns the focus stops for checks of their own (the graph's nodes).
 */
export async function expectAccessible(page: Page, state: string, { rules = {}, focus = {} }: Exemptions = {}): Promise<FocusStop[]> {
  const findings = await audit(page);
  const failing = findings.filter((f) => FAILING.includes(f.impact) && !(f.rule in rules));
  const reported = findings.filter((f) => !FAILING.includes(f.impact) || f.rule in rules);
  if (reported.length > 0) console.log(`axe, ${state}:\n${describeFindings(reported)}`);
  expect(
    failing.map((f) => `${f.impact} ${f.rule}`),
    `axe, ${state}:\n${describeFindings(failing)}\n`,
  ).toEqual([]);

  const stops = await walkFocus(page);
  expect(stops.length, `${state}: the keyboard reaches no control`).toBeGreaterThan(0);
  const hidden = stops.filter((s) => !s.visible).map((s) => s.element);
  const exempt = (element: string) => Object.keys(focus).some((start) => element.startsWith(start));
  if (hidden.some(exempt)) console.log(`${state}: controls that hide their focus, let off:\n    ${hidden.filter(exempt).join("\n    ")}`);
  expect(
    hidden.filter((element) => !exempt(element)),
    `${state}: controls that hide their focus`,
  ).toEqual([]);

  expect(
    [
      ...Object.keys(rules).filter((rule) => !findings.some((f) => f.rule === rule)),
      ...Object.keys(focus).filter((start) => !hidden.some((element) => element.startsWith(start))),
    ],
    `${state}: exemptions that no longer match anything; take them off the list`,
  ).toEqual([]);
  return stops;
}
