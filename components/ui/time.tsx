const FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A timestamp in UTC (server and browser agree, and support reads the same time as the admin). */
export function Time({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="text-slate-500">never</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {FORMAT.format(date)} UTC
    </time>
  );
}
