/**
 * The name and title of every seed API Stepline speaks, each at /compat/<name> (docs/dialects/README.md): all
 * the docs page needs of a dialect, and what each dialect's spec starts from.
 */
export const DIALECT_TITLES = {
  leap: "Stepline: Leap workflows API",
  apps: "Stepline: apps platform workflows API",
  dataflow: "Stepline: Data Flow workflows API",
  looply: "Stepline: Looply workflow API",
  pipelines: "Stepline: pipelines workflows API",
} as const;

export type DialectName = keyof typeof DIALECT_TITLES;

/** A dialect's name and title, for its spec. */
export function about(name: DialectName): { name: DialectName; title: string } {
  return { name, title: DIALECT_TITLES[name] };
}
