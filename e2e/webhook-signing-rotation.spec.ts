import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "./support/receiver";

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

function novaVmsSignature(body: Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex")}`;
}

test("rotate the secret, send a test event, and a real receiver verifies it with the new secret", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const receiver = await startReceiver({ status: 200, body: '{"received":true}' }, "/hooks/novavms");
  try {
    await page.goto("/webhooks/new");
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Endpoint URL").fill(receiver.url);
    await form.getByRole("button", { name: "Create webhook" }).click();
    await expect(page).toHaveURL(/\/webhooks\/wh_[0-9a-z]+$/);
    const signingPath = `${new URL(page.url()).pathname}/signing`;

    // Masked until revealed; Reveal shows the secret the receiver will need, Copy copies it.
    await page.getByRole("navigation", { name: "Webhook sections" }).getByRole("link", { name: "Signing" }).click();
    await expect(page).toHaveURL((url) => url.pathname === signingPath);
    const value = page.getByLabel("Signing secret value");
    await expect(value).toHaveText(/^whsec_•+[A-Za-z0-9+/=]{4}$/);
    const masked = await value.innerText();
    await expect(page.getByText("This signing secret is not your organisation's API token")).toBeVisible();
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(value).toHaveText(SECRET);
    const oldSecret = await value.innerText();
    expect(masked.slice(-4)).toBe(oldSecret.slice(-4));
    await page.getByRole("button", { name: "Copy signing secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(oldSecret);

    // Rotate with no grace period: the old secret is retired at once.
    await page
      .getByLabel("Keep the previous secret valid for")
      .selectOption({ label: "None: the old secret stops working now" });
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await expect(dialog).toContainText("the current one stops working now");
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Secret rotated" })).toContainText(
      "no longer verifies deliveries",
    );
    await expect(value).not.toHaveText(oldSecret);
    await expect(value).toHaveText(SECRET);
    const newSecret = await value.innerText();
    await expect(page.getByRole("region", { name: "Previous secrets" })).toContainText(
      "None: only the current secret signs deliveries.",
    );

    // The page itself never carries the plain secret: only the Reveal/Rotate answers do.
    const html = await (await page.request.get(signingPath)).text();
    expect(html).not.toContain(newSecret);
    expect(html).not.toContain(oldSecret);
    expect(html).toContain(newSecret.slice(-4));

    await page.getByRole("button", { name: "Send test event" }).click();
    const sent = page.getByRole("status").filter({ hasText: "Test event sent: delivery" });
    await expect(sent).toHaveText(/^Test event sent: delivery dlv_[0-9a-z]+$/);
    const deliveryLink = sent.getByRole("link");
    const deliveryId = (await deliveryLink.innerText()).trim();
    await expect(deliveryLink).toHaveAttribute("href", `/deliveries/${deliveryId}`);

    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(1);
    const [{ headers, raw: body }] = receiver.requests;
    expect(headers["x-novavms-delivery"]).toBe(deliveryId);
    expect(headers["x-novavms-event"]).toBe("webhook.test");
    expect(JSON.parse(body.toString("utf8"))).toMatchObject({ type: "webhook.test" });

    // X-NovaVMS-Signature: HMAC-SHA256 of the raw body with the new secret, and only with it.
    expect(headers["x-novavms-signature"]).toBe(novaVmsSignature(body, newSecret));
    expect(headers["x-novavms-signature"]).not.toContain(novaVmsSignature(body, oldSecret).slice("sha256=".length));

    // Standard Webhooks headers, checked by the off-the-shelf verifier.
    const standard = {
      "webhook-id": String(headers["webhook-id"]),
      "webhook-timestamp": String(headers["webhook-timestamp"]),
      "webhook-signature": String(headers["webhook-signature"]),
    };
    expect(() => new Webhook(newSecret).verify(body, standard)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(body, standard)).toThrow();
  } finally {
    await receiver.close();
  }
});
