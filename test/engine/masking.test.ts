import { describe, expect, it } from "vitest";
import { MASK, Masker, NO_SECRETS } from "../../src/engine/masking";

describe("Masker", () => {
  it("masks every occurrence of a secret in text, and nothing when it has no secrets", () => {
    const masker = new Masker(["s3cret"]);
    expect(masker.text("a s3cret and s3cret again")).toBe(`a ${MASK} and ${MASK} again`);
    expect(NO_SECRETS.active).toBe(false);
    expect(NO_SECRETS.text("s3cret")).toBe("s3cret");
    expect(new Masker([""]).active).toBe(false);
  });

  it("masks a secret that contains another whole, not in pieces", () => {
    const masker = new Masker(["abc", "xxabcxx"]);
    expect(masker.text("key=xxabcxx; short=abc")).toBe(`key=${MASK}; short=${MASK}`);
  });

  it("masks the JSON-escaped and URL-encoded forms a secret takes", () => {
    const secret = 'p@ss "w/rd"+&=';
    const masker = new Masker([secret]);
    expect(masker.text(JSON.stringify({ password: secret }))).toBe(`{"password":"${MASK}"}`);
    expect(masker.text(`https://x.test/u/${encodeURIComponent(secret)}`)).toBe(`https://x.test/u/${MASK}`);
    expect(masker.text(`https://x.test/?${new URLSearchParams({ q: secret })}`)).toBe(`https://x.test/?q=${MASK}`);
    expect(masker.text(encodeURI(`https://x.test/${secret}`))).toBe(`https://x.test/${MASK}`);
  });

  it("masks inside a JSON value, keeping its shape, and returns an untouched value as the same object", () => {
    const masker = new Masker(["tok-123"]);
    const value = { headers: { authorization: "Bearer tok-123" }, list: ["tok-123", 4], n: null };
    expect(masker.value(value)).toEqual({ headers: { authorization: `Bearer ${MASK}` }, list: [MASK, 4], n: null });
    const clean = { a: "nothing secret" };
    expect(masker.value(clean)).toBe(clean);
    expect(masker.value(null)).toBeNull();
  });

  it("learns values derived from a secret, but not ones too short to mask safely or already known", () => {
    const masker = new Masker(["user:pw"]);
    const basic = btoa("user:pw");
    masker.learn([basic, "abc", "user:pw"]);
    expect(masker.text(`Basic ${basic}`)).toBe(`Basic ${MASK}`);
    expect(masker.text("abc")).toBe("abc");
  });

  it("survives a secret that cannot be URL-encoded (a lone surrogate)", () => {
    const secret = "x\uD800y";
    const masker = new Masker([secret]);
    expect(masker.text(`before ${secret} after`)).toBe(`before ${MASK} after`);
  });
});
