import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from "react";
import { Shell } from "./components/shell";
import { Loading } from "./components/states";
import { SignIn } from "./pages/sign-in";
import { matchPath, navigate, usePath } from "./router";
import { clientFor, forgetKey, isTransient, isUnauthorized, type Session, SessionContext, storedSession, storeSession } from "./session";

// Each page is its own chunk: the run page's first load carries the graph, the others do not.
const WorkflowsPage = lazy(() => import("./pages/workflows").then((m) => ({ default: m.WorkflowsPage })));
const WorkflowPage = lazy(() => import("./pages/workflow").then((m) => ({ default: m.WorkflowPage })));
const RunsPage = lazy(() => import("./pages/runs").then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import("./pages/run").then((m) => ({ default: m.RunPage })));
const SchedulesPage = lazy(() => import("./pages/schedules").then((m) => ({ default: m.SchedulesPage })));
const ProfilesPage = lazy(() => import("./pages/profiles").then((m) => ({ default: m.ProfilesPage })));
const KeysPage = lazy(() => import("./pages/keys").then((m) => ({ default: m.KeysPage })));
// The builder (and the editable canvas) loads only on its own routes.
const BuilderPage = lazy(() => import("./pages/builder").then((m) => ({ default: m.BuilderPage })));
const ActivityPage = lazy(() => import("./pages/activity").then((m) => ({ default: m.ActivityPage })));

const ROUTES: [string, (params: Record<string, string>) => ReactNode][] = [
  ["/runs", () => <RunsPage />],
  ["/runs/:id", ({ id }) => <RunPage key={id} id={id} />],
  ["/workflows", () => <WorkflowsPage />],
  // One key for both builder routes: saving a new workflow moves to its edit route without remounting.
  ["/workflows/new", () => <BuilderPage key="builder" />],
  ["/workflows/:id/edit", ({ id }) => <BuilderPage key="builder" id={id} />],
  ["/workflows/:id", ({ id }) => <WorkflowPage key={id} id={id} />],
  ["/schedules", () => <SchedulesPage />],
  ["/profiles", () => <ProfilesPage />],
  ["/keys", () => <KeysPage />],
  ["/activity", () => <ActivityPage />],
];

function Page({ path }: { path: string }) {
  useEffect(() => {
    if (path === "/" || path === "") navigate("/runs", { replace: true });
  }, [path]);
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Suspense fallback={<Loading label="Loading the page" />}>{render(params)}</Suspense>;
  }
  if (path === "/" || path === "") return null;
  return (
    <section>
      <h1>Not found</h1>
      <p>Nothing lives at {path}.</p>
    </section>
  );
}

export function App() {
  const [stored, setStored] = useState(storedSession);
  const [notice, setNotice] = useState<string | null>(null);
  const path = usePath();

  const session = useMemo<Session | null>(() => {
    if (!stored) return null;
    return {
      stepline: clientFor(stored.key),
      identity: stored.identity,
      signOut: (reason) => {
        forgetKey();
        setNotice(reason ?? null);
        setStored(null);
      },
    };
  }, [stored]);

  // A refused key anywhere (revoked, another deployment's) ends the session: back to sign-in.
  const queryClient = useMemo(() => {
    const onError = (error: unknown) => {
      if (isUnauthorized(error)) session?.signOut("The API refused the key. Sign in again.");
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: { retry: (count, error) => isTransient(error) && count < 2, refetchOnWindowFocus: false },
      },
    });
  }, [session]);

  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(signedIn) => {
          storeSession(signedIn);
          setNotice(null);
          setStored(signedIn);
        }}
      />
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <Shell path={path}>
          <Page path={path} />
        </Shell>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
