// The verification code the webhook signing page shows. Kept here, as plain strings, so that
// signing-snippets.test.ts can run each one against real signatures: the docs cannot drift from
// what the dispatcher sends.

/** Node.js: verify `X-NovaVMS-Signature` with node:crypto. */
export const NODE_VERIFY = `import crypto from "node:crypto";

// secret: the whsec_… string exactly as shown in the webhook's Signing tab.
// rawBody: the request body as received (a Buffer), before any JSON parsing.
export function verifyNovaVmsSignature(secret, rawBody, signatureHeader) {
  const expected = Buffer.from(
    "sha256=" + crypto.createHmac("sha256", secret).update(rawBody).digest("hex"),
  );
  // During a secret rotation the header holds one value per valid secret, newest first.
  return (signatureHeader ?? "").split(",").some((value) => {
    const candidate = Buffer.from(value.trim());
    return candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected);
  });
}
`;

/** Node.js: the function above in an Express route that keeps the raw body. */
export const NODE_EXPRESS = `import express from "express";

const app = express();

// express.raw keeps the exact bytes; express.json() would re-serialise and break the signature.
app.post("/webhooks/novavms", express.raw({ type: "application/json" }), (req, res) => {
  const ok = verifyNovaVmsSignature(
    process.env.NOVAVMS_WEBHOOK_SECRET,
    req.body,
    req.get("X-NovaVMS-Signature"),
  );
  if (!ok) return res.status(400).send("invalid signature");

  const event = JSON.parse(req.body.toString("utf8"));
  // Answer within {timeout}; do slow work in your own queue.
  res.status(200).end();
  enqueue(event);
});
`;

/** Python: verify `X-NovaVMS-Signature` with hmac.compare_digest. */
export const PYTHON_VERIFY = `import hashlib
import hmac


def verify_novavms_signature(secret: str, raw_body: bytes, signature_header: str | None) -> bool:
    """secret: the whsec_… string exactly as shown in the webhook's Signing tab.
    raw_body: the request body as received, before any JSON parsing."""
    expected = b"sha256=" + hmac.new(secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest().encode()
    # During a secret rotation the header holds one value per valid secret, newest first.
    return any(
        hmac.compare_digest(value.strip().encode(), expected)
        for value in (signature_header or "").split(",")
    )
`;

/** Python: the function above in a Flask view that reads the raw body. */
export const PYTHON_FLASK = `import json
import os

from flask import Flask, abort, request

app = Flask(__name__)


@app.post("/webhooks/novavms")
def novavms_webhook():
    raw_body = request.get_data()  # the exact bytes; request.json would re-parse them
    if not verify_novavms_signature(
        os.environ["NOVAVMS_WEBHOOK_SECRET"], raw_body, request.headers.get("X-NovaVMS-Signature")
    ):
        abort(400)
    event = json.loads(raw_body)
    enqueue(event)  # answer within {timeout}; do slow work in your own queue
    return "", 200
`;

/** Node.js with the `standardwebhooks` package: verifies `webhook-signature` and the timestamp. */
export const STANDARD_WEBHOOKS_VERIFY = `import { Webhook } from "standardwebhooks";

// The whsec_… string exactly as shown in the webhook's Signing tab.
const webhook = new Webhook(process.env.NOVAVMS_WEBHOOK_SECRET);

// rawBody: the request body as received (a Buffer or string); headers: the request's headers.
// Returns the parsed event. Throws when no signature matches, or when webhook-timestamp is more
// than 5 minutes away from now (a replayed request).
export function verifyStandardWebhook(rawBody, headers) {
  return webhook.verify(rawBody, {
    "webhook-id": headers["webhook-id"],
    "webhook-timestamp": headers["webhook-timestamp"],
    "webhook-signature": headers["webhook-signature"],
  });
}
`;
