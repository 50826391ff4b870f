import type { ReactNode } from "react";

export type ConsoleTableProps = {
  /** Read by screen readers only. */
  caption: string;
  /** Column headings, left to right; `null` leaves a column out (a control the viewer may not use). */
  columns: (string | null)[];
  /** A literal Tailwind class (`min-w-[36rem]`), so the table scrolls sideways rather than squeezing. */
  minWidth: string;
  /** The `<tr>` rows. */
  children: ReactNode;
};

/** The console's list table: a sideways-scrolling wrapper, a heading row, and rows divided by rules. */
export function ConsoleTable({ caption, columns, minWidth, children }: ConsoleTableProps) {
  const shown = columns.filter((column): column is string => column !== null);
  return (
    <div className="relative -mx-4 overflow-x-auto sm:mx-0">
      <table className={`w-full ${minWidth} text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            {shown.map((column, i) => (
              <th
                key={column}
                scope="col"
                className={i === 0 ? "px-4 py-2 font-medium sm:px-2" : "px-2 py-2 font-medium"}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
