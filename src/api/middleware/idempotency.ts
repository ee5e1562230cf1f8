import type { MiddlewareHandler } from "hono";
import { validationFailed } from "../../domain/errors";
import { Limits } from "../../domain/limits";
import { sha256Hex } from "../../lib/crypto";
import { canonicalJson } from "../../lib/json";
import { claimKey, completeKey, releaseKey } from "../../services/idempotency";
import type { HonoEnv } from "../env";

/** Clients re-serialise a body when they retry, so JSON is compared by value, not by bytes. */
function canonicalBody(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

/** A stored error answer names the request that first got it; the replay names this one. */
function replayBody(body: string, status: number, requestId: string): string {
  if (status < 400) return body;
  const parsed = JSON.parse(body) as { error: { request_id: string | null } };
  parsed.error.request_id = requestId;
  return JSON.stringify(parsed);
}

/**
 * Makes a creating POST safe to retry: with an `Idempotency-Key` header, the first answer
 * is stored and replayed for the same request; see services/idempotency.ts for the rules.
 */
export const idempotent = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (key === "" || key.length > Limits.idempotencyKeyLength) {
    throw validationFailed([{ path: "header.idempotency-key", message: `must be 1 to ${Limits.idempotencyKeyLength} characters` }]);
  }
  const appId = c.get("appId");
  const hash = await sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalBody(await c.req.text())}`);
  const claim = await claimKey(c.env, appId, key, hash);
  if (claim.kind === "replay") {
    const requestId = c.get("requestId");
    return new Response(replayBody(claim.body, claim.status, requestId), {
      status: claim.status,
      headers: { "content-type": "application/json", "idempotent-replayed": "true", "x-request-id": requestId },
    });
  }
  c.set("createdId", claim.createdId);
  // Errors thrown by the handler have already become c.res here (Hono's onError).
  await next();
  if (c.res.status >= 400) {
    await releaseKey(c.env, appId, key);
    return;
  }
  await completeKey(c.env, appId, key, c.res.status, await c.res.clone().text());
};
