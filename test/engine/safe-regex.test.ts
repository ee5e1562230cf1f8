import { describe, expect, it } from "vitest";
import { checkRegexSafety, SafeRegExp } from "../../src/engine/safe-regex";

describe("checkRegexSafety", () => {
  it("passes patterns whose backtracking stays bounded", () => {
    for (const source of ["^a+b*$", "(ab)+", "(a|b)*c", "(a+)?", "(?:x+y)", "[(a+)+]+", "\\(a+\\)+", "a{2,5}(bc){3}", "(a+)b+"]) {
      expect(checkRegexSafety(source), source).toBeNull();
    }
  });

  it("refuses a repeated group that holds a quantifier, however it repeats and however deep", () => {
    for (const source of ["(a+)+", "(.*x)*", "(a|b*){2,}", "(a{2})+", "((a+))*", "((a)+b)+", "(x(y*)z)+"]) {
      expect(checkRegexSafety(source), source).toBe(`the regular expression /${source}/ nests quantifiers and could run for ever`);
    }
  });

  it("refuses back-references, numbered and named", () => {
    expect(checkRegexSafety("(a)\\1")).toBe("back-references are not allowed in expressions");
    expect(checkRegexSafety("(?<x>a)\\k<x>")).toBe("back-references are not allowed in expressions");
    // An escaped backslash before a digit is a literal backslash, not a back-reference.
    expect(checkRegexSafety("\\\\1")).toBeNull();
  });
});

describe("SafeRegExp", () => {
  it("throws STEPLINE_REGEX for an unsafe pattern instead of compiling it", () => {
    expect(() => new SafeRegExp("(a+)+$")).toThrow(expect.objectContaining({ code: "STEPLINE_REGEX" }));
    expect(() => new SafeRegExp(/(a*)*b/)).toThrow(expect.objectContaining({ code: "STEPLINE_REGEX" }));
  });

  it("keeps a RegExp's own flags unless others are given", () => {
    expect(new SafeRegExp(/a/gi).flags).toBe("gi");
    expect(new SafeRegExp(/a/gi, "m").flags).toBe("m");
    expect(new SafeRegExp("a", "y").sticky).toBe(true);
  });

  it("matches a subject of 100,000 characters and refuses one longer", () => {
    const regex = new SafeRegExp("b$");
    expect(regex.exec(`${"a".repeat(99_999)}b`)?.index).toBe(99_999);
    expect(() => regex.exec("a".repeat(100_001))).toThrow(
      expect.objectContaining({ code: "STEPLINE_REGEX", message: "a regular expression was given 100001 characters; the limit is 100000" }),
    );
  });
});
