import { AppError, type Result, unwrap } from "../domain/errors";
import { base64url, fromBase64url, hmacSign, hmacVerify } from "../lib/crypto";
import { isId } from "../lib/ids";
import { tombstoneError } from "./run-index";
import { runStub } from "./stubs";

/**
 * One-time callback URLs for steps that wait for a service to call back (docs/integrations.md#callbacks). The token
 * names the run, step and attempt and carries its expiry, signed with HMAC; the run's object
 * remembers each token's nonce once used, so a second call is refused.
 */
interface Claim {
  /** run id, step id, attempt, expiry (ms), nonce, app id (absent in tokens made before it was added) */
  r: string;
  s: string;
  a: number;
  e: number;
  n: string;
  p?: string;
}

const key = (env: Env) => `stepline-callback:${env.JWT_SECRET}`;

export async function callbackToken(
  env: Env,
  run: { id: string; appId: string },
  stepId: string,
  attempt: number,
  expiresAt: number,
): Promise<string> {
  const claim: Claim = { r: run.id, s: stepId, a: attempt, e: expiresAt, n: crypto.randomUUID(), p: run.appId };
  const body = base64url(new TextEncoder().encode(JSON.stringify(claim)));
  return `${body}.${await hmacSign(key(env), body)}`;
}

export function callbackUrl(env: Env, token: string): string {
  return `${(env.PUBLIC_URL || "http://localhost:8787").replace(/\/+$/, "")}/v1/callbacks/${token}`;
}

async function readClaim(env: Env, token: string): Promise<Claim | null> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || token.length > 2000) return null;
  if (!(await hmacVerify(key(env), body, signature))) return null;
  try {
    const claim = JSON.parse(new TextDecoder().decode(fromBase64url(body))) as Claim;
    return isId(claim.r) && typeof claim.s === "string" && typeof claim.e === "number" ? claim : null;
  } catch {
    return null;
  }
}

/** Completes the waiting step with the callback's body: 404 unknown, 410 expired, 409 already used. */
export async function receiveCallback(env: Env, token: string, payload: unknown) {
  const claim = await readClaim(env, token);
  if (!claim) throw new AppError("NOT_FOUND", "This callback URL is not known");
  if (claim.e <= Date.now()) throw new AppError("CALLBACK_EXPIRED", "This callback URL has expired");
  const result = (await runStub(env, claim.r).callback(claim.s, claim.a, claim.n, payload)) as Result<{
    run_id: string;
    step_id: string;
    status: "accepted";
  }>;
  // An object that holds no run may be one whose retention ended.
  if (!result.ok && result.error.code === "NOT_FOUND" && claim.p) {
    const purged = await tombstoneError(env, claim.p, claim.r);
    if (purged) throw purged;
  }
  return unwrap(result);
}
