import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "../../faults/results.json");

/** Adds one figure to test/faults/results.json, which docs/operations.md#reliability quotes. */
export function writeFigure(name: string, value: Record<string, unknown>): void {
  const all = existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : {};
  all[name] = { ...value, measured_at: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`FIGURE ${name} ${JSON.stringify(value)}`);
}
