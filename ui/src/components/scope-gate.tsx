import type { KeyScope } from "@stepline/client";
import { type ReactNode, useId } from "react";
import { useMay } from "../session";

/**
 * Actions that need `scope`: with a key that lacks it, every control inside is disabled (a
 * disabled fieldset disables them all) and a line says which scope they need.
 */
export function ScopeGate({ scope, children, inline = false }: { scope: KeyScope; children: ReactNode; inline?: boolean }) {
  const allowed = useMay(scope);
  const hint = useId();
  return (
    <fieldset
      className={inline ? "scope-gate inline" : "scope-gate"}
      disabled={!allowed}
      aria-describedby={allowed ? undefined : hint}
      data-needs-scope={allowed ? undefined : scope}
    >
      {children}
      {!allowed && (
        <span className="needs-scope" id={hint}>
          Needs the <code>{scope}</code> scope
        </span>
      )}
    </fieldset>
  );
}
