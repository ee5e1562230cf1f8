import { describe, expect, it } from "vitest";
import { Limits } from "../../src/domain/limits";
import { ExpressionError, render, renderString, templateErrors, truthy } from "../../src/engine/expressions";

/** The error a template fails with, to assert on its message and source. */
async function failure(template: string, scope: Record<string, unknown> = {}): Promise<ExpressionError> {
  try {
    await renderString(template, scope);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`${template} rendered without an error`);
}

describe("templates", () => {
  it("gives a whole-string expression its JSON type, interpolates text around one, and leaves the rest literal", async () => {
    const scope = { input: { n: 2, tags: ["a"], none: null } };
    expect(await renderString("{{ input.n * 3 }}", scope)).toBe(6);
    expect(await renderString("  {{ input.tags }}  ", scope)).toEqual(["a"]);
    expect(await renderString("n={{ input.n }} tags={{ input.tags }} none=[{{ input.none }}]", scope)).toBe('n=2 tags=["a"] none=[]');
    expect(await renderString("no braces { here }", scope)).toBe("no braces { here }");
  });

  it("renders every template inside a value and keeps what holds none as it is", async () => {
    const value = { url: "https://x.test/{{ input.id }}", n: 5, on: true, list: ["{{ input.id }}", null] };
    expect(await render(value, { input: { id: "r1" } })).toEqual({ url: "https://x.test/r1", n: 5, on: true, list: ["r1", null] });
  });

  it("finds the closing braces past }} and { inside a string", async () => {
    expect(await renderString("{{ 'a}}b' & \"{c\" }}", {})).toBe("a}}b{c");
    expect(await renderString("{{ {'k': 1}.k }}", {})).toBe(1);
  });

  it("turns what JSON cannot hold into null and drops undefined fields", async () => {
    expect(await renderString("{{ nothing.here }}", {})).toBeNull();
    expect(await renderString("{{ function($x) { $x } }}", {})).toBeNull();
    expect(await renderString("{{ [1, $uppercase] }}", {})).toEqual([1, null]);
    expect(await renderString("{{ {'a': 1, 'b': missing} }}", {})).toEqual({ a: 1 });
  });
});

describe("refusals", () => {
  it("refuses an unclosed or empty template", async () => {
    expect((await failure("{{ 1 + 2")).message).toBe("a {{ has no matching }}");
    expect((await failure("x {{ }} y")).message).toBe("the expression is empty");
  });

  it("names the character where a syntax error is", async () => {
    const error = await failure("{{ 1 + }}");
    expect(error.message).toMatch(/\(at character \d+\)$/);
    expect(error.source).toBe("1 +");
  });

  it(`takes an expression of ${Limits.expressionLength} characters and refuses one longer`, async () => {
    const atLimit = `'${"a".repeat(Limits.expressionLength - 2)}'`;
    expect(await renderString(`{{ ${atLimit} }}`, {})).toHaveLength(Limits.expressionLength - 2);
    const error = await failure(`{{ '${"a".repeat(Limits.expressionLength - 1)}' }}`);
    expect(error.message).toBe(`the expression is longer than ${Limits.expressionLength} characters`);
  });

  it("refuses $eval, which would compile a string past these checks", async () => {
    expect((await failure("{{ $eval('1 + 1') }}")).message).toMatch(/^expression "\$eval\('1 \+ 1'\)" failed: \$eval is not allowed/);
  });

  it("refuses a regular expression that nests quantifiers or refers back, before it runs", async () => {
    expect((await failure("{{ $match('aaaa', /(a+)+$/) }}")).message).toMatch(/nests quantifiers/);
    expect((await failure("{{ $contains('abab', /(ab)\\1/) }}")).message).toMatch(/back-references are not allowed/);
  });
});

describe("bounds while evaluating", () => {
  it(`stops an evaluation after ${Limits.expressionEvaluationSteps} steps, naming the expression`, async () => {
    const source = "$count($map([1..50000], function($v) { $v + 1 }))";
    const error = await failure(`{{ ${source} }}`);
    expect(error.message.startsWith(`expression "${source}" failed: evaluation exceeded ${Limits.expressionEvaluationSteps} steps`)).toBe(
      true,
    );
    expect(error.source).toBe(source);
    // The same work, a little smaller, stays inside the bound.
    expect(await renderString("{{ $count($map([1..5000], function($v) { $v + 1 })) }}", {})).toBe(5000);
  });

  it(`stops recursion deeper than ${Limits.expressionDepth}`, async () => {
    const deep = "( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000) )";
    expect((await failure(`{{ ${deep} }}`)).message).toMatch(/failed: Stack overflow/);
    expect(await renderString("{{ ( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(20) ) }}", {})).toBe(20);
  });

  it(`refuses a sequence longer than ${Limits.forEachItems * 100} items`, async () => {
    const max = Limits.forEachItems * 100;
    expect((await failure(`{{ $count([1..${max + 1}]) }}`)).message).toMatch(`maximum sequence length of ${max + 1} was exceeded`);
  });

  it(`stops a string growing past ${Limits.stepOutputBytes} characters`, async () => {
    const error = await failure(`{{ $pad('', ${Limits.stepOutputBytes + 1}, 'x') }}`);
    expect(error.message).toMatch(`a string grew past ${Limits.stepOutputBytes} characters`);
    expect(await renderString(`{{ $length($pad('', ${Limits.stepOutputBytes}, 'x')) }}`, {})).toBe(Limits.stepOutputBytes);
  });

  it("refuses to match a regular expression against more than 100,000 characters", async () => {
    const error = await failure("{{ $contains($pad('', 100001, 'a'), /b/) }}");
    expect(error.message).toMatch("a regular expression was given 100001 characters; the limit is 100000");
    expect(await renderString("{{ $contains($pad('', 100000, 'a'), /b/) }}", {})).toBe(false);
  });

  it("shortens a long expression to 80 characters in the message, keeping the whole source on the error", async () => {
    const source = `$number('x') + ${"1 + ".repeat(30)}1`;
    const error = await failure(`{{ ${source} }}`);
    expect(error.message.startsWith(`expression "${source.slice(0, 77)}..." failed: `)).toBe(true);
    expect(error.source).toBe(source);
  });
});

describe("templateErrors", () => {
  it("lists each bad template of a nested value at its path, and nothing for good ones", () => {
    const config = { url: "{{ input.url }}", headers: { a: "{{ ( }}" }, body: ["ok", "{{ 1 + }}", { deep: "{{ }}" }] };
    const errors = templateErrors(config, "steps[0].config");
    expect(errors.map((e) => e.path)).toEqual(["steps[0].config.headers.a", "steps[0].config.body[1]", "steps[0].config.body[2].deep"]);
    for (const error of errors) expect(error.message).toMatch(/^invalid expression: /);
    expect(templateErrors({ a: "plain", b: 1, c: [null, "{{ 1 }}"] }, "x")).toEqual([]);
  });
});

describe("truthy", () => {
  it("follows JSONata: empty arrays, objects, strings and zero are false", () => {
    for (const value of [[], {}, "", 0, null, false]) expect(truthy(value)).toBe(false);
    for (const value of [[0], { a: null }, "0", -1, true]) expect(truthy(value)).toBe(true);
  });
});
