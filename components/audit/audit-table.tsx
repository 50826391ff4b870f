import { Time } from "@/components/ui/time";
import type { AuditEventView } from "@/lib/audit/queries";

/** The audit log's rows: when, who, what, on which resource, and the details recorded with it. */
export function AuditTable({ events, actors }: { events: AuditEventView[]; actors: Map<string, string> }) {
  return (
    <div className="relative -mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium sm:px-2">
              Time
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Actor
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Target
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="px-4 py-2 whitespace-nowrap sm:px-2">
                <Time value={event.created_at} />
              </td>
              <td className="px-2 py-2">
                <span title={event.actor}>{actors.get(event.actor) ?? event.actor}</span>
              </td>
              <td className="px-2 py-2">
                <code className="text-[13px]">{event.action}</code>
              </td>
              <td className="px-2 py-2">
                {event.target_type} <code className="text-xs text-slate-500">{event.target_id}</code>
              </td>
              <td className="px-2 py-2 font-mono text-xs break-all text-slate-600">
                {Object.keys(event.details).length ? JSON.stringify(event.details) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
