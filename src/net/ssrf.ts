import ipaddr from "ipaddr.js";

/**
 * The one gate for every URL Stepline calls on a user's behalf (http and integration steps,
 * webhooks). The WHATWG URL parser first normalises every spelling of an address
 * (`127.1`, `0x7f000001`, `2130706433`, `017700000001` all become `127.0.0.1`); ipaddr.js
 * then classifies it, and only public unicast addresses pass. Names are not resolved here:
 * on Cloudflare's network a Worker's subrequests cannot reach private addresses anyway, so
 * the names refused are the ones that mean "this machine" or "the cloud's metadata service".
 */

const BLOCKED_NAMES = [/^localhost$/, /\.localhost$/, /\.local$/, /\.localdomain$/, /\.internal$/, /^metadata$/, /^instance-data$/];

export class UnsafeUrlError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${redact(url)} is not allowed: ${reason}`);
    this.name = "UnsafeUrlError";
  }
}

function redact(url: string): string {
  return url.length > 200 ? `${url.slice(0, 197)}...` : url;
}

/** Returns the parsed URL, or throws UnsafeUrlError saying why it is refused. */
export function checkUrl(raw: string, allowPrivateNetwork: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError(raw, "it is not an absolute URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(raw, `only http and https are allowed, not ${url.protocol.replace(":", "")}`);
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError(raw, "credentials in the URL are not allowed; send them in a header");
  }
  if (allowPrivateNetwork) return url;
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  if (ipaddr.isValid(host)) {
    const reason = addressProblem(ipaddr.parse(host));
    if (reason) throw new UnsafeUrlError(raw, reason);
    return url;
  }
  if (BLOCKED_NAMES.some((re) => re.test(host))) throw new UnsafeUrlError(raw, `${host} names a private host`);
  return url;
}

/** `::a.b.c.d` (::/96, "IPv4-compatible", deprecated by RFC 4291): ipaddr.js calls it unicast. */
const isIPv4Compatible = (v6: ipaddr.IPv6) => v6.parts.slice(0, 6).every((part) => part === 0);

/** 2000::/3, the only block IANA allocates for global unicast. */
const isGlobalUnicast = (v6: ipaddr.IPv6) => v6.parts[0] >= 0x2000 && v6.parts[0] <= 0x3fff;

function addressProblem(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    const range = v6.range();
    if (range === "unspecified" || range === "loopback") return `${address.toString()} is a ${range} address`;
    // Addresses that embed an IPv4 address are judged by the address they embed.
    if (v6.isIPv4MappedAddress() || isIPv4Compatible(v6)) {
      const [high, low] = v6.parts.slice(6);
      const embedded = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
      const problem = addressProblem(embedded);
      return problem ? `${address.toString()} embeds ${embedded.toString()}, which ${problem.replace(/^\S+ /, "")}` : null;
    }
    if (range === "rfc6052" || range === "rfc6145" || range === "6to4" || range === "teredo") {
      return `${address.toString()} embeds an IPv4 address (${range})`;
    }
    if (range !== "unicast") return `${address.toString()} is a ${range} address`;
    return isGlobalUnicast(v6) ? null : `${address.toString()} is not a global unicast address (outside 2000::/3)`;
  }
  const range = (address as ipaddr.IPv4).range();
  return range === "unicast" ? null : `${address.toString()} is a ${range} address`;
}

/** Why a URL is refused, or null when it may be called. */
export function urlProblem(raw: string, allowPrivateNetwork: boolean): string | null {
  try {
    checkUrl(raw, allowPrivateNetwork);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
