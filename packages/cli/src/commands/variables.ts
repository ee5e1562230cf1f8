import { arg, type Command, intFlag, more, PAGE_OPTIONS, readFile, stringFlag } from "../command.js";
import { UsageError } from "../config.js";
import { table, time } from "../format.js";

/** `a.example.com,*.b.example.com` as a list; `--allowed-hosts ""` is refused rather than read as "nowhere". */
function hostsFlag(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const hosts = raw
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hosts.length === 0) throw new UsageError("--allowed-hosts needs at least one host, e.g. api.example.com,*.example.com");
  return hosts;
}

const shownValue = (v: { secret: boolean; value: string | null }) => (v.secret ? "secret (set)" : (v.value ?? ""));
const shownHosts = (v: { secret: boolean; allowed_hosts: string[] | null }) => (v.secret ? (v.allowed_hosts?.join(", ") ?? "any") : "");

export const variableCommands: Command[] = [
  {
    words: ["variables", "list"],
    args: ["profile"],
    summary: "List a profile's variables (a secret's value is never shown; its allowed hosts are)",
    options: PAGE_OPTIONS,
    async run(ctx) {
      const page = await ctx
        .client()
        .variables.list(arg(ctx, "profile"), { limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor") });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No variables."
          : table(
              ["NAME", "VALUE", "ALLOWED HOSTS", "UPDATED"],
              page.data.map((v) => [v.name, shownValue(v), shownHosts(v), time(v.updated_at)]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  {
    words: ["variables", "set"],
    args: ["profile", "name"],
    synopsis: "--value <value>",
    summary: "Set a variable; a secret may name the hosts it may be sent to",
    options: {
      value: { type: "string", value: "VALUE", description: "The value; - reads stdin" },
      secret: { type: "boolean", description: "Encrypted, never shown, usable only in the request fields of http and integration steps" },
      "allowed-hosts": {
        type: "string",
        value: "HOSTS",
        description:
          "With --secret: comma-separated hosts it may be sent to (api.example.com, *.example.com, 127.0.0.1:8080); without: any host",
      },
    },
    async run(ctx) {
      const raw = stringFlag(ctx, "value");
      if (raw === undefined) throw new UsageError("--value is required");
      const value = raw === "-" ? readFile("-", "value").replace(/\r?\n$/, "") : raw;
      const allowedHosts = hostsFlag(stringFlag(ctx, "allowed-hosts"));
      const secret = ctx.flags.secret === true;
      if (allowedHosts && !secret) throw new UsageError("--allowed-hosts applies to secrets only; add --secret");
      const set = await ctx.client().variables.set(arg(ctx, "profile"), arg(ctx, "name"), {
        value,
        secret,
        ...(allowedHosts ? { allowed_hosts: allowedHosts } : {}),
      });
      ctx.answer(set, () =>
        set.secret
          ? `Secret ${set.name} set in ${set.profile}; it may be sent to ${set.allowed_hosts?.join(", ") ?? "any host"}`
          : `Variable ${set.name} set in ${set.profile}`,
      );
      return 0;
    },
  },
  {
    words: ["variables", "hosts"],
    args: ["profile", "name"],
    summary: "Change the hosts a secret may be sent to, without sending the secret again",
    options: {
      "allowed-hosts": {
        type: "string",
        value: "HOSTS",
        description: "Comma-separated hosts (api.example.com, *.example.com, 127.0.0.1:8080)",
      },
      "any-host": { type: "boolean", description: "Let the secret go to any host" },
    },
    async run(ctx) {
      const hosts = hostsFlag(stringFlag(ctx, "allowed-hosts"));
      const anyHost = ctx.flags["any-host"] === true;
      if ((hosts === undefined) === !anyHost) throw new UsageError("give either --allowed-hosts or --any-host");
      const set = await ctx.client().variables.setAllowedHosts(arg(ctx, "profile"), arg(ctx, "name"), hosts ?? null);
      ctx.answer(set, () => `Secret ${set.name} in ${set.profile} may be sent to ${set.allowed_hosts?.join(", ") ?? "any host"}`);
      return 0;
    },
  },
];
