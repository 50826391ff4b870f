import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CheckResult, CheckStep, StepStatus, Verdict } from "@/lib/endpoint-check/types";

// The result of Check endpoint as a checklist: the verdict first, then each step with its time,
// what it found, and for a failed or warning step the cause and the fix. Everything the endpoint
// sent back (its body, certificate names) is rendered as text.

const STEP_TITLES: Record<CheckStep["name"], string> = {
  dns: "DNS",
  tcp: "TCP connect",
  tls: "TLS",
  http: "HTTP (signed webhook.test event)",
};
const STATUS: Record<StepStatus, { label: string; tone: BadgeTone; mark: string }> = {
  ok: { label: "OK", tone: "green", mark: "✓" },
  warning: { label: "Warning", tone: "amber", mark: "!" },
  failed: { label: "Failed", tone: "red", mark: "✗" },
  skipped: { label: "Skipped", tone: "neutral", mark: "–" },
};
const VERDICT: Record<Verdict, { title: string; className: string }> = {
  ok: { title: "Your endpoint works", className: "border-green-200 bg-green-50 text-green-900" },
  warning: { title: "Your endpoint works, with a warning", className: "border-amber-200 bg-amber-50 text-amber-900" },
  failing: { title: "Deliveries to your endpoint fail", className: "border-red-200 bg-red-50 text-red-900" },
};

export function CheckReport({ result }: { result: CheckResult }) {
  const verdict = VERDICT[result.verdict];
  const first = result.steps.find((step) => step.status === "failed" || step.status === "warning");
  return (
    <section aria-label="Check endpoint result" className="space-y-3">
      <div role="status" className={`rounded-md border px-3 py-2 ${verdict.className}`}>
        <p className="font-semibold">
          Verdict: {verdict.title}
          {first ? ` (${STEP_TITLES[first.name]}: ${STATUS[first.status].label.toLowerCase()})` : ""}
        </p>
        <p className="text-xs">
          Checked <time dateTime={result.checked_at}>{formatTime(result.checked_at)}</time> ·{" "}
          <span className="font-mono break-all">{result.url}</span>
        </p>
      </div>
      <ol className="space-y-2" aria-label="Check steps">
        {result.steps.map((step) => (
          <li key={step.name} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <span aria-hidden className="w-4 text-center font-bold">
                {STATUS[step.status].mark}
              </span>
              <span className="font-medium">{STEP_TITLES[step.name]}</span>
              <Badge tone={STATUS[step.status].tone}>{STATUS[step.status].label}</Badge>
              {step.status === "skipped" ? null : (
                <span className="text-sm text-slate-600 tabular-nums">{step.duration_ms} ms</span>
              )}
            </div>
            <StepDetail step={step} deliveryId={result.delivery_id} />
            {step.cause ? (
              <div className="mt-2 space-y-1 text-sm">
                <p>
                  <strong>Cause</strong>
                  {step.reason ? (
                    <>
                      {" "}
                      (<code className="font-mono">{step.reason}</code>)
                    </>
                  ) : null}
                  : {step.cause}
                </p>
                {step.fix?.length ? (
                  <div>
                    <strong>Fix</strong>
                    <ul className="ml-5 list-disc">
                      {step.fix.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepDetail({ step, deliveryId }: { step: CheckStep; deliveryId?: string }) {
  const d = step.detail as Record<string, unknown>;
  const line = (text: React.ReactNode) => <p className="mt-1 ml-6 text-sm text-slate-700">{text}</p>;
  if (step.name === "dns" && Array.isArray(d.addresses)) {
    const addresses = d.addresses as Array<{ address: string; allowed: boolean; range?: string }>;
    return line(
      <>
        {String(d.hostname)} →{" "}
        {addresses.map((a, i) => (
          <span key={a.address}>
            {i > 0 ? ", " : ""}
            <code className="font-mono">{a.address}</code>
            {a.range ? ` (${a.range})` : ""} {a.allowed ? "allowed" : "refused"}
          </span>
        ))}
      </>,
    );
  }
  if (typeof d.note === "string") return line(d.note);
  if (step.name === "tcp" && d.address) return line(`Connected to ${String(d.address)} port ${String(d.port)}.`);
  if (step.name === "tls" && Array.isArray(d.chain)) {
    const leaf = (d.chain as Array<Record<string, unknown>>)[0];
    return (
      <div className="mt-1 ml-6 space-y-0.5 text-sm text-slate-700">
        <p>
          {String(d.protocol ?? "")} · SNI {d.sni ? <code className="font-mono">{String(d.sni)}</code> : "not sent"} ·
          host name {d.hostname_matches ? "matches" : "does not match"} · {d.trusted ? "trusted" : "not trusted"} by the
          system CA bundle
        </p>
        {leaf ? (
          <p>
            Certificate {String(leaf.subject)}, issued by {String(leaf.issuer)}, valid until{" "}
            {String(leaf.valid_to).slice(0, 10)} ({String(leaf.days_left)} days left)
          </p>
        ) : null}
      </div>
    );
  }
  if (step.name === "http" && d.total_ms !== undefined) {
    return (
      <div className="mt-1 ml-6 space-y-1 text-sm text-slate-700">
        <p>
          HTTP {d.status === null ? "no status" : String(d.status)} · first byte{" "}
          {d.first_byte_ms === null ? "–" : `${String(d.first_byte_ms)} ms`} · total {String(d.total_ms)} ms of the{" "}
          {Number(d.budget_ms) / 1000} s budget
          {deliveryId ? (
            <>
              {" · "}
              <Link href={`/deliveries/${deliveryId}`} className="text-brand-700 underline">
                see the attempt in the log
              </Link>
            </>
          ) : null}
        </p>
        {typeof d.body === "string" && d.body ? (
          <pre className="max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap">
            {d.body}
          </pre>
        ) : null}
      </div>
    );
  }
  return null;
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}
