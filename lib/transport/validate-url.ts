// Checks a webhook URL when it is saved, so a typo is reported to the admin who made it rather
// than as a failed delivery later. Where it points (a private address, say) is judged at delivery
// time, on the address the name resolves to then.

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function validateWebhookUrl(input: string): WebhookUrlCheck {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Enter the URL of your endpoint." };
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, message: `The URL is too long: at most ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return {
      ok: false,
      message: "Enter a full URL that starts with https:// (for example https://example.com/webhooks).",
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: "This is not a valid URL. Check for typos, for example https://example.com/webhooks.",
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: `Only https:// and http:// URLs can receive webhooks, not ${url.protocol} URLs.` };
  }
  if (url.hostname === "") return { ok: false, message: "The URL must include a host name." };
  if (url.username !== "" || url.password !== "") {
    return {
      ok: false,
      message: "Remove the user name and password from the URL. Deliveries are signed; verify the signature instead.",
    };
  }
  // The parser may lengthen the text (percent-encoding, an IDN's punycode).
  if (url.href.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, message: `The URL is too long: at most ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  }
  return { ok: true, url: url.href };
}
