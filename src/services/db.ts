import { drizzle } from "drizzle-orm/d1";
import * as schema from "../db/schema";

export type Db = ReturnType<typeof database>;

export const database = (env: Pick<Env, "DB">) => drizzle(env.DB, { schema });
