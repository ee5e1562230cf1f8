import { describe, expect, it } from "vitest";
import { render, renderRequestField, SecretNotAllowedError, SecretUse } from "../../src/engine/expressions";
import { withSecrets } from "../../src/engine/secret-vars";

const SECRET = "sk-live-0a1b2c3d4e5f";
const scope = () => ({
  input: { n: 1 },
  vars: withSecrets({ TOKEN: SECRET, REGION: "eu" }, new Map([["TOKEN", null]])),
});

describe("expressions that read a secret", () => {
  // Every way JSONata offers to reach a value, directly or through the whole object.
  const routes = [
    "vars.TOKEN",
    "$lookup(vars, 'TOKEN')",
    "vars.*",
    "$$.vars.TOKEN",
    "**.TOKEN",
    "$each(vars, function($v) { $v })",
    "$sift(vars, function($v) { $contains($v, 'sk') })",
    "$spread(vars)",
    "$merge([vars])",
    "$string(vars)",
    "vars",
    "$keys(vars)[0] = 'TOKEN' ? vars.TOKEN : ''",
    "($t := vars.TOKEN; $length($t))",
    "vars.TOKEN = 'x'",
    "$exists(vars.TOKEN)",
    "$map([vars], function($o) { $o.TOKEN })",
  ];

  it.each(routes)("refuses %s outside a request field", async (expression) => {
    const error = await render({ value: `{{ ${expression} }}` }, scope(), "config").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretNotAllowedError);
    expect((error as SecretNotAllowedError).path).toBe("config.value");
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("allows what reads no secret: other variables and the names", async () => {
    expect(await render("{{ vars.REGION }} {{ $count($keys(vars)) }} {{ input.n }}", scope(), "config.value")).toBe("eu 2 1");
  });

  it("collects the secrets a request field reads and masks what they made in the value shown", async () => {
    const use = new SecretUse();
    const field = await renderRequestField(
      { authorization: "Basic {{ $base64encode('u:' & vars.TOKEN) }}", region: "{{ vars.REGION }}", whole: "{{ {'t': vars.TOKEN} }}" },
      scope(),
      "config.headers",
      use,
    );
    expect(field.value).toEqual({ authorization: `Basic ${btoa(`u:${SECRET}`)}`, region: "eu", whole: { t: SECRET } });
    expect(field.shown).toEqual({ authorization: "Basic ***", region: "eu", whole: "***" });
    expect([...use.reads]).toEqual(["TOKEN"]);
    expect(use.derived).toEqual([btoa(`u:${SECRET}`), SECRET]);
  });

  it("withholds why a request field that read a secret failed", async () => {
    const error = await renderRequestField("{{ $number(vars.TOKEN) }}", scope(), "config.body", new SecretUse()).catch((e: unknown) => e);
    expect((error as Error).message).toContain("the reason is withheld");
    expect((error as Error).message).not.toContain(SECRET);
  });
});
