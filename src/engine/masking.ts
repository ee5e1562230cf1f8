export const MASK = "***";

/**
 * Replaces the run's secret values with `***` before anything is stored: step inputs and
 * outputs, errors, events, the run output and therefore webhooks and every API answer.
 * Later steps see the masked values too, so the run behaves the same before and after a
 * restart. Secrets are also matched in their JSON-escaped form.
 */
export class Masker {
  private readonly needles: string[];

  constructor(secrets: string[]) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      forms.add(secret);
      forms.add(JSON.stringify(secret).slice(1, -1));
    }
    // Longest first, so a secret that contains another is masked whole.
    this.needles = [...forms].sort((a, b) => b.length - a.length);
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

export const NO_SECRETS = new Masker([]);
