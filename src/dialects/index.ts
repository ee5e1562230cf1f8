import type { WebhookFormat } from "../engine/webhook-format";
import type { Dialect } from "./kit";
import { DIALECT_TITLES } from "./titles";

/**
 * Every dialect, each loaded when first needed: its routes, schemas and document are built
 * when its module loads, on the first request under its prefix (or the first webhook of a run
 * it started). Only the composition root imports this list (docs/layers.md).
 */
export const DIALECTS = [
  { name: "leap", title: DIALECT_TITLES.leap, load: async () => (await import("./leap")).leap },
  { name: "apps", title: DIALECT_TITLES.apps, load: async () => (await import("./apps")).apps },
  { name: "dataflow", title: DIALECT_TITLES.dataflow, load: async () => (await import("./dataflow")).dataflow },
  { name: "looply", title: DIALECT_TITLES.looply, load: async () => (await import("./looply")).looply },
  { name: "pipelines", title: DIALECT_TITLES.pipelines, load: async () => (await import("./pipelines")).pipelines },
] as const satisfies { name: string; title: string; load: () => Promise<Dialect> }[];

/** The webhook format of a run's surface: its dialect's, or null for the native API. */
export async function dialectWebhook(surface: string): Promise<WebhookFormat | null> {
  const dialect = DIALECTS.find(({ name }) => name === surface);
  return dialect ? (await dialect.load()).spec.webhook : null;
}
