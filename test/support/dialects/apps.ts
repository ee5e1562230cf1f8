import { expect } from "vitest";
import { type Body, type Call, newApp, request } from "../worker";
import { dialectDocument, documentSchema } from "./common";

/** The response example of the apps platform's "Run Discoverable Workflow", word for word (docs/dialects/apps.md#the-run-object). */
export const SEED_RUN_RESPONSE = `
{
"id": "<string>",
"result": "<any>",
"input": {},
"output": {},
"status": "RUNNING",
"origin": "WORKFLOW",
"error": "<string>",
"started_at": "2023-12-25",
"ended_at": "2023-12-25",
"app_id": "<string>",
"workflow_app_id": "<string>",
"workflow_id": "<string>",
"workflow_version_draft": {
"key": "<string>",
"input": {},
"input_default": {},
"input_options": {
"display": {
"field": "inline",
"container": "grid",
"hidden": true
}
},
"steps": [
{
"type": "note",
"key": "<string>",
"display": "expanded",
"conditional": "<string>",
"loop": "<string>",
"throw_on_error": true,
"input_connected": true,
"destinations": [
"<string>"
],
"position": [
123
],
"size": [
101
],
"auto": {
"provider": "<string>",
"model": "<string>",
"temperature": 1
},
"note": "<string>"
}
]
},
"workflow_version": {
"id": "<string>",
"app_id": "<string>",
"workflow_id": "<string>",
"description": "<string>",
"version": 123,
"rollback_version": 123,
"notes": "<string>",
"created_by": {
"id": "<string>",
"name": "<string>"
},
"created_at": "2023-12-25",
"key": "<string>",
"input": {},
"input_default": {},
"input_options": {
"display": {
"field": "inline",
"container": "grid",
"hidden": true
}
},
"steps": [
{
"type": "note",
"key": "<string>",
"display": "expanded",
"conditional": "<string>",
"loop": "<string>",
"throw_on_error": true,
"input_connected": true,
"destinations": [
"<string>"
],
"position": [
123
],
"size": [
101
],
"auto": {
"provider": "<string>",
"model": "<string>",
"temperature": 1
},
"note": "<string>"
}
]
},
"collection_id": "<string>",
"record_id": "<string>",
"version": 123,
"usage": {
"total": 123,
"calls": [
{
"id": "<string>",
"total": 123,
"calls": [
{}
]
}
],
"steps": {}
},
"retention": {
"max_age_in_seconds": 3600,
"preserve_on_failure": true
},
"retention_due_at": "2023-12-25",
"created_at": "2023-12-25",
"updated_at": "2023-12-25"
}`;

/** The run object's fields, as the seed lists them. */
export const RUN_FIELDS = Object.keys(JSON.parse(SEED_RUN_RESPONSE)).sort();

/** An app whose `apps` call speaks /compat/apps/apps/{its id}/workflows with its key as a Bearer token. */
export async function appsApp(name = "apps client") {
  const app = await newApp(name);
  const base = `/compat/apps/apps/${app.id}/workflows`;
  const apps: Call = (method, path, body, headers = {}) =>
    request(method, `${base}${path}`, body, { authorization: `Bearer ${app.key}`, ...headers });
  return { ...app, apps };
}

let validate: ((value: unknown) => string[]) | null = null;

/** Asserts the seed's run object, field by field and against the dialect's own document, and returns it. */
export async function expectAppsRun(run: Body, status: string): Promise<Body> {
  validate ??= documentSchema(await dialectDocument("apps"), "AppsWorkflowRun");
  expect(validate(run)).toEqual([]);
  expect(Object.keys(run).sort()).toEqual(RUN_FIELDS);
  expect(run.status).toBe(status);
  for (const field of ["id", "app_id", "workflow_app_id", "workflow_id", "created_at", "updated_at"])
    expect(typeof run[field]).toBe("string");
  for (const field of ["started_at", "ended_at", "retention_due_at"])
    expect(run[field] === null || !Number.isNaN(Date.parse(run[field]))).toBe(true);
  expect(["WORKFLOW", "DISCOVER"]).toContain(run.origin);
  expect(run.error === null || typeof run.error === "string").toBe(true);
  expect(typeof run.input).toBe("object");
  expect(run.result).toEqual(run.output);
  expect(Number.isInteger(run.version)).toBe(true);
  expect(run.workflow_version.version).toBe(run.version);
  expect(run.workflow_version.workflow_id).toBe(run.workflow_id);
  expect(run.workflow_version.app_id).toBe(run.workflow_app_id);
  expect(Array.isArray(run.workflow_version.steps)).toBe(true);
  expect(run).toMatchObject({ collection_id: null, record_id: null, workflow_version_draft: null });
  expect(typeof run.usage.total).toBe("number");
  expect(Array.isArray(run.usage.calls)).toBe(true);
  expect(typeof run.usage.steps).toBe("object");
  expect(typeof run.retention.max_age_in_seconds).toBe("number");
  expect(typeof run.retention.preserve_on_failure).toBe("boolean");
  const ended = ["COMPLETED", "FAILED", "CANCELLED"].includes(status);
  expect(run.ended_at === null).toBe(!ended);
  expect(run.retention_due_at === null).toBe(!ended);
  if (ended) expect(Date.parse(run.retention_due_at) - Date.parse(run.ended_at)).toBe(run.retention.max_age_in_seconds * 1000);
  if (status !== "COMPLETED") expect(run.output).toBeNull();
  return run;
}
