import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { AttemptDetail } from "@/lib/delivery-log/detail-view";
import { FailureAdvice } from "./failure-advice";
import { HeaderList } from "./header-list";
import { LogTime } from "./log-time";
import { ResponseBody } from "./response-body";

/** One attempt of the timeline: its request_id, why it failed, the response, and the request as sent. */
export function AttemptCard({ attempt, latest }: { attempt: AttemptDetail; latest: boolean }) {
  const id = `attempt-${attempt.number}`;
  return (
    <article aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-3 sm:px-5">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          Attempt {attempt.number}
        </h3>
        <Badge tone={attempt.ok ? "green" : "red"}>{attempt.ok ? "Succeeded" : "Failed"}</Badge>
        <Badge tone={attempt.trigger === "scheduled" ? "neutral" : "blue"}>{TRIGGER_LABELS[attempt.trigger]}</Badge>
        <span className="text-sm text-slate-600">
          <LogTime text={attempt.startedAt.text} iso={attempt.startedAt.iso} /> · {attempt.duration}
        </span>
      </header>

      <div className="space-y-5 px-4 py-4 sm:px-5">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <span id={`${id}-request-id-label`} className="text-sm font-medium text-slate-800">
              request_id
            </span>
            <code
              aria-labelledby={`${id}-request-id-label`}
              className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm break-all"
            >
              {attempt.requestId}
            </code>
            <CopyButton text={attempt.requestId} ariaLabel={`Copy request_id of attempt ${attempt.number}`} />
          </div>
          <p className="mt-1 text-xs text-slate-500">Quote this request_id to support.</p>
          {attempt.receiverRequestId ? (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <span id={`${id}-receiver-id-label`} className="text-sm font-medium text-slate-800">
                your request id
              </span>
              <code
                aria-labelledby={`${id}-receiver-id-label`}
                className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm break-all"
              >
                {attempt.receiverRequestId}
              </code>
              <CopyButton
                text={attempt.receiverRequestId}
                ariaLabel={`Copy your request id of attempt ${attempt.number}`}
              />
            </div>
          ) : null}
          {attempt.traceId ? (
            <p className="mt-1 text-xs text-slate-500">
              trace id (sent as <code>traceparent</code>):{" "}
              <code aria-label={`Trace id of attempt ${attempt.number}`} className="font-mono break-all">
                {attempt.traceId}
              </code>
            </p>
          ) : null}
        </div>

        {attempt.failure ? <FailureAdvice failure={attempt.failure} /> : null}

        <section aria-labelledby={`${id}-response-title`} className="space-y-3">
          <h4 id={`${id}-response-title`} className="text-sm font-semibold">
            Response
          </h4>
          {attempt.response ? (
            <>
              <p className="text-sm">
                HTTP status: <strong className="font-mono">{attempt.response.status ?? "none"}</strong>
              </p>
              <details className="rounded-md border border-slate-200 px-3 py-2">
                <summary className="cursor-pointer text-sm font-medium">
                  Response headers ({attempt.response.headers.length})
                </summary>
                <div className="mt-2">
                  <HeaderList
                    headers={attempt.response.headers}
                    label={`Response headers of attempt ${attempt.number}`}
                  />
                </div>
              </details>
              <ResponseBody preview={attempt.response.body} id={`${id}-response-body`} />
            </>
          ) : (
            <p className="text-sm text-slate-600">No response was received.</p>
          )}
        </section>

        <details open={latest} className="group rounded-md border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-semibold">Request as sent</summary>
          <div className="mt-3 space-y-3">
            <p className="font-mono text-xs break-all">
              <strong>POST</strong> {attempt.request.url}
            </p>
            <HeaderList headers={attempt.request.headers} label={`Request headers of attempt ${attempt.number}`} />
            <div className="space-y-1">
              <span id={`${id}-request-body-label`} className="text-sm font-medium text-slate-800">
                Request body
              </span>
              <span className="ml-2 text-xs text-slate-500">the event&apos;s raw bytes, exactly as signed</span>
              <pre
                tabIndex={0}
                aria-labelledby={`${id}-request-body-label`}
                className="max-h-72 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap"
              >
                {attempt.request.body}
              </pre>
            </div>
            <div>
              <p className="text-sm text-slate-700">
                Reproduce locally against the <code>X-NovaVMS-Signature</code> header and body shown in the log: point
                the URL at your receiver and run
              </p>
              <figure className="my-2 overflow-hidden rounded-md border border-slate-200 bg-slate-50">
                <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-100 px-3 py-1.5 text-xs font-medium text-slate-700">
                  <span>curl</span>
                  <CopyButton text={attempt.curl} ariaLabel="Copy curl command" />
                </figcaption>
                <pre
                  tabIndex={0}
                  aria-label="curl command"
                  className="overflow-x-auto p-3 font-mono text-xs leading-relaxed"
                >
                  <code>{attempt.curl}</code>
                </pre>
              </figure>
              <p className="text-xs text-slate-500">
                Standard Webhooks verifiers refuse an old <code>webhook-timestamp</code>; to retest those, use Replay.
              </p>
            </div>
          </div>
        </details>
      </div>
    </article>
  );
}

const TRIGGER_LABELS: Record<AttemptDetail["trigger"], string> = {
  scheduled: "Scheduled",
  manual: "Replay (manual)",
  check: "Check endpoint",
  secret_check: "Verify new secret",
  recovery: "Recovery",
};
