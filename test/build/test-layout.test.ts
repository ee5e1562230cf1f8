import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/**
 * The layout of test/ (docs/testing.md): tests of `src/<dir>/<module>.ts` are
 * `test/<dir>/<module>[.<aspect>].test.ts`, a dialect's tests sit in `test/dialects/<dialect>/`,
 * the client package's in `test/client/`, whole-system suites in e2e/, faults/, ui/ and build/,
 * and every shared helper in `test/support/`.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const TEST = path.join(ROOT, "test");
const SYSTEM_SUITES = new Set(["e2e", "faults", "ui", "build"]);
/** Files that are neither tests nor helpers, and why they live where they do. */
const DATA = new Set([
  "tsconfig.json",
  "faults/results.json", // figures the fault suite writes and the docs quote
  "client/types.ts", // compile-time checks of the client's types, run by tsc, not vitest
]);
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.test\.ts$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(TEST, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes("__screenshots__"));
}

/** Where the module a test file is named after should be, or null when it is a whole-system suite. */
function moduleOf(file: string): string[] | null {
  const [top, ...rest] = file.split(path.sep);
  if (SYSTEM_SUITES.has(top)) return null;
  const dir = path.dirname(file);
  const module = path.basename(file).split(".")[0];
  if (top === "client") return [path.join("packages/client/src", `${module}.ts`)];
  if (top === "dialects" && rest.length === 2) return [path.join("src/dialects", rest[0])];
  return [path.join("src", dir, `${module}.ts`), path.join("src", dir, module)];
}

it("names every test file after a module that exists, in lowercase kebab-case with aspects after a dot", () => {
  const tests = filesUnder(TEST).filter((file) => file.endsWith(".test.ts"));
  expect(tests.length).toBeGreaterThan(50);
  const misplaced = tests.filter((file) => {
    const candidates = moduleOf(file);
    return candidates !== null && !candidates.some((candidate) => existsSync(path.join(ROOT, candidate)));
  });
  expect(misplaced, "tests whose module is not at the mirrored path in src/").toEqual([]);
  expect(
    tests.filter((file) => !NAME.test(path.basename(file))),
    "test files not named in lowercase kebab-case",
  ).toEqual([]);
});

it("keeps every shared helper in test/support/", () => {
  const helpers = filesUnder(TEST).filter(
    (file) =>
      !file.endsWith(".test.ts") && !file.startsWith(`support${path.sep}`) && !file.startsWith(`api${path.sep}documents${path.sep}`),
  );
  expect(helpers.filter((file) => !DATA.has(file))).toEqual([]);
});
