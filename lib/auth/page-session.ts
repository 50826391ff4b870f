import type { Db } from "../db/client";
import { noteDatabaseUnavailable } from "../db/availability";
import { isDatabaseUnavailable } from "../db/failure-kind";
import { findSessionUser, type SessionUser } from "./sessions";

/**
 * The session lookup of a console page, the first query every page makes. An unreachable database
 * is noted (the web server then answers console pages with the "database unavailable" page until
 * it is back) and reported as "database_unavailable"; other errors go through.
 */
export async function readPageSession(
  db: Db,
  token: string | undefined,
): Promise<{ user: SessionUser | null } | "database_unavailable"> {
  try {
    return { user: await findSessionUser(db, token) };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable(db);
    return "database_unavailable";
  }
}
