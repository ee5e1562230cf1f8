import { readFileSync } from "node:fs";
import { Stepline, unwrap } from "@stepline/client";
import { type Command, stringFlag } from "../command.js";
import { configPath, saveCredentials, UsageError } from "../config.js";

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          done();
          return resolve(value);
        }
        if (char === "\u0003") {
          done();
          return reject(new UsageError("cancelled"));
        }
        value = char === "\u007f" || char === "\b" ? value.slice(0, -1) : value + char;
      }
    };
    const done = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    input.on("data", onData);
  });
}

/** The key from --key, else typed at the terminal, else the first line piped in. */
async function keyFrom(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.stdin.isTTY) return (await readHidden("API key: ")).trim();
  return readFileSync(0, "utf8").split(/\r?\n/)[0].trim();
}

export const loginCommand: Command = {
  words: ["login"],
  summary: "Save the base URL and an API key for later commands (checked first)",
  options: {
    url: { type: "string", value: "URL", description: "Stepline's base URL (default: STEPLINE_URL, else http://localhost:8787)" },
    key: { type: "string", value: "KEY", description: "An API key; omitted: typed at the prompt or piped on stdin" },
  },
  async run(ctx) {
    const url = (stringFlag(ctx, "url") ?? process.env.STEPLINE_URL ?? "http://localhost:8787").replace(/\/+$/, "");
    const key = await keyFrom(stringFlag(ctx, "key") ?? process.env.STEPLINE_KEY);
    if (!key) throw new UsageError("no API key given");
    const stepline = new Stepline({ baseUrl: url, apiKey: key });
    const app = await unwrap(stepline.api.GET("/v1/app"));
    const file = saveCredentials({ url, key });
    ctx.answer({ url, app, config: configPath() }, () => `Logged in to ${url} as app ${app.name} (${app.id}); saved to ${file}`);
    return 0;
  },
};
