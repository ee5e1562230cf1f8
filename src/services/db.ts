import { drizzle } from "drizzle-orm/d1";
import * as schema from "../db/schema";

const make = (db: D1Database) => drizzle(db, { schema });
// Building the client walks the whole schema, so each isolate keeps one per database binding.
const clients = new WeakMap<D1Database, ReturnType<typeof make>>();

export function database(env: Pick<Env, "DB">) {
  let client = clients.get(env.DB);
  if (!client) {
    client = make(env.DB);
    clients.set(env.DB, client);
  }
  return client;
}
