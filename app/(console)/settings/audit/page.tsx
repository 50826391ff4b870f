import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { safeParseQuery } from "@/lib/audit/console-params";
import { readAuditPage } from "@/lib/audit/read-audit-log";
import { requireCaller } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requireCaller();
  if (!isAllowed(caller, "audit.read")) {
    return (
      <div className="space-y-6">
        <PageHeader title="Audit log" />
        <Alert tone="info">Only admins can read the audit log.</Alert>
      </div>
    );
  }
  const query = safeParseQuery(await searchParams, PAGE_SIZE);
  const { page, choices, actors } = await readAuditPage(getAppContext(), caller, {
    query: query.ok ? query.value : null,
  });
  const filters = query.ok ? query.value : { actor: undefined, action: undefined };
  const keep = new URLSearchParams(
    Object.entries({ actor: filters.actor, action: filters.action }).filter(([, v]) => v) as [string, string][],
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Who did what and when in your organisation: sign-ins, secret reveals and rotations, Replays, token, webhook and member changes. Newest first."
        actions={
          <Link href="/settings" className="text-sm underline">
            ← Settings
          </Link>
        }
      />
      <AuditFilters
        actors={choices.actors.map((a) => ({ value: a, label: actors.get(a) ?? a }))}
        actions={choices.actions}
        actor={filters.actor}
        action={filters.action}
      />
      {!query.ok ? (
        <Alert tone="error" title="This link's filters are not valid">
          {query.message}
        </Alert>
      ) : page && page.data.length > 0 ? (
        <>
          <AuditTable events={page.data} actors={actors} />
          <nav aria-label="Pages" className="flex gap-3">
            {query.value.cursor ? (
              <Link href={`/settings/audit?${keep}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                ← Newest
              </Link>
            ) : null}
            {page.next_cursor ? (
              <Link
                href={`/settings/audit?${new URLSearchParams([...keep, ["cursor", page.next_cursor]])}`}
                className={buttonClasses({ variant: "secondary", size: "sm" })}
              >
                Older →
              </Link>
            ) : null}
          </nav>
        </>
      ) : (
        <EmptyState title="Nothing recorded yet">No action matches these filters.</EmptyState>
      )}
    </div>
  );
}
