/**
 * Which of a run's variables are secret, and where each may be sent. A secret is refused by
 * where it was read, not by what the result looks like: expressions see the variables through
 * `watchedVars`, which notes every secret an evaluation reads, whatever it then does with the
 * value (`$uppercase`, `$base64encode`, concatenation, a comparison), so no transformation
 * escapes the rule.
 */

/** A secret's name and the host patterns it may be sent to (null: any host). */
export type SecretHosts = ReadonlyMap<string, readonly string[] | null>;

// The variables object a run reads is shared by every evaluation; its secrets are attached to
// it here rather than threaded through every scope, so no scope can lose them on the way.
const secretsOf = new WeakMap<object, SecretHosts>();
const EMPTY: SecretHosts = new Map();

/** Marks which of `vars` are secret; returns `vars`. */
export function withSecrets<T extends Record<string, string>>(vars: T, secrets: SecretHosts): T {
  if (secrets.size > 0) secretsOf.set(vars, secrets);
  return vars;
}

/** The secrets of a run's variables (empty when it has none). */
export function secretHosts(vars: unknown): SecretHosts {
  return (vars && typeof vars === "object" ? secretsOf.get(vars) : undefined) ?? EMPTY;
}

/** A view of `vars` for one evaluation: reading a secret adds its name to `reads`. */
export function watchedVars(vars: unknown, reads: Set<string>): unknown {
  const secrets = secretHosts(vars);
  if (secrets.size === 0) return vars;
  const view: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(vars as Record<string, string>)) {
    if (!secrets.has(name)) view[name] = value;
    else {
      Object.defineProperty(view, name, {
        enumerable: true,
        get: () => {
          reads.add(name);
          return value;
        },
      });
    }
  }
  return view;
}
