import { arg, type Command, intFlag, jsonFlag, more, PAGE_OPTIONS, stringFlag } from "../command.js";
import { table, time } from "../format.js";

const scheduleToggle = (action: "pause" | "resume"): Command => ({
  words: ["schedules", action],
  args: ["schedule"],
  summary: action === "pause" ? "Pause a schedule (no fires until resumed)" : "Resume a paused schedule",
  async run(ctx) {
    const schedule = await ctx.client().schedules[action](arg(ctx, "schedule"));
    ctx.answer(
      schedule,
      () => `Schedule ${schedule.id} is ${schedule.paused ? "paused" : `active; next run at ${time(schedule.next_run_at)}`}`,
    );
    return 0;
  },
});

export const otherCommands: Command[] = [
  {
    words: ["events", "send"],
    args: ["run", "name"],
    summary: "Send an event to a run's wait_for_event step",
    options: {
      payload: { type: "string", value: "JSON", description: "The event's payload; @file reads a file, - reads stdin" },
      id: { type: "string", value: "ID", description: "An event id: sending the same id again is refused" },
    },
    async run(ctx) {
      const sent = await ctx
        .client()
        .events.send(arg(ctx, "run"), arg(ctx, "name"), jsonFlag(ctx, "payload"), { id: stringFlag(ctx, "id") });
      ctx.answer(sent, () =>
        sent.status === "applied" ? `Event ${sent.event_id} applied to step ${sent.step_id}` : `Event ${sent.event_id} ${sent.status}`,
      );
      return 0;
    },
  },
  {
    words: ["schedules", "list"],
    summary: "List cron schedules",
    options: { ...PAGE_OPTIONS, workflow: { type: "string", value: "ID", description: "Only this workflow's schedules" } },
    async run(ctx) {
      const page = await ctx
        .client()
        .schedules.list({ limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor"), workflow_id: stringFlag(ctx, "workflow") });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No schedules."
          : table(
              ["ID", "WORKFLOW", "CRON", "TIMEZONE", "STATE", "NEXT RUN"],
              page.data.map((s) => [s.id, s.workflow_id, s.cron, s.timezone, s.paused ? "paused" : "active", time(s.next_run_at)]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  scheduleToggle("pause"),
  scheduleToggle("resume"),
  {
    words: ["deliveries", "list"],
    args: ["run"],
    summary: "List a run's webhook deliveries",
    options: PAGE_OPTIONS,
    async run(ctx) {
      const page = await ctx.client().deliveries.list(arg(ctx, "run"), { limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor") });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No deliveries."
          : table(
              ["ID", "EVENT", "STATUS", "ATTEMPTS", "LAST", "URL"],
              page.data.map((d) => [
                d.id,
                d.event,
                d.status,
                String(d.attempt_count),
                d.last_status_code === null ? (d.last_error ?? "") : String(d.last_status_code),
                d.url,
              ]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  {
    words: ["deliveries", "redeliver"],
    args: ["delivery"],
    summary: "Send a webhook delivery again now",
    async run(ctx) {
      const delivery = await ctx.client().deliveries.redeliver(arg(ctx, "delivery"));
      ctx.answer(delivery, () => `Delivery ${delivery.id} is ${delivery.status}: it is sent again now`);
      return 0;
    },
  },
];
