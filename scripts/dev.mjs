#!/usr/bin/env node
// `npm run dev` (after `npm run build`, which builds the dashboard into ui/dist): local D1
// migrations, a .dev.vars with random secrets, a dev app with a working API key (printed), then
// `wrangler dev` on port 8787, serving the API and the dashboard. Extra arguments go to wrangler.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const wrangler = (args, options = {}) =>
  spawnSync("npx", ["wrangler", ...args], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
    ...options,
  });

if (!existsSync(".dev.vars")) {
  const vars = [
    `ADMIN_TOKEN=${randomBytes(24).toString("base64url")}`,
    `JWT_SECRET=${randomBytes(32).toString("base64url")}`,
    `SECRETS_KEY=${randomBytes(32).toString("base64")}`,
    "ALLOW_PRIVATE_NETWORK=true",
  ];
  writeFileSync(".dev.vars", `${vars.join("\n")}\n`);
  console.log("Created .dev.vars with random secrets.");
}

const migrate = wrangler(["d1", "migrations", "apply", "DB", "--local"]);
if (migrate.status !== 0) {
  console.error(migrate.stdout, migrate.stderr);
  process.exit(1);
}

// The dev key lives beside the local database; it is made again whenever that is reset.
const keyFile = ".wrangler/dev-api-key";
const query = (sql) => {
  const result = wrangler(["d1", "execute", "DB", "--local", "--json", "--command", sql]);
  if (result.status !== 0) throw new Error(result.stderr || result.stdout);
  return JSON.parse(result.stdout)[0]?.results ?? [];
};
const hashOf = (key) => createHash("sha256").update(key).digest("hex");

let key = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "";
if (!key || query(`SELECT 1 FROM api_keys WHERE hash = '${hashOf(key)}' AND revoked_at IS NULL`).length === 0) {
  const appId = randomUUID();
  const keyId = randomUUID();
  key = `sk_${randomBytes(32).toString("base64url")}`;
  const now = Date.now();
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  query(
    `INSERT INTO apps (id, name, webhook_secret, created_at) VALUES ('${appId}', 'dev', '${secret}', ${now});
     INSERT INTO api_keys (id, app_id, name, prefix, hash, created_at) VALUES ('${keyId}', '${appId}', 'dev', '${key.slice(0, 11)}', '${hashOf(key)}', ${now});`,
  );
  mkdirSync(".wrangler", { recursive: true });
  writeFileSync(keyFile, `${key}\n`);
}

// `npm run dev -- --port 9000` picks another port; 8787 otherwise.
const args = process.argv.slice(2);
const portAt = args.findIndex((a) => a === "--port" || a.startsWith("--port="));
const port = portAt < 0 ? "8787" : args[portAt].includes("=") ? args[portAt].split("=")[1] : args[portAt + 1];
const origin = `http://localhost:${port}`;

console.log(
  `\nDev API key: ${key}\n  Dashboard: ${origin}/ (sign in with the key)\n  export STEPLINE_KEY=${key}\n  curl -H "X-Api-Key: $STEPLINE_KEY" ${origin}/v1/workflows\n`,
);

// Callback URLs handed to services must name this server.
const publicUrl = args.some((a) => a.startsWith("PUBLIC_URL:")) ? [] : ["--var", `PUBLIC_URL:${origin}`];
const dev = spawn("npx", ["wrangler", "dev", ...(portAt < 0 ? ["--port", port] : []), ...publicUrl, ...args], {
  stdio: "inherit",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
