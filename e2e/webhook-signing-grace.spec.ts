import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { adminOrgApiToken } from "./support/database";
import { producerApi } from "./support/producer-api";
import { startReceiver } from "./support/receiver";

// A rotation with a grace period, from the Signing tab: the old secret is listed as still valid,
// and a delivery sent meanwhile carries both signatures, so a receiver still on the old secret
// and one already on the new secret both verify it.

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

function novaVmsSignature(body: Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex")}`;
}

test("rotate with a 1 hour grace period: the test event verifies with the old and with the new secret", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver({ status: 200, body: '{"received":true}' });
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, [], "Grace rotation");
  try {
    await page.goto(`/webhooks/${webhook.id}/signing`);
    const value = page.getByLabel("Signing secret value");
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(value).toHaveText(SECRET);
    const oldSecret = await value.innerText();

    await page.getByLabel("Keep the previous secret valid for").selectOption({ label: "1 hour" });
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await expect(dialog).toContainText("keeps signing deliveries for 1 hour");
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Secret rotated" })).toBeVisible();
    await expect(value).toHaveText(SECRET);
    await expect(value).not.toHaveText(oldSecret);
    const newSecret = await value.innerText();
    const previous = page.getByRole("region", { name: "Previous secrets" });
    await expect(previous.getByRole("listitem")).toHaveCount(1);
    await expect(previous.getByRole("listitem")).toContainText("valid until");

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event sent: delivery" })).toBeVisible();
    await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBe(1);
    const [{ headers, raw: body }] = receiver.requests;

    // X-NovaVMS-Signature: both HMACs of the raw body, the new secret's first.
    expect(headers["x-novavms-signature"]).toBe(
      `${novaVmsSignature(body, newSecret)},${novaVmsSignature(body, oldSecret)}`,
    );
    // Standard Webhooks: two signatures; the off-the-shelf verifier accepts either secret alone.
    const standard = {
      "webhook-id": String(headers["webhook-id"]),
      "webhook-timestamp": String(headers["webhook-timestamp"]),
      "webhook-signature": String(headers["webhook-signature"]),
    };
    expect(standard["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(newSecret).verify(body, standard)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(body, standard)).not.toThrow();
    const stranger = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
    expect(() => new Webhook(stranger).verify(body, standard)).toThrow();
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
