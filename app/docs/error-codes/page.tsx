import { DocsTable } from "@/components/docs/docs-table";
import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/components/docs/prose";
import { currentFigures } from "@/lib/failures/current-figures";
import { withFigures } from "@/lib/failures/figures";
import { troubleshootingHref } from "@/lib/delivery-log/format";
import { DELIVERY_ERROR_CODE, FAILURE_REASONS, type FailureReason } from "@/lib/failures/reasons";
import { API_REQUEST_ID_PREFIX } from "@/lib/api/request-id";
import { API_ERROR_CODES } from "@/lib/errors";

export const metadata: Metadata = { title: "Error code reference" };

const anchored = "scroll-mt-4 target:bg-amber-50";

// Generated from the code catalogs, so every code the API or a delivery can report has an entry
// whose anchor is the code itself (/docs/error-codes#timeout).
export default async function ErrorCodesPage() {
  const figures = await currentFigures();
  const reasons = Object.entries(FAILURE_REASONS) as [FailureReason, (typeof FAILURE_REASONS)[FailureReason]][];
  return (
    <Prose>
      <h1>Error code reference</h1>
      <p>
        API errors are answered as <code>{'{"error": {"code", "message", "request_id"}}'}</code> with the HTTP status
        below. Failed delivery attempts record the error code <code>{DELIVERY_ERROR_CODE}</code> with a{" "}
        <code>reason</code> from the list further down, shown in the delivery log.
      </p>
      <p>
        An API error&apos;s <code>request_id</code> (also sent as <code>X-Request-Id</code>) starts with{" "}
        <code>{API_REQUEST_ID_PREFIX}_</code> and names that API call. A delivery attempt&apos;s <code>request_id</code>{" "}
        starts with <code>req_</code>: that is the one to search the delivery log for.
      </p>

      <h2 id="api">API error codes</h2>
      <DocsTable columns={["Code", "Status", "Meaning"]}>
        {Object.entries(API_ERROR_CODES).map(([code, { status, description }]) => (
          <tr key={code} id={code} className={anchored}>
            <td>
              <code>{code}</code>
            </td>
            <td>{status}</td>
            <td>{withCode(description)}</td>
          </tr>
        ))}
      </DocsTable>

      <h2 id={DELIVERY_ERROR_CODE} className={anchored}>
        <code>{DELIVERY_ERROR_CODE}</code>
      </h2>
      <p>
        A delivery attempt did not get a <code>2xx</code> response within {figures.timeout}. NovaVMS retries after{" "}
        {figures.retriesSentence}, then marks the delivery Failed. The <code>reason</code> says why:
      </p>
      {reasons.map(([reason, { title, advice }]) => (
        <section key={reason} id={reason} className={`mt-6 rounded-md ${anchored}`} aria-labelledby={`${reason}-title`}>
          <h3 id={`${reason}-title`}>
            <code>{reason}</code>: {title}
          </h3>
          <ul>
            {advice.map((line) => (
              <li key={line}>{withFigures(line, figures)}</li>
            ))}
          </ul>
          <TroubleshootingLink reason={reason} />
        </section>
      ))}
    </Prose>
  );
}

/** Descriptions mark code with backticks; render those parts as <code>. */
function withCode(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/** The troubleshooting article's section for a reason, where it has one (the console links there too). */
function TroubleshootingLink({ reason }: { reason: FailureReason }) {
  const href = troubleshootingHref(reason);
  if (!href) return null;
  return (
    <p>
      More in <Link href={href}>Webhook delivery failed</Link>.
    </p>
  );
}
