import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { getActiveApiToken, listMembers, listNamedApiTokens } from "./queries";

/** The Settings page of the caller's org: its API tokens (never in clear) and its members. */
export async function readOrgSettings({ db }: Pick<AppContext, "db">, caller: Caller) {
  const { orgId } = authorize(caller, "org.settings.read");
  const [token, namedTokens, members] = await Promise.all([
    getActiveApiToken(db, orgId),
    listNamedApiTokens(db, orgId),
    listMembers(db, orgId),
  ]);
  return { token, namedTokens, members };
}
