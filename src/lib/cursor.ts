import { base64url, fromBase64url } from "./crypto";

/**
 * Lists page by id, newest first: a cursor is the last id of the previous page, opaque to
 * clients so the ordering can change without breaking them.
 */
export function encodeCursor(lastId: string): string {
  return base64url(new TextEncoder().encode(JSON.stringify({ after: lastId })));
}

/** The id to continue after, or null for a cursor that is not ours (answered as a 400). */
export function decodeCursor(cursor: string): string | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
    return typeof value?.after === "string" ? value.after : null;
  } catch {
    return null;
  }
}

export function page<T extends { id: string }>(rows: T[], limit: number): { data: T[]; next_cursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, next_cursor: rows.length > limit ? encodeCursor(data[data.length - 1].id) : null };
}
