import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { AuditEventListQuery } from "./list-query";
import { describeActors, listAuditEvents, listAuditFilterChoices } from "./queries";

// The reads of the audit log, each authorized as audit.read and scoped to the caller's org.

/** A page of the caller's org's audit log, newest first (the API's GET /audit-events). */
export async function readAuditEvents({ db }: Pick<AppContext, "db">, caller: Caller, input: AuditEventListQuery) {
  const { orgId } = authorize(caller, "audit.read");
  return listAuditEvents(db, orgId, input);
}

/** The console's audit page: the filter choices with readable actor names, and a page when the filters are valid. */
export async function readAuditPage(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { query: AuditEventListQuery | null },
) {
  const { orgId } = authorize(caller, "audit.read");
  const [page, choices] = await Promise.all([
    input.query ? listAuditEvents(db, orgId, input.query) : null,
    listAuditFilterChoices(db, orgId),
  ]);
  const actors = await describeActors(db, orgId, choices.actors);
  return { page, choices, actors };
}
