import type { RecoveryView } from "@/lib/recovery/queries";

const STATUS = { running: "Running", completed: "Completed", cancelled: "Cancelled" } as const;

/** A webhook's bulk recoveries, newest first, with their outcome. */
export function RecoveriesTable({ recoveries }: { recoveries: RecoveryView[] }) {
  if (recoveries.length === 0) {
    return <p className="text-sm text-slate-600">No recoveries yet. Start one from the Deliveries tab.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Recoveries of this webhook</caption>
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-4">
              Started (UTC)
            </th>
            <th scope="col" className="py-1 pr-4">
              Status
            </th>
            <th scope="col" className="py-1 pr-4">
              Done
            </th>
            <th scope="col" className="py-1 pr-4">
              Succeeded
            </th>
            <th scope="col" className="py-1 pr-4">
              Failed
            </th>
            <th scope="col" className="py-1 pr-4">
              Finished (UTC)
            </th>
          </tr>
        </thead>
        <tbody>
          {recoveries.map((recovery) => (
            <tr key={recovery.id} className="border-t border-slate-100">
              <td className="py-1 pr-4 tabular-nums">{time(recovery.created_at)}</td>
              <td className="py-1 pr-4">{STATUS[recovery.status]}</td>
              <td className="py-1 pr-4 tabular-nums">
                {recovery.done} / {recovery.total}
              </td>
              <td className="py-1 pr-4 tabular-nums">{recovery.succeeded}</td>
              <td className="py-1 pr-4 tabular-nums">{recovery.failed}</td>
              <td className="py-1 pr-4 tabular-nums">{recovery.finished_at ? time(recovery.finished_at) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function time(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}
