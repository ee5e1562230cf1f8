import { validationFailed } from "../../../domain/errors";
import { isId } from "../../../lib/ids";
import { LooplyMessage } from "../schemas";

/** A Looply `{ message }` answer in the OpenAPI document. */
export const message = (description: string) => ({ description, content: { "application/json": { schema: LooplyMessage } } });

/** The answers every Looply route can give besides its own. */
export const commonErrors = {
  400: message("Incorrect or missing parameters; `message` names each one"),
  403: message(
    'Incorrect or no API key supplied: `{"message":"Forbidden"}`; or a key without the scope this operation needs, with a message naming it',
  ),
  500: message('Server-side error: `{"message":"something went wrong"}`'),
} as const;

/** What a route that reads a body adds: a body over 1 MiB, or an input over 256 KiB. */
export const tooLarge = { 413: message("The body, or the input it makes, is too large") } as const;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 30;

/** Looply's page size: 20 unless asked, never more than 30 (a larger ask gets 30, not an error). */
export function pageLimit(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  const n = Number(limit);
  if (n < 1) throw validationFailed([{ path: "query.limit", message: "must be at least 1" }]);
  return Math.min(n, MAX_LIMIT);
}

/** A lastKey execution id passed back, or null for the first page. */
export function afterExecution(id: string | undefined): string | null {
  if (id === undefined || id === "") return null;
  if (!isId(id))
    throw validationFailed([{ path: "query.workflow_execution_id", message: "is not a workflow_execution_id from a lastKey" }]);
  return id;
}

/** A workflow version named in a query or path: a positive whole number. */
export function versionNumber(value: string, path: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw validationFailed([{ path, message: "must be a version number (1, 2, ...)" }]);
  return Number(value);
}
