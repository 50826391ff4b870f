import { describe, expect, it } from "vitest";
import { validateWebhookUrl } from "./validate-url";

describe("validateWebhookUrl", () => {
  it.each([
    ["https://example.com/webhooks", "https://example.com/webhooks"],
    ["http://example.com", "http://example.com/"],
    ["  https://Example.COM:8443/a?b=c  ", "https://example.com:8443/a?b=c"],
    ["https://hooks.example.com/path with space", "https://hooks.example.com/path%20with%20space"],
    ["https://bücher.example/hook", "https://xn--bcher-kva.example/hook"],
    ["https://[2001:db8::1]/hook", "https://[2001:db8::1]/hook"],
    ["http://localhost:3000/api/sandbox", "http://localhost:3000/api/sandbox"],
  ])("accepts %s as %s", (input, normalized) => {
    expect(validateWebhookUrl(input)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    ["", "Enter the URL of your endpoint."],
    ["   ", "Enter the URL of your endpoint."],
    ["example.com/webhooks", "Enter a full URL that starts with https:// (for example https://example.com/webhooks)."],
    [
      "//example.com/webhooks",
      "Enter a full URL that starts with https:// (for example https://example.com/webhooks).",
    ],
    ["https://", "This is not a valid URL. Check for typos, for example https://example.com/webhooks."],
    ["https://exa mple.com/", "This is not a valid URL. Check for typos, for example https://example.com/webhooks."],
    [
      "http://example.com:99999/",
      "This is not a valid URL. Check for typos, for example https://example.com/webhooks.",
    ],
    ["ftp://example.com/hook", "Only https:// and http:// URLs can receive webhooks, not ftp: URLs."],
    ["javascript:alert(1)", "Only https:// and http:// URLs can receive webhooks, not javascript: URLs."],
    ["file:///etc/passwd", "Only https:// and http:// URLs can receive webhooks, not file: URLs."],
    [
      "https://user:secret@example.com/hook",
      "Remove the user name and password from the URL. Deliveries are signed; verify the signature instead.",
    ],
    [
      "https://user@example.com/hook",
      "Remove the user name and password from the URL. Deliveries are signed; verify the signature instead.",
    ],
    [`https://example.com/${"a".repeat(2100)}`, "The URL is too long: at most 2048 characters."],
    [`https://example.com/${" ".repeat(700)}x`, "The URL is too long: at most 2048 characters."],
  ])("refuses %j: %s", (input, message) => {
    expect(validateWebhookUrl(input)).toEqual({ ok: false, message });
  });

  it("accepts a URL of exactly 2048 characters", () => {
    const url = `https://example.com/${"a".repeat(2048 - "https://example.com/".length)}`;
    expect(url).toHaveLength(2048);
    expect(validateWebhookUrl(url)).toEqual({ ok: true, url });
  });
});
