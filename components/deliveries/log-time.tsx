/**
 * A time already formatted on the server (UTC, to the second), with the exact instant as its
 * title. `stacked` puts the date above the time, for narrow table columns.
 */
export function LogTime({ text, iso, stacked = false }: { text: string; iso: string; stacked?: boolean }) {
  if (stacked) {
    const [date, ...time] = text.split(" ");
    return (
      <time dateTime={iso} title={iso} className="block whitespace-nowrap">
        <span className="block">{date}</span>
        <span className="block text-xs text-slate-500">{time.join(" ")}</span>
      </time>
    );
  }
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {text}
    </time>
  );
}
