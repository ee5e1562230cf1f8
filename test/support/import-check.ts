import fs from "node:fs";
import path from "node:path";
import type { LayerMap } from "./layer-map";

/** One import of a module: static, `import type`, re-export, dynamic `import()` or an import type. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

export interface ModuleFacts {
  imports: ImportEdge[];
  /** Lines that build a stub of a Durable Object (`idFromName`, `getByName`, `BINDING.get(`). */
  stubLines: number[];
}

interface Token {
  kind: "word" | "string" | "punct";
  text: string;
  line: number;
}

/** After these a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]);

/**
 * The tokens of a TypeScript module that matter to its imports: words, string literals (with
 * their text) and punctuation. Comments, template literal text and regular expressions are
 * skipped, so an import written inside one of them is not taken for a real one. (The
 * installed TypeScript is the native compiler, whose parser has no stable JavaScript API.)
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  // Open template literals, each with the depth of braces its current `${` opened at.
  const templates: number[] = [];
  let braces = 0;
  const advance = (to: number) => {
    for (; i < to; i++) if (source[i] === "\n") line++;
  };
  const scanTemplate = () => {
    // i is just after a backtick or the `}` that closes a substitution.
    while (i < source.length) {
      const c = source[i];
      if (c === "\\") advance(i + 2);
      else if (c === "`") {
        i++;
        return;
      } else if (c === "$" && source[i + 1] === "{") {
        i += 2;
        templates.push(braces);
        braces++;
        return;
      } else advance(i + 1);
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "\n" || c === " " || c === "\t" || c === "\r") advance(i + 1);
    else if (c === "/" && next === "/") advance(source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i));
    else if (c === "/" && next === "*") advance(source.indexOf("*/", i + 2) + 2);
    else if (c === '"' || c === "'") {
      const startLine = line;
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      tokens.push({ kind: "string", text: source.slice(i + 1, j), line: startLine });
      advance(j + 1);
    } else if (c === "`") {
      i++;
      tokens.push({ kind: "string", text: "", line });
      scanTemplate();
    } else if (c === "}" && templates.length > 0 && templates[templates.length - 1] === braces - 1) {
      templates.pop();
      braces--;
      i++;
      scanTemplate();
    } else if (c === "/") {
      const previous = tokens[tokens.length - 1];
      const regex =
        !previous ||
        (previous.kind === "punct" && !")]}".includes(previous.text)) ||
        (previous.kind === "word" && BEFORE_REGEX.has(previous.text));
      if (!regex) {
        tokens.push({ kind: "punct", text: c, line });
        i++;
        continue;
      }
      let j = i + 1;
      let inClass = false;
      while (j < source.length && (source[j] !== "/" || inClass)) {
        if (source[j] === "\\") j++;
        else if (source[j] === "[") inClass = true;
        else if (source[j] === "]") inClass = false;
        j++;
      }
      advance(j + 1);
      while (i < source.length && /[a-z]/.test(source[i])) i++;
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i;
      while (j < source.length && /[A-Za-z_$0-9]/.test(source[j])) j++;
      tokens.push({ kind: "word", text: source.slice(i, j), line });
      i = j;
    } else {
      if (c === "{") braces++;
      else if (c === "}") braces--;
      tokens.push({ kind: "punct", text: c, line });
      i++;
    }
  }
  return tokens;
}

/** The specifier of each import of a module, with its line: every form, type-only ones too. */
export function importsOf(source: string): Array<{ specifier: string; line: number }> {
  const tokens = tokenize(source);
  const found: Array<{ specifier: string; line: number }> = [];
  const at = (index: number) => tokens[index] as Token | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== "word" || (token.text !== "import" && token.text !== "export")) continue;
    if (at(index - 1)?.text === ".") continue;
    // import("x"), including the type form `typeof import("x")`.
    if (token.text === "import" && at(index + 1)?.text === "(") {
      const argument = at(index + 2);
      if (argument?.kind === "string") found.push({ specifier: argument.text, line: argument.line });
      continue;
    }
    // import "x";
    if (token.text === "import" && at(index + 1)?.kind === "string") {
      found.push({ specifier: (at(index + 1) as Token).text, line: token.line });
      continue;
    }
    // import ... from "x" / export ... from "x": the clause ends at `from` and a string.
    const first = at(index + 1);
    if (token.text === "export" && !(first?.text === "*" || first?.text === "{" || (first?.text === "type" && at(index + 2)?.text === "{")))
      continue;
    let depth = 0;
    for (let j = index + 1; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.text === "{") depth++;
      else if (t.text === "}") depth--;
      else if (depth === 0 && t.text === ";") break;
      else if (depth === 0 && t.text === "from" && at(j + 1)?.kind === "string") {
        found.push({ specifier: (at(j + 1) as Token).text, line: token.line });
        break;
      } else if (depth === 0 && t.kind === "word" && j > index + 1 && at(j - 1)?.text === "}" && t.text !== "from") break;
    }
  }
  return found;
}

/** Lines that build a stub of a Durable Object: `.idFromName(`, `.getByName(`, `BINDING.get(`. */
export function stubLinesOf(source: string): number[] {
  const tokens = tokenize(source);
  const lines: number[] = [];
  tokens.forEach((token, index) => {
    if (tokens[index - 1]?.text !== "." || tokens[index + 1]?.text !== "(") return;
    // A binding is a capitalised field of the environment: `env.RUNS.get(id)`, not `NAMES.get(key)`.
    const bindingGet =
      token.text === "get" &&
      tokens[index - 3]?.text === "." &&
      tokens[index - 2]?.kind === "word" &&
      /^[A-Z][A-Z0-9_]+$/.test(tokens[index - 2].text);
    if ((STUB_METHODS.has(token.text) || bindingGet) && !lines.includes(token.line)) lines.push(token.line);
  });
  return lines;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(root: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(fromFile), specifier).replace(/\.js$/, "");
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate)) return path.relative(root, candidate).split(path.sep).join("/");
  }
  return null;
}

const STUB_METHODS = new Set(["idFromName", "idFromString", "getByName", "newUniqueId"]);

/** Every import and every stub built by each module under `root`, by path relative to it. */
export function readModules(root: string): Map<string, ModuleFacts> {
  const modules = new Map<string, ModuleFacts>();
  for (const file of sourceFiles(root)) {
    const name = path.relative(root, file).split(path.sep).join("/");
    const source = fs.readFileSync(file, "utf8");
    const imports: ImportEdge[] = [];
    for (const { specifier, line } of importsOf(source)) {
      const to = resolve(root, file, specifier);
      if (to) imports.push({ from: name, to, line });
    }
    modules.set(name, { imports, stubLines: stubLinesOf(source) });
  }
  return modules;
}

const matches = (module: string, paths: string[]) => paths.filter((p) => (p.endsWith("/") ? module.startsWith(p) : module === p));

/** The index of a module's layer (bottom 0): the layer with the longest path that matches it. */
export function layerOf(map: LayerMap, module: string): number {
  let best = -1;
  let length = -1;
  map.layers.forEach((layer, index) => {
    for (const p of matches(module, layer.paths)) {
      if (p.length > length) {
        best = index;
        length = p.length;
      }
    }
  });
  return best;
}

/** Every import cycle: one cycle through each knot of files that import each other, and the knot's other files. */
export function findCycles(modules: Map<string, ModuleFacts>): string[][] {
  const edges = new Map([...modules].map(([name, facts]) => [name, [...new Set(facts.imports.map((edge) => edge.to))].sort()]));
  // Tarjan's strongly connected components; each with more than one file (or a file importing
  // itself) holds a cycle, and one cycle through its first file is reported.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) components.push(component.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => {
    const inside = new Set(component);
    const start = component[0];
    // Breadth-first from the start back to it, inside the component: the shortest cycle through it.
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift() as string;
      for (const next of edges.get(node) ?? []) {
        if (!inside.has(next) || previous.has(next)) continue;
        previous.set(next, node);
        if (next === start) queue.length = 0;
        else queue.push(next);
      }
    }
    const cycle: string[] = [];
    for (let node = previous.get(start) as string; node !== start; node = previous.get(node) as string) cycle.unshift(node);
    const path = [start, ...cycle, start];
    const others = component.filter((file) => !path.includes(file));
    return others.length > 0 ? [...path, `(and ${others.join(", ")})`] : path;
  });
}

/** What breaks the layer map, one line each; empty when the tree keeps every rule. */
export function checkLayers(root: string, map: LayerMap): string[] {
  const modules = readModules(root);
  const problems: string[] = [];
  for (const [name, facts] of modules) {
    const own = layerOf(map, name);
    if (own < 0) {
      problems.push(`${name}: in no layer (add it to the layer map)`);
      continue;
    }
    for (const edge of facts.imports) {
      const target = layerOf(map, edge.to);
      if (target > own)
        problems.push(
          `${name}:${edge.line}: upward import of ${edge.to} (${map.layers[own].name} must not import ${map.layers[target].name})`,
        );
      if (edge.to === map.dialectList && !map.compositionRoot.includes(name))
        problems.push(`${name}:${edge.line}: imports the list of dialects (${map.dialectList}); only the composition root may`);
    }
    if (matches(name, map.stubBuilders).length === 0) {
      for (const line of facts.stubLines)
        problems.push(`${name}:${line}: builds a stub of a Durable Object; only ${map.stubBuilders.join(", ")} may`);
    }
  }
  for (const cycle of findCycles(modules)) problems.push(`import cycle: ${cycle.join(" -> ").replace(" -> (", " (")}`);
  return problems;
}
