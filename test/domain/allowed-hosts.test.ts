import { describe, expect, it } from "vitest";
import { allowedHostsProblems, hostAllowed, hostPatternOf } from "../../src/domain/allowed-hosts";

const allows = (patterns: string[], url: string) => hostAllowed(patterns, new URL(url));

describe("allowed host patterns", () => {
  it("matches a name on any port, a wildcard below a domain, and a host with its port only", () => {
    expect(allows(["api.openai.com"], "https://api.openai.com/v1/chat")).toBe(true);
    expect(allows(["api.openai.com"], "https://API.OpenAI.com:8443/")).toBe(true);
    expect(allows(["api.openai.com"], "https://api.openai.com.evil.example/")).toBe(false);
    expect(allows(["api.openai.com"], "https://openai.com/")).toBe(false);
    expect(allows(["*.replicate.com"], "https://api.replicate.com/")).toBe(true);
    expect(allows(["*.replicate.com"], "https://a.b.replicate.com/")).toBe(true);
    expect(allows(["*.replicate.com"], "https://replicate.com/")).toBe(false);
    expect(allows(["*.replicate.com"], "https://evilreplicate.com/")).toBe(false);
    expect(allows(["127.0.0.1:8080"], "http://127.0.0.1:8080/x")).toBe(true);
    expect(allows(["127.0.0.1:8080"], "http://127.0.0.1:8081/x")).toBe(false);
    expect(allows(["example.com:443"], "https://example.com/")).toBe(true);
    expect(allows(["example.com:443"], "http://example.com/")).toBe(false);
    expect(allows(["[::1]:9000"], "http://[::1]:9000/")).toBe(true);
  });

  it("matches every spelling of an address the URL parser normalises", () => {
    expect(allows(["127.0.0.1"], "http://0x7f000001/")).toBe(true);
    expect(allows(["127.0.0.1"], "http://127.1/")).toBe(true);
  });

  it("names each bad entry by its index", () => {
    const entries = [
      "api.example.com",
      "https://x.example.com",
      "*.com",
      "a.example.com:70000",
      " padded.example.com",
      "nodot",
      "localhost",
    ];
    expect(allowedHostsProblems(entries, "allowed_hosts").map((p) => p.path)).toEqual([
      "allowed_hosts[1]",
      "allowed_hosts[2]",
      "allowed_hosts[3]",
      "allowed_hosts[4]",
      "allowed_hosts[5]",
    ]);
    expect(allowedHostsProblems(new Array(21).fill("a.example.com"), "allowed_hosts")[0].path).toBe("allowed_hosts");
  });

  it("gives the pattern of a URL's own host", () => {
    expect(hostPatternOf("https://api.openai.com/v1")).toBe("api.openai.com");
    expect(hostPatternOf("http://127.0.0.1:8787/fake/openai")).toBe("127.0.0.1:8787");
    expect(hostPatternOf("not a url")).toBeNull();
  });
});
