/** A time already formatted on the server (UTC, to the second), with the exact instant as its title. */
export function LogTime({ text, iso }: { text: string; iso: string }) {
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {text}
    </time>
  );
}
