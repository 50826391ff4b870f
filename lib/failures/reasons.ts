// The error code and reasons a failed delivery attempt records, with the advice of the
// troubleshooting article ("Webhook delivery failed") that the console shows beside each.
// `{timeout}` and `{stored_body}` stand for the figures the sender uses (see ./figures.ts).

export const DELIVERY_ERROR_CODE = "webhook_delivery_failed";

export const FAILURE_REASONS = {
  http_status: {
    title: "Your endpoint returned a non-2xx response",
    advice: [
      "Open the delivery log entry. The Response body field shows the first {stored_body} your endpoint returned.",
      "Reproduce locally against the X-NovaVMS-Signature header and body shown in the log.",
      "Fix the handler. Return 200 OK within {timeout}. Do the heavy work asynchronously in your own queue.",
      "If your signature verification rejected the payload on purpose, confirm you are using the shared secret from the webhook's Signing tab, not the org's API token, and that you compute HMAC-SHA256 over the raw request body, not a re-serialised JSON version.",
    ],
  },
  timeout: {
    title: "The request timed out",
    advice: [
      "NovaVMS waits {timeout} for a response, then closes the connection.",
      "Return 202 Accepted immediately.",
      "Enqueue the work to your own job queue.",
      "Process the payload out-of-band.",
    ],
  },
  tls_certificate_expired: {
    title: "TLS failed: the certificate has expired",
    advice: [
      "Check the cert has not expired.",
      "Confirm the cert chain is valid: curl -vI https://your-endpoint/path from a clean network.",
    ],
  },
  tls_self_signed: {
    title: "TLS failed: self-signed certificate",
    advice: [
      "NovaVMS uses the system CA bundle — self-signed certs are rejected.",
      "Use a certificate from a public CA, and confirm the chain: curl -vI https://your-endpoint/path from a clean network.",
    ],
  },
  tls_unknown_ca: {
    title: "TLS failed: the certificate's issuer is not trusted",
    advice: [
      "Confirm the cert chain is valid: curl -vI https://your-endpoint/path from a clean network. NovaVMS uses the system CA bundle.",
      "Serve the full chain (leaf and intermediates), not the leaf alone.",
    ],
  },
  tls_hostname_mismatch: {
    title: "TLS failed: the certificate does not match the host name",
    advice: [
      "Confirm SNI is correctly configured if you host multiple domains on one IP.",
      "The certificate must name the host of the webhook URL.",
    ],
  },
  tls_handshake: {
    title: "TLS handshake failed",
    advice: [
      "Confirm the cert chain is valid: curl -vI https://your-endpoint/path from a clean network.",
      "Check the server accepts TLS 1.2 or newer.",
    ],
  },
  connection_refused: {
    title: "Connection refused",
    advice: [
      "Nothing accepted the connection on that host and port: check the URL, the port and that your server is running.",
    ],
  },
  connection_reset: {
    title: "Connection reset",
    advice: ["Your server or a proxy closed the connection before answering: check its logs, limits and timeouts."],
  },
  dns: {
    title: "The host name did not resolve",
    advice: ["Check the host name in the webhook URL and its DNS records."],
  },
  destination_blocked: {
    title: "Destination blocked",
    advice: [
      "The URL resolves to a private, loopback, link-local or cloud-metadata address, which NovaVMS does not deliver to.",
      "Use a public address for your endpoint.",
    ],
  },
} as const;

export type FailureReason = keyof typeof FAILURE_REASONS;
