import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/** Where `stepline login` keeps the base URL and key. */
export interface Credentials {
  url: string;
  key: string;
}

/** `STEPLINE_CONFIG`, else `$XDG_CONFIG_HOME/stepline/config.json` (`~/.config/...`; `%APPDATA%` on Windows). */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STEPLINE_CONFIG) return path.resolve(env.STEPLINE_CONFIG);
  const base = env.XDG_CONFIG_HOME || (process.platform === "win32" && env.APPDATA ? env.APPDATA : path.join(homedir(), ".config"));
  return path.join(base, "stepline", "config.json");
}

function readConfig(file: string): Partial<Credentials> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    return { url: typeof parsed.url === "string" ? parsed.url : undefined, key: typeof parsed.key === "string" ? parsed.key : undefined };
  } catch {
    throw new UsageError(`${file} is not valid JSON; run stepline login again`);
  }
}

/** The file is readable by its owner only: it holds an API key. */
export function saveCredentials(credentials: Credentials, env: NodeJS.ProcessEnv = process.env): string {
  const file = configPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** Flags win over `STEPLINE_URL` / `STEPLINE_KEY`, which win over the config file. */
export function resolveCredentials(flags: { url?: string; key?: string }, env: NodeJS.ProcessEnv = process.env): Credentials {
  const saved = readConfig(configPath(env));
  const url = flags.url || env.STEPLINE_URL || saved.url;
  const key = flags.key || env.STEPLINE_KEY || saved.key;
  if (!url || !key) {
    throw new UsageError("Not logged in: run `stepline login`, or set STEPLINE_URL and STEPLINE_KEY");
  }
  return { url, key };
}

/** A mistake in how the command was called (exit code 2), as opposed to a failure of the call itself. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
