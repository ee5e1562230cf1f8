import type { ReactNode } from "react";
import { Link } from "../router";
import { grants, useSession } from "../session";

const NAV = [
  ["/runs", "Runs"],
  ["/workflows", "Workflows"],
  ["/schedules", "Schedules"],
  ["/profiles", "Profiles"],
] as const;

// Keys and the audit log answer admin keys only, so other keys are not shown the way there.
const ADMIN_NAV = [
  ["/keys", "Keys"],
  ["/activity", "Activity"],
] as const;

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { signOut, identity } = useSession();
  const nav = grants(identity.scopes, "admin") ? [...NAV, ...ADMIN_NAV] : NAV;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/runs" className="brand">
          Stepline
        </Link>
        <nav aria-label="Main">
          {nav.map(([to, label]) => (
            <Link key={to} to={to} aria-current={path === to || path.startsWith(`${to}/`) ? "page" : undefined}>
              {label}
            </Link>
          ))}
          <a href="/docs">API docs</a>
        </nav>
        <span className="key-identity" title="The signed-in key and its scopes">
          {identity.name ?? "JWT"} <span className="scopes">{identity.scopes.join(", ")}</span>
        </span>
        <button type="button" className="sign-out" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
