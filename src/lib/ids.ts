import { uuidv7 } from "uuidv7";

export const newId = (): string => uuidv7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids are lowercase UUIDs; anything else is answered as "not found" without a lookup. */
export const isId = (value: string): boolean => UUID.test(value);
