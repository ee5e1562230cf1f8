import { eventJson, type LoggedEvent } from "./events";
import type { RunStore } from "./store";

const encoder = new TextEncoder();
const KEEP_ALIVE_MS = 15_000;

export function sseFrame(event: LoggedEvent): Uint8Array {
  return encoder.encode(`id: ${event.seq}\nevent: ${event.type}\ndata: ${eventJson(event)}\n\n`);
}

/**
 * Live Server-Sent Event streams of a run's log. A new stream first replays the log after
 * the client's last seen sequence, then receives events as they are appended, and closes
 * once the run has ended.
 */
export class EventStreams {
  private readonly writers = new Set<WritableStreamDefaultWriter<Uint8Array>>();
  private keepAlive: ReturnType<typeof setInterval> | null = null;

  open(store: RunStore, after: number, ended: boolean): ReadableStream<Uint8Array> {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const send = (chunk: Uint8Array) => writer.write(chunk).catch(() => this.drop(writer));
    void send(encoder.encode("retry: 1000\n\n"));
    for (let cursor = after; ; ) {
      const page = store.events(cursor, 500);
      for (const event of page) void send(sseFrame(event));
      if (page.length < 500) break;
      cursor = page[page.length - 1].seq;
    }
    if (ended) {
      void writer.close().catch(() => {});
    } else {
      this.writers.add(writer);
      this.keepAlive ??= setInterval(() => this.ping(), KEEP_ALIVE_MS);
    }
    return readable;
  }

  publish(event: LoggedEvent): void {
    if (this.writers.size === 0) return;
    const frame = sseFrame(event);
    for (const writer of this.writers) writer.write(frame).catch(() => this.drop(writer));
  }

  closeAll(): void {
    for (const writer of this.writers) void writer.close().catch(() => {});
    this.writers.clear();
    this.stopKeepAlive();
  }

  private ping(): void {
    const comment = encoder.encode(": keep-alive\n\n");
    for (const writer of this.writers) writer.write(comment).catch(() => this.drop(writer));
  }

  private drop(writer: WritableStreamDefaultWriter<Uint8Array>): void {
    this.writers.delete(writer);
    if (this.writers.size === 0) this.stopKeepAlive();
  }

  private stopKeepAlive(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }
}
