import type { ReactNode } from "react";
import { Link } from "../router";
import { useSession } from "../session";

const NAV = [
  ["/runs", "Runs"],
  ["/workflows", "Workflows"],
  ["/schedules", "Schedules"],
  ["/profiles", "Profiles"],
] as const;

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { signOut } = useSession();
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
          {NAV.map(([to, label]) => (
            <Link key={to} to={to} aria-current={path === to || path.startsWith(`${to}/`) ? "page" : undefined}>
              {label}
            </Link>
          ))}
          <a href="/docs">API docs</a>
        </nav>
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
