import type { Scope } from "./scopes";

/** Who made a request, as the audit log names them. */
export type Actor =
  | { kind: "key"; id: string; name: string }
  | { kind: "jwt"; sub: string }
  | { kind: "admin_token" }
  | { kind: "service_binding" };

/** What the auth middleware settles for a request: the app it acts for, its scopes and who it is. */
export interface Credential {
  appId: string;
  scopes: Scope[];
  actor: Actor;
}
