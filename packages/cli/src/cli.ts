import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Stepline, SteplineError } from "@stepline/client";
import type { Command, Context, OptionSpec } from "./command.js";
import { keyCommands } from "./commands/keys.js";
import { loginCommand } from "./commands/login.js";
import { otherCommands } from "./commands/others.js";
import { runCommands } from "./commands/runs.js";
import { variableCommands } from "./commands/variables.js";
import { workflowCommands } from "./commands/workflows.js";
import { resolveCredentials, UsageError } from "./config.js";
import { json, paintFor } from "./format.js";

/** The version of this package, from its package.json (dist/cli.js -> ../package.json). */
const version = (): string => JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

const COMMANDS: Command[] = [loginCommand, ...workflowCommands, ...runCommands, ...otherCommands, ...variableCommands, ...keyCommands];

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: "boolean", description: "Print the answer as JSON (one document) for scripts" },
  url: { type: "string", value: "URL", description: "Stepline's base URL (overrides STEPLINE_URL and the login)" },
  key: { type: "string", value: "KEY", description: "An API key (overrides STEPLINE_KEY and the login)" },
  help: { type: "boolean", short: "h", description: "Show help" },
};

const usageOf = (command: Command) =>
  [
    "stepline",
    ...command.words,
    ...(command.args ?? []).map((a) => (a.startsWith("[") ? a : `<${a}>`)),
    ...(command.synopsis ? [command.synopsis] : []),
  ].join(" ");

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    return [flag, spec.description];
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}

function help(prefix: string[]): string {
  const exact = COMMANDS.find((c) => c.words.join(" ") === prefix.join(" "));
  if (exact) {
    return [
      `Usage: ${usageOf(exact)} [options]`,
      "",
      exact.summary,
      "",
      "Options:",
      ...optionLines({ ...GLOBAL_OPTIONS, ...exact.options }),
    ].join("\n");
  }
  const matching = COMMANDS.filter((c) => prefix.every((word, i) => c.words[i] === word));
  const listed = matching.length > 0 ? matching : COMMANDS;
  const width = Math.max(...listed.map((c) => usageOf(c).length));
  return [
    "Usage: stepline <command> [options]",
    "",
    "Commands:",
    ...listed.map((c) => `  ${usageOf(c).padEnd(width)}  ${c.summary}`),
    "",
    "Options for every command:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Credentials come from --url/--key, else STEPLINE_URL/STEPLINE_KEY, else `stepline login`",
    "(saved to STEPLINE_CONFIG, else $XDG_CONFIG_HOME/stepline/config.json or ~/.config/stepline/config.json).",
    "Exit codes: 0 success, 1 the API refused or the run did not complete, 2 a usage mistake.",
    "`stepline <command> --help` describes a command; `stepline --version` prints the version.",
  ].join("\n");
}

/** Every option of every command, so the command's words can be found before its own options are known. */
const ALL_OPTIONS = Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options ?? {})) as Record<string, OptionSpec>;

const parseOptions = (options: Record<string, OptionSpec>) =>
  Object.fromEntries(Object.entries(options).map(([name, { type, short }]) => [name, short ? { type, short } : { type }]));

function findCommand(positionals: string[]): Command | undefined {
  return COMMANDS.filter((c) => c.words.every((word, i) => positionals[i] === word)).sort((a, b) => b.words.length - a.words.length)[0];
}

/** The longest start of `words` that some command begins with: `runs frob` -> `runs`. */
function knownPrefix(words: string[]): string[] {
  let prefix: string[] = [];
  for (let i = 1; i <= words.length; i++) {
    const candidate = words.slice(0, i);
    if (!COMMANDS.some((c) => candidate.every((word, j) => c.words[j] === word))) break;
    prefix = candidate;
  }
  return prefix;
}

function report(error: unknown, asJson: boolean): number {
  const stderr = process.stderr;
  const paint = paintFor(stderr);
  if (error instanceof UsageError) {
    stderr.write(`${paint.red("Error:")} ${error.message}\n`);
    return 2;
  }
  if (error instanceof SteplineError) {
    if (asJson) {
      const body = { code: error.code, message: error.message, status: error.status, details: error.details, request_id: error.requestId };
      process.stdout.write(`${json({ error: body })}\n`);
    }
    const lines = [
      `${paint.red("Error:")} ${error.message} ${paint.dim(`(${error.code}${error.status ? `, HTTP ${error.status}` : ""})`)}`,
    ];
    for (const detail of error.details) lines.push(`  ${detail.path}: ${detail.message}`);
    if (error.requestId) lines.push(paint.dim(`  request id ${error.requestId}`));
    stderr.write(`${lines.join("\n")}\n`);
    return 1;
  }
  stderr.write(`${paint.red("Error:")} ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** Runs one command line; resolves with the process's exit code. */
export async function main(argv: string[]): Promise<number> {
  let asJson = argv.includes("--json");
  try {
    const loose = parseArgs({ args: argv, options: parseOptions(ALL_OPTIONS), allowPositionals: true, strict: false });
    if (argv.length === 1 && argv[0] === "--version") {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    const command = findCommand(loose.positionals);
    if (loose.values.help || argv.length === 0) {
      process.stdout.write(`${help(command?.words ?? knownPrefix(loose.positionals))}\n`);
      return 0;
    }
    if (!command) {
      process.stderr.write(`Unknown command: stepline ${loose.positionals.join(" ")}\n\n${help(knownPrefix(loose.positionals))}\n`);
      return 2;
    }
    const { values, positionals } = parseArgs({
      args: argv,
      options: parseOptions({ ...GLOBAL_OPTIONS, ...command.options }),
      allowPositionals: true,
      strict: true,
    });
    asJson = values.json === true;
    const rest = positionals.slice(command.words.length);
    const names = command.args ?? [];
    const required = names.filter((n) => !n.startsWith("["));
    if (rest.length < required.length || rest.length > names.length) {
      throw new UsageError(`usage: ${usageOf(command)}${rest.length > names.length ? ` (unexpected "${rest[names.length]}")` : ""}`);
    }
    let client: Stepline | undefined;
    const out = process.stdout;
    const ctx: Context = {
      args: Object.fromEntries(names.map((name, i) => [name.replace(/^\[|\]$/g, ""), rest[i]])),
      flags: values,
      json: asJson,
      stdout: out,
      client: () => {
        if (!client) {
          const { url, key } = resolveCredentials({ url: values.url as string | undefined, key: values.key as string | undefined });
          client = new Stepline({ baseUrl: url, apiKey: key });
        }
        return client;
      },
      answer: (value, human) => {
        const text = asJson ? json(value) : human();
        if (text !== "") out.write(`${text}\n`);
      },
    };
    return (await command.run(ctx)) ?? 0;
  } catch (error) {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return report(new UsageError(error.message), asJson);
    }
    return report(error, asJson);
  }
}
