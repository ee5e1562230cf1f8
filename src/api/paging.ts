import { validationFailed } from "../domain/errors";
import { decodeCursor } from "../lib/cursor";

/** The id a page continues after; a cursor we did not issue is a 400, not an empty page. */
export function afterCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === "") return null;
  const after = decodeCursor(cursor);
  if (after === null) throw validationFailed([{ path: "query.cursor", message: "is not a cursor this API issued" }]);
  return after;
}

/** Versions page by number; the cursor wraps it like every other cursor so clients never rely on its form. */
export function versionCursor(cursor: string | undefined): number | null {
  const after = afterCursor(cursor);
  if (after === null) return null;
  if (!/^\d{1,9}$/.test(after)) throw validationFailed([{ path: "query.cursor", message: "is not a cursor this API issued" }]);
  return Number(after);
}
