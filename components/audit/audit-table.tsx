import { ConsoleTable } from "@/components/ui/console-table";
import { Time } from "@/components/ui/time";
import type { AuditEventView } from "@/lib/audit/queries";

/** The audit log's rows: when, who, what, on which resource, and the details recorded with it. */
export function AuditTable({ events, actors }: { events: AuditEventView[]; actors: Map<string, string> }) {
  return (
    <ConsoleTable
      caption="Audit log, newest first"
      columns={["Time", "Actor", "Action", "Target", "Details"]}
      minWidth="min-w-[40rem]"
    >
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
    </ConsoleTable>
  );
}
