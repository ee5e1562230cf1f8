export const MASK = "***";
const MIN_DERIVED_LENGTH = 4;

/**
 * Replaces the run's secret values with `***` before anything is stored: step inputs and
 * outputs, errors, events, the run output and therefore webhooks and every API answer.
 * Later steps see the masked values too, so the run behaves the same before and after a
 * restart. Secrets are also matched in their JSON-escaped and URL-encoded forms.
 */
export class Masker {
  private needles: string[] = [];

  constructor(secrets: string[]) {
    this.add(secrets);
  }

  private add(secrets: string[]): void {
    const forms = new Set<string>(this.needles);
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      forms.add(secret);
      forms.add(JSON.stringify(secret).slice(1, -1));
      for (const form of urlForms(secret)) forms.add(form);
    }
    // Longest first, so a secret that contains another is masked whole.
    this.needles = [...forms].sort((a, b) => b.length - a.length);
  }

  /**
   * Also masks values a request field made from a secret (`Basic {{ $base64encode(...) }}`),
   * which an error message or an echoing server could otherwise show. Values shorter than a
   * secret may be are left out: masking them would garble unrelated text, and the stored
   * input masks the field they came from anyway.
   */
  learn(derived: string[]): void {
    const fresh = derived.filter((value) => value.length >= MIN_DERIVED_LENGTH && !this.needles.includes(value));
    if (fresh.length > 0) this.add(fresh);
  }

  get active(): boolean {
    return this.needles.length > 0;
  }

  text(value: string): string {
    let out = value;
    for (const needle of this.needles) if (out.includes(needle)) out = out.split(needle).join(MASK);
    return out;
  }

  /** A JSON value with every secret masked (the value itself when there is nothing to mask). */
  value<T>(value: T): T {
    if (!this.active || value === null || value === undefined) return value;
    const json = JSON.stringify(value);
    const masked = this.text(json);
    return masked === json ? value : (JSON.parse(masked) as T);
  }
}

/** A secret as a request URL carries it: a path parameter, a query value, the URL as written. */
function urlForms(secret: string): string[] {
  try {
    return [encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), encodeURI(secret)];
  } catch {
    return []; // a lone surrogate cannot be URL-encoded, so no URL carries it that way either
  }
}

export const NO_SECRETS = new Masker([]);
