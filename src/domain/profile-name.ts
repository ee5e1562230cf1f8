import { z } from "@hono/zod-openapi";

/** A variable profile's name: what a run, a schedule and the variables' routes accept. */
export const PROFILE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const ProfileName = z.string().regex(PROFILE_NAME);
