import { Button } from "@/components/ui/button";
import type { OrgFigures } from "@/lib/operator/org-figures";

const COLUMNS = ["Organisation", "Webhooks", "Deliveries (24 h)", "Failure rate", "Disabled endpoints", ""];

/** The operator's list of organisations; "Open" shows an org's console read-only. */
export function OrgFiguresTable({
  orgs,
  openAction,
}: {
  orgs: OrgFigures[];
  openAction: (formData: FormData) => Promise<void>;
}) {
  return (
    <div className="-mx-4 overflow-x-auto border-y border-slate-200 bg-white sm:mx-0 sm:rounded-lg sm:border sm:shadow-sm">
      <table className="w-full text-left text-sm sm:min-w-[48rem]">
        <caption className="sr-only">Organisations</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orgs.map((org) => (
            <tr key={org.id}>
              <th scope="row" className="px-3 py-3 font-medium">
                {org.name}
                {org.externalId ? (
                  <p className="font-mono text-xs font-normal text-slate-500">{org.externalId}</p>
                ) : null}
              </th>
              <td className="px-3 py-3 tabular-nums">{org.webhooks}</td>
              <td className="px-3 py-3 tabular-nums">{org.deliveries24h}</td>
              <td className={`px-3 py-3 tabular-nums ${(org.failureRate ?? 0) > 0.1 ? "text-red-700" : ""}`}>
                {org.failureRate === null ? "–" : `${(org.failureRate * 100).toFixed(1)}%`}
              </td>
              <td className={`px-3 py-3 tabular-nums ${org.disabledWebhooks > 0 ? "text-amber-700" : ""}`}>
                {org.disabledWebhooks}
              </td>
              <td className="px-3 py-3 text-right">
                <form action={openAction}>
                  <input type="hidden" name="orgId" value={org.id} />
                  <input type="hidden" name="as" value="viewer" />
                  <Button type="submit" size="sm" variant="secondary" aria-label={`Open ${org.name}`}>
                    Open
                  </Button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
