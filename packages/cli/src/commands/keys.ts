import type { KeyScope } from "@stepline/client";
import { arg, type Command, intFlag, more, PAGE_OPTIONS, stringFlag } from "../command.js";
import { UsageError } from "../config.js";
import { table, time } from "../format.js";

const SCOPES: KeyScope[] = ["read", "run", "write", "admin"];
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--expires 90d` (hours, days or weeks from now) or an ISO date, as the API's `expires_at`. */
export function expiresAt(raw: string | undefined, now = Date.now()): string | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)([hdw])$/.exec(raw);
  if (match) return new Date(now + Number(match[1]) * UNIT_MS[match[2]]).toISOString();
  const at = Date.parse(raw);
  if (Number.isNaN(at)) throw new UsageError(`--expires must be like 90d, 12h or 4w, or a date like 2027-01-31; not "${raw}"`);
  return new Date(at).toISOString();
}

function scopesOf(raw: string | undefined): KeyScope[] {
  if (raw === undefined) throw new UsageError(`--scope is required: one of ${SCOPES.join(", ")}`);
  const scopes = raw.split(",").map((s) => s.trim());
  const unknown = scopes.filter((s) => !SCOPES.includes(s as KeyScope));
  if (unknown.length > 0) throw new UsageError(`--scope ${unknown.join(",")} is not one of ${SCOPES.join(", ")}`);
  return scopes as KeyScope[];
}

export const keyCommands: Command[] = [
  {
    words: ["keys", "create"],
    args: ["name"],
    synopsis: "--scope <scope>",
    summary: "Create an API key with a scope and an optional expiry; its secret is printed once",
    options: {
      scope: {
        type: "string",
        value: "SCOPE",
        description: "read, run, write or admin (each includes the ones before it)",
      },
      expires: { type: "string", value: "WHEN", description: "90d, 12h, 4w or a date; at most 2 years away (default: never)" },
    },
    async run(ctx) {
      const made = await ctx.client().keys.create({
        name: arg(ctx, "name"),
        scopes: scopesOf(stringFlag(ctx, "scope")),
        expires_at: expiresAt(stringFlag(ctx, "expires")),
      });
      ctx.answer(
        made,
        () =>
          `Key ${made.id} (${made.scopes.join(", ")}${made.expires_at ? `, expires ${time(made.expires_at)}` : ""}):\n\n  ${made.key}\n\n` +
          "This is the only time the secret is shown.",
      );
      return 0;
    },
  },
  {
    words: ["keys", "list"],
    summary: "List the app's API keys with their scopes, expiry and last use",
    options: PAGE_OPTIONS,
    async run(ctx) {
      const page = await ctx.client().keys.list({ limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor") });
      ctx.answer(
        page,
        () =>
          table(
            ["ID", "NAME", "PREFIX", "SCOPES", "EXPIRES", "LAST USED", "STATE"],
            page.data.map((k) => [
              k.id,
              k.name,
              k.prefix,
              k.scopes.join(","),
              time(k.expires_at),
              time(k.last_used_at),
              k.revoked_at ? "revoked" : k.expires_at && Date.parse(k.expires_at) <= Date.now() ? "expired" : "active",
            ]),
          ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  {
    words: ["keys", "revoke"],
    args: ["key"],
    summary: "Revoke an API key: it stops working at once",
    async run(ctx) {
      const key = await ctx.client().keys.revoke(arg(ctx, "key"));
      ctx.answer(key, () => `Key ${key.id} (${key.name}) is revoked`);
      return 0;
    },
  },
  {
    words: ["audit"],
    summary: "The app's audit log, newest first (an admin key)",
    options: {
      ...PAGE_OPTIONS,
      action: { type: "string", value: "ACTION", description: "Only this action, e.g. workflow.created" },
      resource: { type: "string", value: "TYPE[:ID]", description: "Only this resource type, or one resource: workflow:<id>" },
      since: { type: "string", value: "WHEN", description: "Only entries at or after this date" },
    },
    async run(ctx) {
      const [resourceType, resourceId] = (stringFlag(ctx, "resource") ?? "").split(/:(.*)/s);
      const page = await ctx.client().audit.list({
        limit: intFlag(ctx, "limit"),
        cursor: stringFlag(ctx, "cursor"),
        action: stringFlag(ctx, "action") as never,
        resource_type: resourceType || undefined,
        resource_id: resourceId || undefined,
        since: stringFlag(ctx, "since"),
      });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No entries."
          : table(
              ["TIME", "ACTION", "RESOURCE", "BY", "CHANGED"],
              page.data.map((e) => [
                time(e.created_at),
                e.action,
                `${e.resource.type}:${e.resource.id}`,
                e.actor.kind === "key" ? `key ${e.actor.name} (${e.actor.id})` : e.actor.kind.replace("_", " "),
                e.changes.join(","),
              ]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
];
