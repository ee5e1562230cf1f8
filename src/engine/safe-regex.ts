/**
 * A regular expression can backtrack for hours on a short input, and no step counter can
 * interrupt a single `exec`. So patterns whose backtracking can explode are refused before
 * they run: a quantified group that itself holds a quantifier (`(a+)+`, `(.*x)*`, `(a|b*){2,}`),
 * and back-references. Inputs are capped too, which bounds the polynomial cases.
 */

const MAX_SUBJECT_CHARS = 100_000;

/** Null when the pattern is safe to run; otherwise why not. */
export function checkRegexSafety(source: string): string | null {
  // Each open group records whether a quantifier appeared inside it.
  const groups: boolean[] = [];
  let lastGroupHadQuantifier = false;
  let afterGroup = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      if (/[1-9k]/.test(source[i + 1] ?? "")) return "back-references are not allowed in expressions";
      i++;
      afterGroup = false;
      continue;
    }
    if (ch === "[") {
      i = skipClass(source, i);
      afterGroup = false;
      continue;
    }
    if (ch === "(") {
      groups.push(false);
      afterGroup = false;
      continue;
    }
    if (ch === ")") {
      lastGroupHadQuantifier = groups.pop() ?? false;
      if (lastGroupHadQuantifier && groups.length > 0) groups[groups.length - 1] = true;
      afterGroup = true;
      continue;
    }
    const quantifier = ch === "*" || ch === "+" || ch === "?" || (ch === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
    if (quantifier) {
      const repeats = ch !== "?";
      if (afterGroup && lastGroupHadQuantifier && repeats) {
        return `the regular expression /${source}/ nests quantifiers and could run for ever`;
      }
      if (groups.length > 0 && repeats) groups[groups.length - 1] = true;
      if (ch === "{") i = source.indexOf("}", i);
      afterGroup = false;
      continue;
    }
    afterGroup = false;
  }
  return null;
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return source.length;
}

/** The RegExp that expressions run with: refuses unsafe patterns and oversized subjects. */
export class SafeRegExp extends RegExp {
  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    const problem = checkRegexSafety(source);
    if (problem) throw { code: "STEPLINE_REGEX", message: problem };
    super(pattern, flags ?? (typeof pattern === "string" ? undefined : pattern.flags));
  }

  override exec(subject: string): RegExpExecArray | null {
    if (subject.length > MAX_SUBJECT_CHARS) {
      throw {
        code: "STEPLINE_REGEX",
        message: `a regular expression was given ${subject.length} characters; the limit is ${MAX_SUBJECT_CHARS}`,
      };
    }
    return super.exec(subject);
  }
}
