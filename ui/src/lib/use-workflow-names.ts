import { useQuery } from "@tanstack/react-query";
import { useStepline } from "../session";
import { shortId } from "./format";

/** The app's workflows (first page of 100), and a name for any workflow id (its id's tail when it is not among them). */
export function useWorkflowNames() {
  const stepline = useStepline();
  const workflows = useQuery({
    queryKey: ["workflows", "names"],
    queryFn: ({ signal }) => stepline.workflows.list({ limit: 100 }, { signal }),
  });
  const nameOf = (id: string) => workflows.data?.data.find((w) => w.id === id)?.name ?? shortId(id);
  return { workflows: workflows.data?.data ?? [], nameOf };
}
