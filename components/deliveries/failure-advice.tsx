import Link from "next/link";
import type { AttemptDetail } from "@/lib/delivery-log/detail-view";

/** Why an attempt failed, in the troubleshooting article's words, with its Fix advice and links. */
export function FailureAdvice({ failure }: { failure: NonNullable<AttemptDetail["failure"]> }) {
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <code className="rounded bg-white/70 px-1 font-mono text-xs">{failure.code}</code>
        {failure.reason ? <code className="rounded bg-white/70 px-1 font-mono text-xs">{failure.reason}</code> : null}
        <strong className="font-semibold">{failure.title}</strong>
      </p>
      {failure.message ? <p className="mt-1 break-words">{failure.message}</p> : null}
      {failure.advice.length ? (
        <>
          <p className="mt-3 font-medium">Fix</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {failure.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        {failure.troubleshootingHref ? (
          <Link href={failure.troubleshootingHref} className="font-medium underline">
            Troubleshooting: Webhook delivery failed
          </Link>
        ) : null}
        <Link href={failure.errorCodeHref} className="font-medium underline">
          Error code reference: {failure.reason ?? failure.code}
        </Link>
      </p>
    </div>
  );
}
