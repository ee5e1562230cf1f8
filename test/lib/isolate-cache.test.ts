import { expect, it } from "vitest";
import { IsolateCache } from "../../src/lib/isolate-cache";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

it("reuses a settled value until it expires, then reads again", async () => {
  const cache = new IsolateCache<number>(40);
  let reads = 0;
  const read = async () => ++reads;
  expect(await cache.get("k", read)).toBe(1);
  expect(await cache.get("k", read)).toBe(1);
  await new Promise((r) => setTimeout(r, 60));
  expect(await cache.get("k", read)).toBe(2);
});

it("does not hand one caller's read in flight to another: each concurrent miss reads", async () => {
  const cache = new IsolateCache<string>(10_000);
  const first = deferred<string>();
  let reads = 0;
  const a = cache.get("k", () => {
    reads++;
    return first.promise;
  });
  const b = cache.get("k", async () => {
    reads++;
    return "b";
  });
  expect(await b).toBe("b");
  first.resolve("a");
  expect(await a).toBe("a");
  expect(reads).toBe(2);
});

it("keeps nothing a forget overtook, so a change is never undone by an older read", async () => {
  const cache = new IsolateCache<string>(10_000);
  const before = deferred<string>();
  const stale = cache.get("k", () => before.promise);
  cache.forget("k");
  before.resolve("old");
  expect(await stale).toBe("old");
  expect(await cache.get("k", async () => "new")).toBe("new");
  expect(await cache.get("k", async () => "never read")).toBe("new");
});

it("does not keep a failed read", async () => {
  const cache = new IsolateCache<string>(10_000);
  await expect(cache.get("k", async () => Promise.reject(new Error("D1 down")))).rejects.toThrow("D1 down");
  expect(await cache.get("k", async () => "up")).toBe("up");
});

it("starts over when full instead of growing without bound", async () => {
  const cache = new IsolateCache<number>(10_000, 2);
  await cache.get("a", async () => 1);
  await cache.get("b", async () => 2);
  await cache.get("c", async () => 3);
  expect(await cache.get("a", async () => 10)).toBe(10);
  expect(await cache.get("c", async () => 30)).toBe(3);
});
