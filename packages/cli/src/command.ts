import { readFileSync } from "node:fs";
import type { Stepline } from "@stepline/client";
import { UsageError } from "./config.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder of the value in help, e.g. "JSON". */
  value?: string;
  description: string;
}

export type Flags = Record<string, string | boolean | undefined>;

export interface Context {
  /** Positionals after the command's words, by the names in `args`. */
  args: Record<string, string | undefined>;
  flags: Flags;
  json: boolean;
  client(): Stepline;
  /** The command's answer: JSON under --json, else the human rendering. */
  answer(value: unknown, human: () => string): void;
  stdout: NodeJS.WriteStream;
}

export interface Command {
  words: string[];
  /** Positional arguments; a name in brackets is optional. */
  args?: string[];
  options?: Record<string, OptionSpec>;
  /** Required options, shown in the usage line: `-f <definition.json>`. */
  synopsis?: string;
  summary: string;
  /** Resolves with the exit code (default 0). */
  run(ctx: Context): Promise<number | undefined>;
}

/** A JSON flag's value; `@file` reads a file and `-` reads stdin. */
export function jsonFlag(ctx: Context, name: string): unknown {
  const raw = ctx.flags[name];
  if (raw === undefined || typeof raw === "boolean") return undefined;
  const text = raw === "-" ? readFileSync(0, "utf8") : raw.startsWith("@") ? readFile(raw.slice(1), name) : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--${name} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readFile(file: string, flag: string): string {
  try {
    return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--${flag}: cannot read ${file}: ${(error as Error).message}`);
  }
}

export function intFlag(ctx: Context, name: string): number | undefined {
  const raw = ctx.flags[name];
  if (raw === undefined || typeof raw === "boolean") return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}

export const stringFlag = (ctx: Context, name: string): string | undefined => {
  const raw = ctx.flags[name];
  return typeof raw === "string" ? raw : undefined;
};

/** The argument `name`, which the parser has already checked is there. */
export const arg = (ctx: Context, name: string): string => ctx.args[name] as string;

export const PAGE_OPTIONS: Record<string, OptionSpec> = {
  limit: { type: "string", value: "N", description: "At most N items (1-100, default 20)" },
  cursor: { type: "string", value: "CURSOR", description: "The next page: the cursor a previous page printed" },
};

/** A list page's footer: how to get the next page. */
export const more = (cursor: string | null): string => (cursor ? `\nMore: --cursor ${cursor}` : "");
