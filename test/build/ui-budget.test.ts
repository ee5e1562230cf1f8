import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { DASHBOARD_CSP } from "../../src/api/csp";
import { SCALAR_BUNDLE } from "../../src/api/docs";

/** The dashboard's build output (`npm run build`, which `npm test` runs first). */
const DIST = path.resolve(import.meta.dirname, "../../ui/dist");
const BUDGET = 300 * 1024;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifest = (): Record<string, Chunk> => JSON.parse(readFileSync(path.join(DIST, ".vite/manifest.json"), "utf8"));

/** The chunks these load before anything runs: themselves and their static imports, transitively. */
function staticClosure(chunks: Record<string, Chunk>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of chunks[key].imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

it("loads the run page with under 300 KB of gzipped JavaScript: the entry, the run page's chunk and their imports", () => {
  const chunks = manifest();
  const entry = Object.keys(chunks).find((key) => chunks[key].isEntry) as string;
  const html = readFileSync(path.join(DIST, "index.html"), "utf8");
  expect(html).toContain(`src="/${chunks[entry].file}"`);
  // The router imports each page on demand: on /runs/:id it fetches the run page's chunk at once.
  const runPage = "src/pages/run.tsx";
  expect(chunks[entry].dynamicImports).toContain(runPage);

  const files = [...staticClosure(chunks, [entry, runPage])].map((key) => chunks[key].file);
  const sizes = files.map((file) => ({ file, gzipped: gzipSync(readFileSync(path.join(DIST, file))).length }));
  const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
  console.log(`run page initial JS: ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files (budget ${BUDGET / 1024} KB)`);
  expect(total).toBeLessThan(BUDGET);
  // The graph library rides with the run page, not with the entry every page loads.
  expect(staticClosure(chunks, [entry]).size).toBeLessThan(files.length);
});

/** The builder's own code, on top of what the run page already loads. */
const BUILDER_BUDGET = 14 * 1024;

it("loads the builder only on its routes, in chunks of its own under their budget", () => {
  const chunks = manifest();
  const entry = Object.keys(chunks).find((key) => chunks[key].isEntry) as string;
  const builderPage = "src/pages/builder.tsx";
  expect(chunks[entry].dynamicImports).toContain(builderPage);
  const runClosure = staticClosure(chunks, [entry, "src/pages/run.tsx"]);
  expect(runClosure.has(builderPage)).toBe(false);
  expect([...runClosure].some((key) => key.includes("src/builder/"))).toBe(false);

  // What the builder's routes fetch beyond the run page's closure (the graph library is shared).
  const own = [...staticClosure(chunks, [builderPage])].filter((key) => !runClosure.has(key)).map((key) => chunks[key].file);
  const total = own.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0);
  console.log(
    `builder JS beyond the run page's: ${(total / 1024).toFixed(1)} KB gzipped in ${own.length} files (budget ${BUILDER_BUDGET / 1024} KB)`,
  );
  expect(total).toBeLessThan(BUILDER_BUDGET);
});

it("ships what the Worker's assets promise: Scalar for /docs and every file's Content-Security-Policy", () => {
  expect(existsSync(path.join(DIST, SCALAR_BUNDLE))).toBe(true);
  const headers = readFileSync(path.join(DIST, "_headers"), "utf8");
  expect(headers).toContain(`/*\n  Content-Security-Policy: ${DASHBOARD_CSP}\n`);
  expect(readFileSync(path.join(DIST, ".assetsignore"), "utf8")).toContain(".vite");
});
