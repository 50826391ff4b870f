/** The delivery log's placeholder while its query runs. */
export function LogSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading deliveries…</span>
      <div aria-hidden="true" className="h-16 animate-pulse rounded-lg bg-slate-200/70" />
      <div aria-hidden="true" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
