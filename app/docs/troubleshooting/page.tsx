import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/components/docs/prose";
import { currentFigures } from "@/lib/failures/current-figures";

export const metadata: Metadata = { title: "Webhook delivery failed" };

// The support article, word for word. The Fix sub-sections keep stable anchors (#non-2xx,
// #timeout, #tls, #signature) because the console's delivery detail links to them.
export default async function TroubleshootingPage() {
  const figures = await currentFigures();
  return (
    <Prose>
      <h1>Webhook delivery failed</h1>

      <h2 id="symptom">Symptom</h2>
      <p>
        In the admin UI’s webhook delivery log, a delivery shows <strong>Failed</strong> with the error{" "}
        <code>webhook_delivery_failed</code>. NovaVMS retries failed deliveries with exponential backoff (
        {figures.retries}) and then gives up.
      </p>

      <h2 id="likely-causes">Likely causes</h2>
      <ul>
        <li>Your endpoint returned a non-2xx response.</li>
        <li>
          Your endpoint took longer than {figures.timeout} to respond. NovaVMS closes the connection at the timeout.
        </li>
        <li>The TLS handshake failed — expired cert, unknown CA, or SNI mismatch.</li>
        <li>Your receiver’s signature-verification logic rejected the payload, so you returned a 4xx on purpose.</li>
      </ul>

      <h2 id="fix">Fix</h2>

      <h3 id="non-2xx">If your endpoint returned non-2xx</h3>
      <ul>
        <li>
          Open the delivery log entry in the admin UI. The <strong>Response body</strong> field shows the first{" "}
          {figures.storedBody}
          your endpoint returned.
        </li>
        <li>
          Reproduce locally against the <code>X-NovaVMS-Signature</code> header and body shown in the log.
        </li>
        <li>
          Fix the handler. Return <code>200 OK</code> within {figures.timeout}. Do the heavy work asynchronously in your
          own queue.
        </li>
      </ul>

      <h3 id="timeout">If the request timed out</h3>
      <p>NovaVMS waits {figures.timeout} for a response. If your handler is synchronous and slow:</p>
      <ul>
        <li>
          Return <code>202 Accepted</code> immediately.
        </li>
        <li>Enqueue the work to your own job queue.</li>
        <li>Process the payload out-of-band.</li>
      </ul>

      <h3 id="tls">If TLS failed</h3>
      <ul>
        <li>
          Confirm the cert chain is valid: <code>curl -vI https://your-endpoint/path</code> from a clean network.
          NovaVMS uses the system CA bundle — self-signed certs are rejected.
        </li>
        <li>Check the cert has not expired.</li>
        <li>Confirm SNI is correctly configured if you host multiple domains on one IP.</li>
      </ul>

      <h3 id="signature">If signature verification failed on your side</h3>
      <ul>
        <li>
          Confirm you are using the shared secret from the webhook’s <strong>Signing</strong> tab in the admin UI, not
          the org’s API token.
        </li>
        <li>
          Confirm you are computing HMAC-SHA256 over the raw request body, not a re-serialised JSON version. See{" "}
          <Link href="/docs/webhook-signing">webhook signing</Link>.
        </li>
        <li>Rotate the secret if you suspect it was leaked.</li>
      </ul>

      <h2 id="verify">Verify</h2>
      <ul>
        <li>
          In the admin UI, open the failed delivery and click <strong>Replay</strong>.
        </li>
        <li>
          The replay shows <strong>Succeeded</strong> with a <code>200</code> response.
        </li>
        <li>The next live event also delivers successfully — check the top of the log.</li>
      </ul>

      <h2 id="none-worked">If none of this worked</h2>
      <ul>
        <li>
          Collect the <code>request_id</code> from the delivery log entry and include it in a support ticket.
        </li>
        <li>
          See also: <Link href="/docs/error-codes">API error code reference</Link>.
        </li>
      </ul>
    </Prose>
  );
}
