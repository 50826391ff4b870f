import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-semibold">NovaVMS Webhooks</h1>
      <p className="mt-4 text-slate-600">
        NovaVMS delivers your events (camera went offline, recording ready, …) to your HTTPS endpoints, signed with
        HMAC-SHA256 and retried for hours when your endpoint is down.
      </p>
      <p className="mt-6">
        <Link className="text-brand-600 underline" href="/api/health">
          Service health
        </Link>
      </p>
    </main>
  );
}
