/** One Server-Sent Event: its `id:`, `event:` (default "message") and its data lines joined. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  data: string;
}

/** What a stream told the reader besides events: the reconnection delay it asked for. */
export interface SseControl {
  retryMs?: number;
}

const LINE_END = /\r\n|\r|\n/;

/**
 * Parses a `text/event-stream` body as the HTML standard describes: any line ending, a BOM,
 * comments, multi-line data, `retry:`. A frame is yielded only once its blank line has
 * arrived, so a connection that drops mid-frame yields nothing of that frame (a resumed
 * stream sends it whole). Stopping the iteration cancels the body.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, control: SseControl = {}): AsyncGenerator<SseFrame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let id: string | undefined;
  let event = "message";
  let data: string[] = [];

  // Applies one line; answers the frame a blank line completes.
  const take = (line: string): SseFrame | null => {
    if (line === "") {
      const frame = data.length > 0 ? { id, event, data: data.join("\n") } : null;
      event = "message";
      data = [];
      return frame;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + (line[colon + 1] === " " ? 2 : 1));
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) id = value;
    else if (field === "retry" && /^\d+$/.test(value)) control.retryMs = Number(value);
    return null;
  };

  let buffer = "";
  let started = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (!started && buffer.length > 0) {
        if (buffer.startsWith("\uFEFF")) buffer = buffer.slice(1);
        started = true;
      }
      // A trailing "\r" may be the first half of "\r\n": keep it for the next chunk.
      const cut = !done && buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, cut).split(LINE_END);
      buffer = (lines.pop() ?? "") + buffer.slice(cut);
      for (const line of lines) {
        const frame = take(line);
        if (frame) yield frame;
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
