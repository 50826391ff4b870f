"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import type { DeliveryLogEntry } from "@/lib/delivery-log/log-entries";
import { CopyButton } from "@/components/ui/copy-button";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { LogTime } from "./log-time";

const column = createColumnHelper<DeliveryLogEntry>();
const dash = <span className="text-slate-400">—</span>;

const COLUMNS = [
  column.accessor("status", { header: "Status", cell: (c) => <DeliveryStatusBadge status={c.getValue()} /> }),
  column.accessor("eventType", {
    header: (c) => (c.table.options.meta?.showWebhook ? "Event type · webhook" : "Event type"),
    // The row's link: keyboard users Tab to it; a click anywhere else on the row follows it too.
    cell: (c) => (
      <>
        <Link
          href={`/deliveries/${c.row.original.id}`}
          className="font-medium text-brand-700 hover:underline"
          title={`Open delivery ${c.row.original.id}`}
        >
          {c.getValue()}
        </Link>
        {c.table.options.meta?.showWebhook ? (
          <span
            className="block max-w-[14rem] truncate font-mono text-xs text-slate-500"
            title={c.row.original.webhookUrl}
          >
            {c.row.original.webhookUrl.replace(/^https?:\/\//, "")}
          </span>
        ) : null}
      </>
    ),
  }),
  column.accessor("httpStatus", { header: "HTTP", cell: (c) => c.getValue() ?? dash }),
  column.accessor("errorCode", {
    header: "Error",
    cell: (c) =>
      c.getValue() ? (
        <span className="block">
          <code className="text-xs text-red-800">{c.getValue()}</code>
          {c.row.original.reason ? <span className="block text-xs text-slate-500">{c.row.original.reason}</span> : null}
        </span>
      ) : (
        dash
      ),
  }),
  column.accessor("attempt", {
    header: "Attempt",
    cell: (c) => <span className="inline-block min-w-[6.5rem]">{c.getValue()}</span>,
  }),
  column.accessor("duration", {
    header: "Duration",
    cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span>,
  }),
  column.accessor("time", {
    header: "Time",
    cell: (c) => <LogTime text={c.getValue()} iso={c.row.original.timeIso} stacked />,
  }),
  column.accessor("requestId", {
    header: "request_id",
    cell: (c) => {
      const receiverId = c.row.original.receiverRequestId;
      if (!c.getValue()) return dash;
      return (
        <div className="space-y-1">
          <code className="block font-mono text-xs whitespace-nowrap">{c.getValue()}</code>
          {receiverId ? (
            <span className="flex items-center gap-1 text-xs text-slate-600">
              your request id: <code className="font-mono break-all">{receiverId}</code>
              <CopyButton text={receiverId} ariaLabel={`Copy your request id ${receiverId}`} />
            </span>
          ) : null}
        </div>
      );
    },
  }),
] as ColumnDef<DeliveryLogEntry>[];

export type DeliveryLogTableProps = {
  entries: DeliveryLogEntry[];
  /** The org-wide log names each delivery's webhook; a webhook's own log does not need to. */
  showWebhook: boolean;
};

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generic must match TanStack's declaration
  interface TableMeta<TData extends RowData> {
    /** The org-wide log names each delivery's webhook under its event type. */
    showWebhook?: boolean;
  }
}

/** The delivery log's rows (already filtered, sorted and paged on the server). */
export function DeliveryLogTable({ entries, showWebhook }: DeliveryLogTableProps) {
  const router = useRouter();
  // TanStack Table's instance is meant to be rebuilt on every render; nothing here is memoised on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: entries,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (entry) => entry.id,
    meta: { showWebhook },
  });

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // Links, buttons and text being selected keep their own behaviour.
    if ((event.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(`/deliveries/${id}`, "_blank", "noopener");
    else router.push(`/deliveries/${id}`);
  }

  return (
    // The table scrolls sideways inside its box on a phone; the page itself never does.
    <div
      className="max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      tabIndex={0}
      role="region"
      aria-label="Delivery log"
    >
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">Deliveries, latest activity first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-2.5 py-2 font-medium whitespace-nowrap">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              onClick={(event) => openRow(event, row.original.id)}
              className="cursor-pointer align-top hover:bg-slate-50"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-2.5 py-2.5">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
