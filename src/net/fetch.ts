import { Limits } from "../domain/limits";
import { checkUrl, UnsafeUrlError } from "./ssrf";

/**
 * fetch for user-supplied URLs: every hop passes the SSRF gate, redirects are followed by
 * hand (at most five) so each target is checked, and a 303 or a 301/302 after POST turns
 * into a GET as browsers do. `onRequest` is told once a request really goes out, so a URL
 * the gate refuses is not counted as a call. `beforeEach` sees every target before it is
 * sent, with the URL that redirected to it, and may refuse it by throwing.
 */
export async function guardedFetch(
  url: string,
  {
    followRedirects,
    onRequest,
    beforeEach,
    ...init
  }: RequestInit & { followRedirects?: boolean; onRequest?: () => void; beforeEach?: (target: URL, from: URL | null) => void },
  allowPrivateNetwork: boolean,
): Promise<Response> {
  const first = checkUrl(url, allowPrivateNetwork);
  beforeEach?.(first, null);
  let target = first.toString();
  let request: RequestInit = { ...init, redirect: "manual" };
  onRequest?.();
  for (let hop = 0; ; hop++) {
    const response = await fetch(target, request);
    if (followRedirects === false || response.status < 300 || response.status >= 400 || response.status === 304) {
      return response;
    }
    const location = response.headers.get("location");
    if (!location) return response;
    if (hop >= Limits.redirectsFollowed) {
      throw new UnsafeUrlError(target, `more than ${Limits.redirectsFollowed} redirects`);
    }
    await response.body?.cancel();
    const next = checkUrl(new URL(location, target).toString(), allowPrivateNetwork);
    beforeEach?.(next, new URL(target));
    target = next.toString();
    const method = (request.method ?? "GET").toUpperCase();
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      request = { ...request, method: "GET", body: undefined };
    }
  }
}

export const allowsPrivateNetwork = (env: { ALLOW_PRIVATE_NETWORK?: string }) => env.ALLOW_PRIVATE_NETWORK === "true";
