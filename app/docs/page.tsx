import Link from "next/link";
import { Prose } from "@/components/docs/prose";
import { currentFigures } from "@/lib/failures/current-figures";

export default async function DocsIndexPage() {
  const figures = await currentFigures();
  return (
    <Prose>
      <h1>NovaVMS Webhooks documentation</h1>
      <p>
        NovaVMS sends each event your organisation subscribes to as an HTTP <code>POST</code> of JSON to your endpoint,
        signed with HMAC-SHA256. A delivery succeeds when your endpoint answers with a <code>2xx</code> status within{" "}
        {figures.timeout}; otherwise it is retried {figures.retriesSentence} later, and then marked Failed.
      </p>
      <ul>
        <li>
          <Link href="/docs/webhook-signing">Webhook signing</Link>: the headers of every delivery and how to verify the
          signature in Node.js and Python, or with the <code>standardwebhooks</code> library.
        </li>
        <li>
          <Link href="/docs/api">API reference</Link>: every call of the producer API, its parameters, answers and
          errors, from the OpenAPI document at <code>/api/v1/openapi.json</code>.
        </li>
        <li>
          <Link href="/docs/error-codes">Error code reference</Link>: every error code of the API and every reason a
          delivery attempt can fail with.
        </li>
        <li>
          <Link href="/docs/troubleshooting">Webhook delivery failed</Link>: what to check when a delivery shows Failed,
          and how to verify the fix with Replay.
        </li>
      </ul>
      <h2>Two different credentials</h2>
      <ul>
        <li>
          The <strong>API token</strong> (Settings) authenticates producers that submit events to the API with{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </li>
        <li>
          A webhook&apos;s <strong>signing secret</strong> (<code>whsec_…</code>, in that webhook&apos;s Signing tab) is
          what your receiver uses to verify deliveries. Never use the API token for that.
        </li>
      </ul>
    </Prose>
  );
}
