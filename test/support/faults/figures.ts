import { env } from "cloudflare:test";

/**
 * Each fault test ends in a figure docs/operations.md#reliability reports. Workers tests
 * cannot write files, so figures go to a D1 table that the suite's last test prints.
 */
export async function recordFigure(name: string, value: Record<string, unknown>): Promise<void> {
  await env.DB.prepare("CREATE TABLE IF NOT EXISTS fault_figures (name TEXT PRIMARY KEY, value TEXT)").run();
  await env.DB.prepare("INSERT OR REPLACE INTO fault_figures (name, value) VALUES (?, ?)").bind(name, JSON.stringify(value)).run();
  console.log(`FIGURE ${name} ${JSON.stringify(value)}`);
}
