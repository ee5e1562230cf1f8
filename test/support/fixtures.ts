/**
 * Workflow definitions and credentials shared by the workers tests and the e2e tests.
 * Nothing here imports `cloudflare:test`, so Node can load it too.
 */

/** The JWT secret the workers tests run with (vitest.config.ts) and the e2e server gets. */
export const JWT_SECRET = "test-jwt-secret-with-enough-bytes-0123456789";

export type Definition = Record<string, unknown> & { name: string; steps: Array<Record<string, unknown>> };

/** A valid two-step workflow: a transform, then a note. */
export function greeting(overrides: Partial<Definition> = {}): Definition {
  return {
    name: "Greet",
    description: "Says hello",
    input_schema: { type: "object", properties: { name: { type: "string" } } },
    steps: [
      { id: "greet", type: "transform", config: { value: "Hello {{ input.name }}" } },
      { id: "remember", type: "note", config: { text: "nothing to do" } },
    ],
    ...overrides,
  };
}

/** A definition with three unrelated mistakes: an unknown type, a missing dependency, a bad expression. */
export function threeMistakes(): Definition {
  return {
    name: "Broken",
    steps: [
      { id: "fetch", type: "htttp", config: { url: "https://example.com" } },
      { id: "shape", type: "transform", depends_on: ["nowhere"], config: { value: "{{ input.name }}" } },
      { id: "say", type: "transform", config: { value: "{{ $uppercase( }}" } },
    ],
  };
}

/** The paths `threeMistakes()` is refused at. */
export const THREE_MISTAKE_PATHS = ["steps[0].type", "steps[1].depends_on[0]", "steps[2].config.value"];

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array | string): string {
  const data = typeof bytes === "string" ? encoder.encode(bytes) : bytes;
  let binary = "";
  for (const b of data) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export interface JwtOptions {
  /** The `alg` written in the header; the signature is always HMAC-SHA256 unless `signature` is given. */
  alg?: string;
  secret?: string;
  /** Replaces the signature part ("" for an unsigned token). */
  signature?: string;
}

/** Signs a JWT with HMAC-SHA256 (by default with the test secret and `alg: HS256`). */
export async function signJwt(payload: Record<string, unknown>, options: JwtOptions = {}): Promise<string> {
  const header = base64url(JSON.stringify({ alg: options.alg ?? "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  if (options.signature !== undefined) return `${header}.${body}.${options.signature}`;
  const key = await crypto.subtle.importKey("raw", encoder.encode(options.secret ?? JWT_SECRET), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${header}.${body}`)));
  return `${header}.${body}.${base64url(signature)}`;
}

/** Seconds since the epoch, `offset` seconds from now. */
export const epochSeconds = (offset = 0): number => Math.floor(Date.now() / 1000) + offset;
