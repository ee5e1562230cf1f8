import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { DASHBOARD_CSP, SECURITY_HEADERS } from "../src/api/csp.ts";

const OUT = path.resolve(import.meta.dirname, "dist");
const require = createRequire(import.meta.url);

/**
 * What the Worker's assets need besides the app: Scalar's standalone bundle for /docs (so the
 * page loads nothing from a CDN), and `_headers`, which gives every file the dashboard's policy.
 */
const workerAssets = (): Plugin => ({
  name: "stepline-worker-assets",
  apply: "build",
  closeBundle() {
    mkdirSync(path.join(OUT, "docs"), { recursive: true });
    copyFileSync(
      // The package exports no path to its browser build; its stylesheet sits beside it.
      path.join(path.dirname(require.resolve("@scalar/api-reference/style.css")), "browser/standalone.js"),
      path.join(OUT, "docs/scalar.js"),
    );
    const headers = { "Content-Security-Policy": DASHBOARD_CSP, ...SECURITY_HEADERS };
    writeFileSync(
      path.join(OUT, "_headers"),
      `/*\n${Object.entries(headers)
        .map(([name, value]) => `  ${name}: ${value}\n`)
        .join("")}`,
    );
  },
});

// `npm run dev -w ui` serves the app with hot reload and sends the API to `npm run dev`'s Worker.
const API = process.env.STEPLINE_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), workerAssets()],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    // Read by the bundle budget test (test/build/ui-budget.test.ts); .assetsignore keeps it from being served.
    manifest: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: Object.fromEntries(["/v1", "/compat", "/openapi.json", "/healthz", "/docs"].map((prefix) => [prefix, API])),
  },
});
