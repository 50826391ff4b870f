/** HTTP headers as sent or received, one per line, values as plain text (long ones wrap). */
export function HeaderList({ headers, label }: { headers: [string, string][]; label: string }) {
  if (headers.length === 0) return <p className="text-sm text-slate-500">No headers.</p>;
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-1 gap-x-4 gap-y-1 font-mono text-xs sm:grid-cols-[minmax(8rem,max-content)_1fr]"
    >
      {headers.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-semibold text-slate-700">{name}</dt>
          <dd className="mb-1 break-all text-slate-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
