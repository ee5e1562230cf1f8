import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Citations stay alive: every `docs/...` path named in code, scripts or Markdown, and every
 * relative Markdown link, leads to a file that exists, and its `#anchor` to a heading of that
 * file. Citations of documents that are not in the repository are refused outright.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const CODE_DIRS = ["src", "test", "packages", "ui/src", "bench", "scripts", ".ci"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".wrangler", "generated", "__screenshots__", "results", "documents", ".git"]);
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|json|sh|toml|css|html)$|^run$/;
const README_MAX_LINES = 300;

/**
 * Files that sibling changes add: a reference to one is accepted while it is missing, and
 * checked like any other (anchors included) once it exists.
 */
const PENDING = new Set<string>();

/** Design notes and vendor documents that were never part of the repository. */
const FORBIDDEN = [
  { pattern: /\bDESIGN\s*§?\s*\d/, what: "a section of the design notes" },
  { pattern: /\bDESIGN\.md\b/, what: "the design notes" },
  { pattern: /(?<![\w-])seeds\//, what: "a vendor seed document" },
];

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, keep, out);
    else if (keep(name)) out.push(full);
  }
  return out;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Lines outside fenced code blocks, with their line numbers. */
function prose(text: string): { line: string; n: number }[] {
  let fenced = false;
  const lines: { line: string; n: number }[] = [];
  text.split("\n").forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced) lines.push({ line, n: i + 1 });
  });
  return lines;
}

const anchorCache = new Map<string, Set<string>>();

/** The anchors of a Markdown file's headings; a repeated heading gets -1, -2, ... as on GitHub. */
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (anchors) return anchors;
  anchors = new Set();
  const seen = new Map<string, number>();
  for (const { line } of prose(readFileSync(file, "utf8"))) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

interface Problem {
  where: string;
  problem: string;
}

/** Checks one reference (a path relative to `from`, with an optional anchor). */
function checkTarget(target: string, from: string, where: string): Problem | null {
  const [pathPart, anchor] = target.split("#") as [string, string | undefined];
  const file = pathPart === "" ? from : path.resolve(path.dirname(from), decodeURI(pathPart));
  const relative = path.relative(ROOT, file).split(path.sep).join("/");
  if (!existsSync(file)) return PENDING.has(relative) ? null : { where, problem: `${target}: ${relative} does not exist` };
  if (anchor === undefined || !file.endsWith(".md")) return null;
  return anchorsOf(file).has(anchor) ? null : { where, problem: `${target}: ${relative} has no heading whose anchor is #${anchor}` };
}

/** `docs/...` paths named anywhere in a text, read from the repository's root. */
const DOC_PATH = /(?<![\w./-])(docs\/[\w./-]*\w)(#[\w-]+)?/g;
/** Markdown links and images with a relative target. */
const MD_LINK = /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** Every dead citation in one file's text; `file` is where it lives (absolute). */
function citationProblems(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const name = path.relative(ROOT, file);
  const rootFile = path.join(ROOT, "README.md");
  const markdown = file.endsWith(".md");
  const lines = markdown ? prose(text) : text.split("\n").map((line, i) => ({ line, n: i + 1 }));
  for (const { line, n } of lines) {
    const where = `${name}:${n}`;
    for (const { pattern, what } of FORBIDDEN) {
      if (pattern.test(line)) problems.push({ where, problem: `cites ${what}, which is not in the repository: ${line.trim()}` });
    }
    for (const match of line.matchAll(DOC_PATH)) {
      const problem = checkTarget(match[1] + (match[2] ?? ""), rootFile, where);
      if (problem) problems.push(problem);
    }
    if (!markdown) continue;
    for (const match of line.matchAll(MD_LINK)) {
      const target = match[1].replace(/^<|>$/g, "");
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("/")) continue;
      const problem = checkTarget(target, file, where);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

const markdownFiles = () => walk(ROOT, (name) => name.endsWith(".md"));
const codeFiles = () => CODE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir), (name) => TEXT_FILE.test(name)));

describe("citations in the repository", () => {
  it("every docs/ path in code and scripts exists, with the heading its anchor names, and nothing cites the design notes or the vendor seeds", () => {
    const files = codeFiles();
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => citationProblems(readFileSync(file, "utf8"), file));
    expect(problems).toEqual([]);
  });

  it("every relative link and docs/ path in every Markdown file exists, with the heading its anchor names", () => {
    const files = markdownFiles();
    expect(files.map((file) => path.relative(ROOT, file))).toEqual(expect.arrayContaining(["README.md", "docs/architecture.md"]));
    const problems = files.flatMap((file) => citationProblems(readFileSync(file, "utf8"), file));
    expect(problems).toEqual([]);
  });

  it(`keeps the README a door: under ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n").length;
    expect(lines).toBeLessThan(README_MAX_LINES);
  });
});

describe("the checker itself", () => {
  const inSrc = path.join(ROOT, "src/example.ts");
  const inDocs = path.join(ROOT, "docs", "example.md");
  // Built from parts, so that this file holds none of the citations it plants.
  const dead = ["docs", "no-such-page.md"].join("/");
  const live = ["docs", "runs.md"].join("/");

  it("finds a docs/ path that does not exist", () => {
    expect(citationProblems(`/** See ${dead}. */`, inSrc)).toEqual([
      { where: "src/example.ts:1", problem: `${dead}: ${dead} does not exist` },
    ]);
  });

  it("finds an anchor that names no heading, and accepts one that does", () => {
    expect(citationProblems(`// ${live}#no-such-heading`, inSrc).map((p) => p.problem)).toEqual([
      `${live}#no-such-heading: ${live} has no heading whose anchor is #no-such-heading`,
    ]);
    expect(citationProblems(`// ${live}#guarantees and ${live}#idempotency-keys`, inSrc)).toEqual([]);
  });

  it("finds citations of the design notes and of the vendor seeds", () => {
    const design = ["DESIGN", "9.4"].join(" ");
    const seed = ["seeds", "leap.md"].join("/");
    expect(citationProblems(`/** ${design} */`, inSrc)).toHaveLength(1);
    expect(citationProblems(`/** Seed: ${seed} */`, inSrc)).toHaveLength(1);
  });

  it("resolves Markdown links from the file they are in, skips code blocks and other origins", () => {
    const text = [
      "[runs](runs.md#guarantees) [the door](../README.md#configuration) [mdn](https://developer.mozilla.org/)",
      "[gone](gone.md) [no heading](runs.md#nothing-here)",
      "```",
      "[in a code block](gone.md)",
      "```",
    ].join("\n");
    expect(citationProblems(text, inDocs).map((p) => p.problem)).toEqual([
      `gone.md: ${path.relative(ROOT, path.join(ROOT, "docs", "gone.md"))} does not exist`,
      `runs.md#nothing-here: ${live} has no heading whose anchor is #nothing-here`,
    ]);
  });

  it("makes anchors as GitHub does", () => {
    expect(slug("Where a run's cost goes")).toBe("where-a-runs-cost-goes");
    expect(slug("Dialects: coming from another workflow service")).toBe("dialects-coming-from-another-workflow-service");
    expect(slug("`wait_for_event` and [links](x.md)")).toBe("wait_for_event-and-links");
  });
});
