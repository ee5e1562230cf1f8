import type { Step } from "@stepline/client";

/**
 * The edges of a workflow's graph, as the engine reads `depends_on`: omitted means the
 * previous step in the list, `[]` means the step starts at once.
 */
export function dependencyEdges(steps: Pick<Step, "id" | "depends_on">[]): { from: string; to: string }[] {
  return steps.flatMap((step, i) => {
    const dependsOn = step.depends_on ?? (i > 0 ? [steps[i - 1].id] : []);
    return dependsOn.map((from) => ({ from, to: step.id }));
  });
}
