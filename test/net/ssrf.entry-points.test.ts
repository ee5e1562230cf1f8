import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { AppError } from "../../src/domain/errors";
import type { AuditStamp } from "../../src/services/audit";
import { startRun } from "../../src/services/runs";
import { createVersion, createWorkflow, updateWorkflow } from "../../src/services/workflows";
import { newApp, waitForRun } from "../support/worker";

/** Services called directly act as the operator would, with the admin token. */
const by = (appId: string): AuditStamp => ({ appId, actor: { kind: "admin_token" }, requestId: null });

const counter = inject("counterUrl");

/** The deployment as in production: the tests' own worker allows private networks, this env does not. */
const production = { ...env, ALLOW_PRIVATE_NETWORK: "false" } as Env;

const IPV4_COMPATIBLE = [
  "http://[::127.0.0.1]/",
  "http://[::7f00:1]/",
  "http://[::a9fe:a9fe]/latest/meta-data/",
  "http://[::10.0.0.1]/",
  "http://[0:0:0:0:0:0:127.0.0.1]/",
];

const steps = [{ id: "a", type: "transform", config: { value: 1 } }];

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  try {
    await attempt;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("it was accepted");
}

describe("no spelling of a private address is accepted where Stepline would call it", () => {
  it("refuses the IPv4-compatible (::/96) forms as webhook_url on create, on PATCH and per run", async () => {
    const { id: appId } = await newApp();
    const wf = await createWorkflow(production, by(appId), { name: "hooks", steps });
    for (const url of IPV4_COMPATIBLE) {
      const attempts = [
        () => createWorkflow(production, by(appId), { name: "hooks", webhook_url: url, steps }),
        () => updateWorkflow(production, by(appId), wf.id, { webhook_url: url }),
        () => startRun(production, appId, { workflowId: wf.id, webhookUrl: url }),
      ];
      for (const attempt of attempts) {
        const error = await refusal(attempt());
        expect(error.code, url).toBe("VALIDATION_FAILED");
        expect(error.details, url).toEqual([{ path: "webhook_url", message: expect.stringMatching(/is not allowed: .* embeds /) }]);
      }
    }
    const db = await env.DB.prepare("SELECT COUNT(*) AS n, MAX(webhook_url) AS url FROM workflows WHERE app_id = ?").bind(appId).first();
    expect(db).toEqual({ n: 1, url: null });
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM runs WHERE app_id = ?").bind(appId).first())?.n).toBe(0);
  });

  it("refuses a literal private step URL when the workflow is created or changed, naming the field", async () => {
    const { id: appId } = await newApp();
    const definition = {
      name: "calls",
      steps: [
        { id: "plain", type: "http", config: { url: "http://127.1/" } },
        {
          id: "fallback",
          type: "transform",
          config: { value: 1 },
          fallback: { type: "http", config: { url: "http://[::7f00:1]/x" } },
        },
        {
          id: "provider",
          type: "integration",
          config: { provider: "openai", operation: "chat.completions", base_url: "http://169.254.169.254" },
        },
        { id: "host", type: "http", config: { url: "http://{host}/v1", path_params: { host: "10.0.0.1" } } },
        { id: "templated", type: "http", config: { url: "{{ input.url }}" } },
        { id: "templated_host", type: "http", config: { url: "http://{host}/", path_params: { host: "{{ input.host }}" } } },
        { id: "public", type: "http", config: { url: "https://example.com/{host}", path_params: { host: "10.0.0.1" } } },
      ],
    };
    const expected = ["steps[0].config.url", "steps[1].fallback.config.url", "steps[2].config.base_url", "steps[3].config.url"];
    const created = await refusal(createWorkflow(production, by(appId), definition));
    expect(created.details?.map((d) => d.path)).toEqual(expected);
    expect(created.details?.[0].message).toMatch(/http:\/\/127\.1\/ is not allowed: 127\.0\.0\.1 is a loopback address/);

    const wf = await createWorkflow(production, by(appId), { name: "calls", steps: definition.steps.slice(4) });
    expect((await refusal(createVersion(production, by(appId), wf.id, { steps: definition.steps }))).details?.map((d) => d.path)).toEqual(
      expected,
    );
    expect((await refusal(updateWorkflow(production, by(appId), wf.id, { steps: definition.steps }))).details?.map((d) => d.path)).toEqual(
      expected,
    );
    expect((await env.DB.prepare("SELECT latest_version FROM workflows WHERE id = ?").bind(wf.id).first())?.latest_version).toBe(1);
  });

  it("refuses through the API a literal step URL that no deployment may call (credentials in it)", async () => {
    const { call } = await newApp();
    const res = await call("POST", "/v1/workflows", {
      name: "creds",
      steps: [{ id: "a", type: "http", config: { url: "http://u:p@127.0.0.1/" } }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "steps[0].config.url", message: expect.stringMatching(/credentials in the URL/) }]);
  });

  it("fails a step whose rendered URL is refused without counting it as an HTTP call", async () => {
    const { call } = await newApp();
    const wf = await call("POST", "/v1/workflows", {
      name: "rendered",
      steps: [{ id: "call", type: "http", config: { method: "POST", url: "{{ input.url }}" }, retry: { max_attempts: 1 } }],
    });
    const refused = await call("POST", `/v1/workflows/${wf.body.id}/runs`, { input: { url: "http://u:p@127.0.0.1:1/" } });
    const failed = await waitForRun(call, refused.body.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ code: "URL_NOT_ALLOWED", step_id: "call" });
    expect(failed.usage.http_calls).toBe(0);
    const sent = await call("POST", `/v1/workflows/${wf.body.id}/runs`, { input: { url: `${counter}/count/${crypto.randomUUID()}` } });
    const completed = await waitForRun(call, sent.body.id);
    expect(completed.status).toBe("completed");
    expect(completed.usage.http_calls).toBe(1);
  });
});
