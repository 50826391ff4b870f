import { DocsTable } from "@/components/docs/docs-table";
import type { Metadata } from "next";
import Link from "next/link";
import { CodeBlock } from "@/components/docs/code-block";
import { Prose } from "@/components/docs/prose";
import { currentFigures } from "@/lib/failures/current-figures";
import { withFigures } from "@/lib/failures/figures";
import {
  NODE_EXPRESS,
  NODE_VERIFY,
  PYTHON_FLASK,
  PYTHON_VERIFY,
  STANDARD_WEBHOOKS_VERIFY,
} from "@/lib/docs/signing-snippets";

export const metadata: Metadata = { title: "Webhook signing" };

const HEADERS: [string, React.ReactNode][] = [
  ["Content-Type", <code key="ct">application/json</code>],
  [
    "User-Agent",
    <>
      <code>NovaVMS-Webhooks/&lt;version&gt;</code>
    </>,
  ],
  [
    "X-NovaVMS-Event",
    <>
      The event type, e.g. <code>camera.offline</code>.
    </>,
  ],
  [
    "X-NovaVMS-Delivery",
    <>
      The delivery id: the same on every retry and replay of this event to this endpoint. Use it to ignore duplicates.
    </>,
  ],
  [
    "X-NovaVMS-Request-Id",
    <>
      This attempt&apos;s <code>request_id</code>, different on every attempt. Log it, and quote it to support.
    </>,
  ],
  [
    "X-NovaVMS-Signature",
    <>
      <code>sha256=&lt;hex&gt;</code>: see below.
    </>,
  ],
  ["webhook-id", <>Standard Webhooks message id (the delivery id).</>],
  ["webhook-timestamp", <>Standard Webhooks: when this attempt was signed, in Unix seconds.</>],
  [
    "webhook-signature",
    <>
      <code>v1,&lt;base64&gt;</code>: see below.
    </>,
  ],
];

export default async function WebhookSigningPage() {
  const figures = await currentFigures();
  return (
    <Prose>
      <h1>Webhook signing</h1>
      <p>
        Every delivery attempt is an HTTP <code>POST</code> of the event&apos;s raw JSON bytes to your endpoint. The
        bytes are the same on every retry and replay. Each request carries two independent signatures of those bytes;
        verify either one before you trust the request.
      </p>

      <h2 id="headers">Request headers</h2>
      <DocsTable columns={["Header", "Value"]}>
        {HEADERS.map(([name, value]) => (
          <tr key={name}>
            <td>
              <code>{name}</code>
            </td>
            <td>{value}</td>
          </tr>
        ))}
      </DocsTable>

      <h2 id="secret">The signing secret</h2>
      <p>
        Each webhook has its own secret, <code>whsec_</code> followed by base64, shown in the webhook&apos;s{" "}
        <strong>Signing</strong> tab in the console. It is not the organisation&apos;s API token: the API token is for
        producers calling the API, and never signs deliveries.
      </p>

      <h2 id="x-novavms-signature">X-NovaVMS-Signature</h2>
      <p>
        <code>X-NovaVMS-Signature: sha256=&lt;hex&gt;</code>, where <code>&lt;hex&gt;</code> is the lowercase hex
        HMAC-SHA256 of the raw request body, keyed with the UTF-8 bytes of the secret string exactly as shown in the
        Signing tab, <code>whsec_</code> prefix included.
      </p>
      <ul>
        <li>
          Compute it over the raw body as received. Parsing the JSON and serialising it again changes the bytes and the
          signature.
        </li>
        <li>
          Compare in constant time (<code>crypto.timingSafeEqual</code>, <code>hmac.compare_digest</code>).
        </li>
        <li>
          During a secret rotation the header holds one value per valid secret, newest first, separated by commas:{" "}
          <code>sha256=&lt;new&gt;,sha256=&lt;old&gt;</code>. Accept the request when any value matches your secret.
        </li>
      </ul>

      <h3 id="node">Node.js</h3>
      <CodeBlock title="Node.js" code={NODE_VERIFY} />
      <CodeBlock title="Node.js with Express" code={withFigures(NODE_EXPRESS, figures)} />

      <h3 id="python">Python</h3>
      <p>Python 3.10 or newer.</p>
      <CodeBlock title="Python" code={PYTHON_VERIFY} />
      <CodeBlock title="Python with Flask" code={withFigures(PYTHON_FLASK, figures)} />

      <h2 id="standard-webhooks">Standard Webhooks</h2>
      <p>
        The <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers follow
        the Standard Webhooks specification, so off-the-shelf verifiers work, and they let you reject replayed requests
        by their timestamp.
      </p>
      <ul>
        <li>
          <code>webhook-signature: v1,&lt;base64&gt;</code>, where <code>&lt;base64&gt;</code> is the base64 HMAC-SHA256
          of <code>{"{webhook-id}.{webhook-timestamp}.{body}"}</code>, keyed with the base64-decoded part of the secret
          after <code>whsec_</code>.
        </li>
        <li>
          During a rotation there is one <code>v1,…</code> value per valid secret, newest first, separated by spaces.
        </li>
      </ul>
      <p>
        With the <code>standardwebhooks</code> npm package (<code>npm install standardwebhooks</code>), give it the{" "}
        <code>whsec_…</code> string as it is:
      </p>
      <CodeBlock title="Node.js with standardwebhooks" code={STANDARD_WEBHOOKS_VERIFY} />

      <h2 id="delivery">Timeouts, retries and TLS</h2>
      <ul>
        <li>
          <strong>Success</strong> is a <code>2xx</code> status within <strong>{figures.timeout}</strong> for the whole
          exchange (connect, TLS, headers, body). At the timeout the connection is closed. Redirects are not followed: a{" "}
          <code>3xx</code> is a failure.
        </li>
        <li>
          <strong>Retries</strong>: after a failed attempt the next comes <strong>{figures.retriesSentence}</strong>{" "}
          later ({figures.attempts} attempts in all); then the delivery is Failed. An admin can send it again at any
          time with Replay.
        </li>
        <li>
          <strong>TLS</strong>: certificates are checked against the operating system&apos;s CA bundle (the system CA
          bundle). Self-signed, expired, unknown-CA and wrong-hostname certificates fail.
        </li>
        <li>
          Answer quickly: acknowledge with <code>200</code> or <code>202</code> and process the event in your own queue.
          A delivery can arrive more than once; deduplicate on <code>X-NovaVMS-Delivery</code>.
        </li>
      </ul>
      <p>
        When deliveries fail, see <Link href="/docs/troubleshooting">Webhook delivery failed</Link> and the{" "}
        <Link href="/docs/error-codes">error code reference</Link>.
      </p>
    </Prose>
  );
}
