import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { adminOrgApiToken, adminOrgId, createUser, rotateSecret, storedSigning } from "./support/database";
import { captureAction, replayAction, VIEWER_REFUSED } from "./support/forged-actions";
import { producerApi } from "./support/producer-api";
import { startReceiver } from "./support/receiver";
import { signInAs } from "./support/session";

// After a rotation: Verify new secret says the endpoint still rejects the new secret (it knows
// only the previous one), then, once it is updated, that it accepts it; End grace period now
// leaves only the new secret signing.

test("Verify new secret: rejected while the endpoint uses the previous secret, accepted after, then End grace period now", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  let known = "";
  const receiver = await startReceiver((body) => {
    const header = receiver.requests.at(-1)!.headers["x-novavms-signature"] as string;
    const expected = `sha256=${createHmac("sha256", known).update(body).digest("hex")}`;
    const ok = header.split(",").includes(expected);
    return { status: ok ? 200 : 401, body: ok ? '{"ok":true}' : '{"error":"bad signature"}' };
  });
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const orgId = await adminOrgId();
  const { id: webhookId } = await api.createWebhook(receiver.url, [], "Secret journey");
  try {
    known = (await storedSigning(orgId, webhookId)).secret;
    const rotated = await rotateSecret(orgId, webhookId, 3_600);
    await page.goto(`/webhooks/${webhookId}/signing`);
    const card = page.locator("#verify-new-secret");
    await expect(page.locator("#previous-secrets")).toContainText("valid until");

    const verifyAction = await captureAction(page, () =>
      card.getByRole("button", { name: "Verify new secret" }).click(),
    );
    await expect(card.getByRole("alert")).toContainText(
      "Still rejected (401): your endpoint still uses the previous secret.",
    );
    await expect(card.getByRole("button", { name: "End grace period now" })).toHaveCount(0);
    expect(receiver.requests.at(-1)!.headers["x-novavms-event"]).toBe("webhook.secret_check");

    known = rotated.secret;
    await card.getByRole("button", { name: "Verify new secret" }).click();
    await expect(card.getByRole("status").first()).toContainText(
      "Your endpoint accepted a delivery signed only with the new secret at",
    );
    const endAction = await captureAction(page, () =>
      card.getByRole("button", { name: "End grace period now" }).click(),
    );
    await expect(card).toContainText("Grace period ended: only the new secret signs deliveries from now on.");
    await page.reload();
    await expect(page.locator("#previous-secrets")).toContainText("None: only the current secret signs deliveries.");
    expect((await storedSigning(orgId, webhookId)).previous).toEqual([]);

    // A viewer replaying either action is refused: nothing is sent, no grace period ends.
    await rotateSecret(orgId, webhookId, 3_600);
    const sentBefore = receiver.requests.length;
    const viewer = await createUser("viewer", { orgId });
    const { context } = await signInAs(browser, viewer, { path: `/webhooks/${webhookId}/signing` });
    try {
      for (const forged of [verifyAction, endAction]) {
        expect(await (await replayAction(context.request, forged)).text()).toContain(VIEWER_REFUSED);
      }
    } finally {
      await context.close();
    }
    expect(receiver.requests).toHaveLength(sentBefore);
    expect((await storedSigning(orgId, webhookId)).previous).toHaveLength(1);
  } finally {
    await api.deleteWebhook(webhookId);
    await receiver.close();
  }
});
