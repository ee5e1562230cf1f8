import type { WorkflowDefinition } from "@stepline/client";
import { arg, type Command, intFlag, more, PAGE_OPTIONS, readFile, stringFlag } from "../command.js";
import { UsageError } from "../config.js";
import { table, time } from "../format.js";

export const workflowCommands: Command[] = [
  {
    words: ["workflows", "list"],
    summary: "List workflows, newest first",
    options: { ...PAGE_OPTIONS, name: { type: "string", value: "NAME", description: "Only workflows with exactly this name" } },
    async run(ctx) {
      const page = await ctx
        .client()
        .workflows.list({ limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor"), name: stringFlag(ctx, "name") });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No workflows."
          : table(
              ["ID", "NAME", "VERSION", "UPDATED"],
              page.data.map((w) => [w.id, w.name, String(w.current_version), time(w.updated_at)]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  {
    words: ["workflows", "get"],
    args: ["workflow"],
    summary: "Show a workflow and its current version's steps",
    async run(ctx) {
      const workflow = await ctx.client().workflows.get(arg(ctx, "workflow"));
      ctx.answer(workflow, () =>
        [
          `${workflow.name}  ${workflow.id}`,
          `version ${workflow.current_version} of ${workflow.latest_version}, updated ${time(workflow.updated_at)}`,
          ...(workflow.description ? [workflow.description] : []),
          "",
          table(
            ["STEP", "TYPE", "DEPENDS ON"],
            workflow.steps.map((s) => [s.id, s.type, s.depends_on === undefined ? "(previous)" : s.depends_on.join(", ")]),
          ),
        ].join("\n"),
      );
      return 0;
    },
  },
  {
    words: ["workflows", "create"],
    synopsis: "-f <definition.json>",
    summary: "Create a workflow from a JSON definition",
    options: { file: { type: "string", short: "f", value: "FILE", description: "The definition (JSON); - reads stdin" } },
    async run(ctx) {
      const file = stringFlag(ctx, "file");
      if (file === undefined) throw new UsageError("workflows create needs -f <definition.json>");
      let definition: WorkflowDefinition;
      try {
        definition = JSON.parse(readFile(file, "file"));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
      }
      const workflow = await ctx.client().workflows.create(definition);
      ctx.answer(workflow, () => `Created workflow ${workflow.id} (${workflow.name}, version ${workflow.current_version})`);
      return 0;
    },
  },
  {
    words: ["workflows", "versions"],
    args: ["workflow"],
    summary: "List a workflow's versions, newest first",
    options: PAGE_OPTIONS,
    async run(ctx) {
      const page = await ctx
        .client()
        .workflows.versions(arg(ctx, "workflow"), { limit: intFlag(ctx, "limit"), cursor: stringFlag(ctx, "cursor") });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No versions."
          : table(
              ["VERSION", "STEPS", "CREATED"],
              page.data.map((v) => [String(v.version), String(v.steps.length), time(v.created_at)]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
];
