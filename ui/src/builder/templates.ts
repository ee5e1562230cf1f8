import { type Draft, normalize } from "./model";

export interface Template {
  key: string;
  title: string;
  draft: () => Draft;
}

/** Workflows to start from; each is valid as it is, so it can be saved at once. */
export const TEMPLATES: Template[] = [
  { key: "empty", title: "Empty workflow", draft: () => ({ name: "New workflow", steps: [] }) },
  {
    key: "dataflow",
    title: "Data Flow example",
    draft: () => ({
      name: "Reverse a text",
      description: "Data Flow's example: a static text, reversed, echoed.",
      steps: [
        { id: "hello", type: "StaticTextInput", config: { text: "Hello, world!" } },
        { id: "reverse", type: "TextOperation.Reverse", depends_on: ["hello"], config: {} },
        { id: "echo", type: "Echo", depends_on: ["reverse"], config: {} },
      ],
    }),
  },
  {
    key: "approval",
    title: "Approval flow",
    draft: () => ({
      name: "Approve an expense",
      description: "Records a request, waits for an approval event, then shapes the decision.",
      input_schema: {
        type: "object",
        properties: { amount: { type: "number" }, requested_by: { type: "string" } },
        required: ["amount"],
      },
      steps: [
        { id: "request", type: "transform", config: { value: { amount: "{{ input.amount }}", requested_by: "{{ input.requested_by }}" } } },
        { id: "approval", type: "wait_for_event", depends_on: ["request"], config: { event: "approval", timeout: "7d" } },
        {
          id: "decision",
          type: "transform",
          depends_on: ["approval"],
          config: { value: { approved: "{{ steps.approval.output.approved }}", amount: "{{ steps.request.output.amount }}" } },
        },
      ],
    }),
  },
  {
    key: "http",
    title: "HTTP call with retries and a fallback",
    draft: () => ({
      name: "Fetch an order",
      description: "Calls an API, retrying with backoff; when every attempt fails, a fallback answers instead.",
      input_schema: { type: "object", properties: { order_id: { type: "string" } }, required: ["order_id"] },
      steps: [
        {
          id: "fetch",
          type: "http",
          config: { method: "GET", url: "https://api.example.com/orders/{{ input.order_id }}" },
          retry: { max_attempts: 3, backoff: "exponential", delay: "1s" },
          timeout: "30s",
          fallback: { type: "transform", config: { value: { order_id: "{{ input.order_id }}", status: "unknown" } } },
        },
        { id: "summary", type: "transform", depends_on: ["fetch"], config: { value: "{{ steps.fetch.output }}" } },
      ],
    }),
  },
  {
    key: "provider",
    title: "Provider pipeline",
    draft: () => ({
      name: "Generate and refine an image",
      description: "fal generates an image from a prompt, then refines it; the second call maps the first one's output into its input.",
      input_schema: {
        type: "object",
        properties: { prompt: { type: "string" }, refinement: { type: "string" } },
        required: ["prompt"],
      },
      steps: [
        {
          id: "generate",
          type: "fal",
          config: { operation: "queue.submit", pathParams: { app_id: "fal-ai/flux/dev" }, body: { prompt: "{{ input.prompt }}" } },
        },
        {
          id: "refine",
          type: "fal",
          depends_on: ["generate"],
          config: {
            operation: "queue.submit",
            pathParams: { app_id: "fal-ai/flux/dev/image-to-image" },
            body: { image_url: "{{ steps.generate.output.images[0].url }}", prompt: "{{ input.refinement }}" },
          },
        },
      ],
    }),
  },
];

export const templateDraft = (key: string): Draft => normalize((TEMPLATES.find((t) => t.key === key) ?? TEMPLATES[0]).draft());
