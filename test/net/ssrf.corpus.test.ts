import { describe, expect, it } from "vitest";
import { checkUrl, UnsafeUrlError } from "../../src/net/ssrf";

/** Every spelling of a private, loopback, link-local or metadata target, refused with a reason. */
const REFUSED = [
  "http://127.0.0.1/",
  "http://127.1/",
  "http://0x7f000001/",
  "http://2130706433/",
  "http://017700000001/",
  "http://0177.0.0.1/",
  "http://0x7f.0.0.1/",
  "http://127.000.000.001/",
  "http://[::1]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[0:0:0:0:0:ffff:7f00:1]/",
  "http://[::]/",
  "http://0.0.0.0/",
  "http://169.254.169.254/latest/meta-data/",
  "http://100.64.0.1/",
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://192.168.1.1/",
  "http://[fc00::1]/",
  "http://[fe80::1]/",
  "http://[64:ff9b::7f00:1]/",
  "http://[64:ff9b:1::7f00:1]/",
  "http://[::ffff:0:7f00:1]/",
  "http://[2002:7f00:1::]/",
  // ::/96, the deprecated IPv4-compatible form: judged by the IPv4 address it embeds.
  "http://[::127.0.0.1]/",
  "http://[::7f00:1]/",
  "http://[::a9fe:a9fe]/latest/meta-data/",
  "http://[::169.254.169.254]/",
  "http://[::10.0.0.1]/",
  "http://[::192.168.0.1]/",
  "http://[::100.64.0.1]/",
  "http://[0:0:0:0:0:0:127.0.0.1]/",
  "http://[0000:0000:0000:0000:0000:0000:7f00:0001]/",
  "http://[::0.0.0.2]/",
  // Outside 2000::/3 nothing is global unicast.
  "http://[::1:7f00:1]/",
  "http://[100::1]/",
  "http://255.255.255.255/",
  "http://224.0.0.1/",
  "http://localhost/",
  "http://LOCALHOST./",
  "http://a.localhost/",
  "http://printer.local/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://user@127.0.0.1/",
  "http://user:pass@example.com/",
  "http://example.com@127.0.0.1/",
  "file:///etc/passwd",
  "ftp://example.com/file",
  "gopher://example.com/",
  "javascript:alert(1)",
  "data:text/plain,hi",
  "not a url",
];

const ALLOWED = ["https://example.com/x", "http://93.184.216.34/", "https://[2606:4700:4700::1111]/dns-query", "http://127.0.0.1.nip.io/"];

describe("the SSRF gate", () => {
  it.each(REFUSED)("refuses %s with a reason", (url) => {
    expect(() => checkUrl(url, false)).toThrow(UnsafeUrlError);
    try {
      checkUrl(url, false);
    } catch (error) {
      expect((error as Error).message).toMatch(/is not allowed: .+/);
    }
  });

  it("names the embedded IPv4 address when it judges an IPv4-compatible one", () => {
    expect(() => checkUrl("http://[::a9fe:a9fe]/", false)).toThrow(/embeds 169\.254\.169\.254, which is a linkLocal address/);
    expect(() => checkUrl("http://[::10.0.0.1]/", false)).toThrow(/embeds 10\.0\.0\.1, which is a private address/);
    expect(checkUrl("http://[::8.8.8.8]/", false).hostname).toBe("[::808:808]");
  });

  it("has a corpus of at least 30 refused URLs", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(30);
  });

  // Names are classified, not resolved: 127.0.0.1.nip.io is a public name here. On Cloudflare's
  // network a Worker's subrequest cannot reach a private address whatever a name resolves to.
  it.each(ALLOWED)("allows %s", (url) => {
    expect(checkUrl(url, false).toString()).toBeTruthy();
  });

  it("still refuses other schemes and credentials when private networks are allowed", () => {
    expect(checkUrl("http://127.0.0.1:8787/", true).hostname).toBe("127.0.0.1");
    expect(() => checkUrl("file:///etc/passwd", true)).toThrow(/only http and https/);
    expect(() => checkUrl("http://u:p@127.0.0.1/", true)).toThrow(/credentials/);
  });
});
