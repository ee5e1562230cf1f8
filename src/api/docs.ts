import { DIALECTS } from "../dialects";
import { compatBase } from "../dialects/kit";
import { DOCS_CSP } from "./csp";
import type { App } from "./env";

/** Where the dashboard's build puts Scalar's standalone bundle (ui/vite.config.ts). */
export const SCALAR_BUNDLE = "/docs/scalar.js";

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * `/docs`: the API reference of the native API and of every dialect, rendered by Scalar from
 * this deployment's own assets. The configuration travels in a data attribute, so the page
 * has no inline script and runs under a policy that allows scripts from this origin only;
 * Scalar's fonts, telemetry and agent would reach other origins, so they are off.
 */
function renderPage(): string {
  const configuration = {
    pageTitle: "Stepline API",
    sources: [
      { title: "Stepline", slug: "stepline", url: "/openapi.json" },
      ...DIALECTS.map(({ name, title }) => ({ title, slug: name, url: `${compatBase(name)}/openapi.json` })),
    ],
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: "never",
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Stepline API</title>
  </head>
  <body>
    <script id="api-reference" type="application/json" data-configuration="${escapeAttribute(JSON.stringify(configuration))}"></script>
    <script src="${SCALAR_BUNDLE}"></script>
  </body>
</html>
`;
}

/** Serves the page, written on its first request: it never changes once the Worker is deployed. */
export function registerDocs(app: App): void {
  let page: string | null = null;
  app.get("/docs", (c) => {
    page ??= renderPage();
    c.header("Content-Security-Policy", DOCS_CSP);
    return c.html(page);
  });
}
