import { hostAllowed } from "../domain/allowed-hosts";
import { type SecretHosts, secretHosts } from "./secret-vars";
import { StepError } from "./steps/types";

/**
 * The secrets one request carries, and the check that every host it goes to (the first and
 * each redirect, which are followed by hand) is one they may be sent to. A refused request is
 * never sent, so the other server never sees it.
 */
const SECRET_URL = "a URL built from a secret";

export class SecretGate {
  private constructor(
    private readonly stepId: string,
    private readonly carried: SecretHosts,
    /** A field that builds the URL read a secret, so the URL (its host too) may hold what the secret made. */
    private readonly urlFromSecrets: boolean,
  ) {}

  /** The gate of a request built from fields that read the secrets `names` of `vars`. */
  static of(stepId: string, vars: unknown, names: Iterable<string>, urlFromSecrets: boolean): SecretGate {
    const hosts = secretHosts(vars);
    const carried = new Map<string, readonly string[] | null>();
    for (const name of names) if (hosts.has(name)) carried.set(name, hosts.get(name) ?? null);
    return new SecretGate(stepId, carried, urlFromSecrets && carried.size > 0);
  }

  /**
   * The gate of the same request carrying also the variable `name` of `vars`, when it is
   * secret; `defaults` apply when the secret has no allowed hosts of its own.
   */
  carrying(vars: unknown, name: string, defaults: readonly string[]): SecretGate {
    const hosts = secretHosts(vars);
    if (!hosts.has(name)) return this;
    return new SecretGate(this.stepId, new Map([...this.carried, [name, hosts.get(name) ?? defaults]]), this.urlFromSecrets);
  }

  /**
   * A URL as an error message may show it: not at all when a field that builds it read a
   * secret, since a short piece of one (`$substring`) is too short to be masked later, and it
   * may be anywhere in the URL, its host included.
   */
  shownUrl(url: string): string {
    return this.urlFromSecrets ? SECRET_URL : url;
  }

  /** Throws SECRET_NOT_ALLOWED, before anything is sent, when a carried secret may not go to `target`. */
  check(target: URL, redirectedFrom: URL | null): void {
    for (const [name, allowed] of this.carried) {
      if (allowed === null || hostAllowed(allowed, target)) continue;
      // A host built from a secret is not named: a short piece of one would not be masked.
      const from = this.urlFromSecrets ? "its first host" : redirectedFrom?.host;
      const how = redirectedFrom
        ? `a redirect from ${from} leads to ${target.host}`
        : `the request goes to ${this.urlFromSecrets ? "the host of a URL built from a secret" : target.host}`;
      throw new StepError(
        "SECRET_NOT_ALLOWED",
        `step ${this.stepId}: ${how}, where the secret variable ${name} may not be sent (its allowed_hosts: ${allowed.join(", ") || "none"})`,
        false,
      );
    }
  }
}
