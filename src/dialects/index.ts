import { Hono } from "hono";
import type { App, HonoEnv } from "../api/env";
import { apps } from "./apps";
import { dataflow } from "./dataflow";
import { COMPAT, type Dialect } from "./kit";
import { leap } from "./leap";
import { looply } from "./looply";
import { pipelines } from "./pipelines";

/** Every seed API Stepline speaks, each at /compat/<name> (DESIGN 9). */
export const DIALECTS: Dialect[] = [leap, apps, dataflow, looply, pipelines];

/**
 * Mounts the dialects through a plain Hono router: mounting an OpenAPIHono directly would
 * merge each dialect's routes into the native document, and every dialect has its own.
 */
export function mountDialects(app: App): void {
  const compat = new Hono<HonoEnv>();
  for (const { spec, app: dialect } of DIALECTS) compat.route(`/${spec.name}`, dialect);
  app.route(COMPAT, compat);
}
