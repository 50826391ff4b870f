import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";

// What an endpoint answered, as the delivery detail shows it: a body over 1 KB is cut at 1024
// bytes and says so, without the half of a character the cut split; a binary body is a hex dump.

const LONG_TEXT = `${"x".repeat(1023)}€ and more that is never stored`;
const PNG_START = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x7f,
]);

test("a truncated text body and a binary body in the delivery detail", async ({ page, request }) => {
  const receiver = await startReceiver((body) =>
    body.includes('"binary"')
      ? { status: 502, body: PNG_START, contentType: "image/png" }
      : { status: 500, body: LONG_TEXT, contentType: "text/plain; charset=utf-8" },
  );
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, ["recording.failed"]);
  try {
    const long = await api.sendEvent("recording.failed", { answer: "long" });
    const binary = await api.sendEvent("recording.failed", { answer: "binary" });
    for (const { deliveries } of [long, binary])
      await waitForDelivery(api, deliveries[0].id, (d) => d.attempt_count >= 1);

    await page.goto(`/deliveries/${long.deliveries[0].id}`);
    const longAttempt = page.getByRole("article").first();
    // 1023 "x": the 1024th byte began the 3-byte "€", so the cut character is left out.
    await expect(longAttempt.getByLabel("Response body")).toHaveText("x".repeat(1023));
    await expect(longAttempt.getByText("cut at 1 KB")).toBeVisible();
    await expect(longAttempt.getByText("as text")).toBeVisible();
    await expect(longAttempt).toContainText(
      "The endpoint sent more than 1 KB; NovaVMS keeps only the first 1024 bytes.",
    );

    await page.goto(`/deliveries/${binary.deliveries[0].id}`);
    const binaryAttempt = page.getByRole("article").first();
    await expect(binaryAttempt.getByText("binary, shown as a hex dump")).toBeVisible();
    await expect(binaryAttempt.getByText("cut at 1 KB")).toHaveCount(0);
    await expect(binaryAttempt.getByLabel("Response body")).toHaveText(
      [
        "0000  89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52  .PNG........IHDR",
        `0010  00 7f${" ".repeat(42)}  ..`,
      ].join("\n"),
    );
    // The API gives the same bytes: no text for binary, the exact bytes in base64.
    const attempt = (await api.getDelivery(binary.deliveries[0].id)) as unknown as {
      attempts: { response_body: string | null; response_body_base64: string }[];
    };
    expect(attempt.attempts[0].response_body).toBeNull();
    expect(Buffer.from(attempt.attempts[0].response_body_base64, "base64")).toEqual(PNG_START);
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
