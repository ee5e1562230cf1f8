import { hostAllowed } from "../domain/allowed-hosts";
import { type SecretHosts, secretHosts } from "./secret-vars";
import { StepError } from "./steps/types";

/**
 * The secrets one request carries, and the check that every host it goes to (the first and
 * each redirect, which are followed by hand) is one they may be sent to. A refused request is
 * never sent, so the other server never sees it.
 */
export class SecretGate {
  private constructor(
    private readonly stepId: string,
    private readonly carried: SecretHosts,
    /** The request's fields read a secret, so its URL may hold what the secret made. */
    private readonly builtFromSecrets: boolean,
  ) {}

  /** The gate of a request built from fields that read the secrets `names` of `vars`. */
  static of(stepId: string, vars: unknown, names: Iterable<string>): SecretGate {
    const hosts = secretHosts(vars);
    const carried = new Map<string, readonly string[] | null>();
    for (const name of names) if (hosts.has(name)) carried.set(name, hosts.get(name) ?? null);
    return new SecretGate(stepId, carried, carried.size > 0);
  }

  /**
   * The gate of the same request carrying also the variable `name` of `vars`, when it is
   * secret; `defaults` apply when the secret has no allowed hosts of its own.
   */
  carrying(vars: unknown, name: string, defaults: readonly string[]): SecretGate {
    const hosts = secretHosts(vars);
    if (!hosts.has(name)) return this;
    return new SecretGate(this.stepId, new Map([...this.carried, [name, hosts.get(name) ?? defaults]]), this.builtFromSecrets);
  }

  /**
   * A URL as an error message may show it: only its origin when the request's fields read a
   * secret, since a short piece of one (`$substring`) is too short to be masked later.
   */
  shownUrl(url: string): string {
    if (!this.builtFromSecrets) return url;
    try {
      return `${new URL(url).origin}/...`;
    } catch {
      return "a URL built from a secret";
    }
  }

  /** Throws SECRET_NOT_ALLOWED, before anything is sent, when a carried secret may not go to `target`. */
  check(target: URL, redirectedFrom: URL | null): void {
    for (const [name, allowed] of this.carried) {
      if (allowed === null || hostAllowed(allowed, target)) continue;
      const how = redirectedFrom ? `a redirect from ${redirectedFrom.host} leads to ${target.host}` : `the request goes to ${target.host}`;
      throw new StepError(
        "SECRET_NOT_ALLOWED",
        `step ${this.stepId}: ${how}, where the secret variable ${name} may not be sent (its allowed_hosts: ${allowed.join(", ") || "none"})`,
        false,
      );
    }
  }
}
