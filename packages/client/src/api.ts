import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { paths } from "./generated/openapi.js";

type Method = "get" | "put" | "post" | "delete" | "patch";
type Operation<P extends keyof paths, M extends Method> = paths[P][M & keyof paths[P]];
type Init<P extends keyof paths, M extends Method> = MaybeOptionalInit<paths[P], M & keyof paths[P]>;

/**
 * One HTTP method of the typed API. The options are checked against the operation as a plain
 * object literal, so a misspelt body or query field is a compile error. `data` is typed as the
 * JSON answer; with `parseAs` other than "json", read `response` instead.
 */
type Call<M extends Method> = <P extends ClientPathsWithMethod<Client<paths>, M>>(
  path: P,
  ...init: undefined extends Init<P, M> ? [options?: Init<P, M>] : [options: Init<P, M>]
) => Promise<FetchResponse<Operation<P, M> & Record<string | number, unknown>, {}, `${string}/${string}`>>;

/**
 * Every call of Stepline's OpenAPI document, typed from it, answering `{ data, error, response }`:
 * openapi-fetch's client, with each call's options checked strictly.
 */
export interface SteplineApi {
  GET: Call<"get">;
  POST: Call<"post">;
  PUT: Call<"put">;
  PATCH: Call<"patch">;
  DELETE: Call<"delete">;
  /** Adds openapi-fetch middleware (onRequest, onResponse, onError) to every call. */
  use: Client<paths>["use"];
  eject: Client<paths>["eject"];
}
