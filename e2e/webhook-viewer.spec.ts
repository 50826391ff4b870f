import { expect, test } from "@playwright/test";
import { adminOrgId, createOrgWebhook, createUser, deliveryCount, storedSigning } from "./support/database";
import { captureSigningTabActions, replayAction, VIEWER_REFUSED } from "./support/forged-actions";
import { signInAs } from "./support/session";

// A viewer reads every webhook page with no controls to change anything, and the server refuses
// the admin's own server-action requests (rotate, reveal, send test event) replayed with the
// viewer's session: the secret stays, nothing is sent, and no secret leaks into the answer.

test("a viewer sees the Signing tab masked with no controls, and a forged rotate is refused", async ({
  page,
  browser,
}) => {
  const orgId = await adminOrgId();
  const webhookId = await createOrgWebhook(orgId, `https://viewer-${Date.now()}.example.com/hooks`);
  const viewer = await createUser("viewer", { orgId });
  const signingPath = `/webhooks/${webhookId}/signing`;

  // The admin's requests, captured to be replayed: Reveal, Rotate secret (24 h grace), Send test event.
  const { reveal, rotate, sendTest } = await captureSigningTabActions(page, webhookId);
  const before = await storedSigning(orgId, webhookId);
  expect(before.previous).toHaveLength(1);
  const deliveriesBefore = await deliveryCount(webhookId);

  const { context, page: viewerPage } = await signInAs(browser, viewer, { path: signingPath });
  try {
    // Masked, with the reason there is no Reveal; no control that changes anything.
    await expect(viewerPage.getByLabel("Signing secret value")).toHaveText(
      `whsec_${"•".repeat(12)}${before.secret.slice(-4)}`,
    );
    await expect(viewerPage.getByText("Only admins can reveal, copy or rotate the signing secret.")).toBeVisible();
    await expect(viewerPage.getByText("This signing secret is not your organisation's API token")).toBeVisible();
    await expect(viewerPage.getByRole("region", { name: "Previous secrets" })).toContainText("valid until");
    for (const name of ["Reveal", "Copy signing secret", "Rotate secret", "Send test event"]) {
      await expect(viewerPage.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(viewerPage.getByLabel("Keep the previous secret valid for")).toHaveCount(0);
    const html = await (await viewerPage.request.get(signingPath)).text();
    expect(html).not.toContain(before.secret);

    // Settings read-only; no New webhook in the list.
    await viewerPage
      .getByRole("navigation", { name: "Webhook sections" })
      .getByRole("link", { name: "Settings" })
      .click();
    await expect(viewerPage.getByText("You are a viewer: you can read this webhook's settings")).toBeVisible();
    for (const name of ["Save changes", "Disable webhook", "Delete webhook"]) {
      await expect(viewerPage.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(viewerPage.getByRole("textbox")).toHaveCount(0);
    await viewerPage.getByRole("link", { name: "← Webhooks" }).click();
    await expect(viewerPage.getByRole("link", { name: "New webhook" })).toHaveCount(0);
    await expect(viewerPage.getByText("You are a viewer: you can read webhooks")).toBeVisible();

    // The admin's requests replayed with the viewer's session: each refused, with no secret in the answer.
    for (const forged of [rotate, reveal, sendTest]) {
      const response = await replayAction(context.request, forged);
      expect(response.status()).toBe(200);
      const text = await response.text();
      expect(text).toContain(VIEWER_REFUSED);
      expect(text).not.toContain(before.secret);
      expect(text).not.toMatch(/whsec_[A-Za-z0-9+/]{43}=/);
    }
  } finally {
    await context.close();
  }

  // Nothing changed: the same current secret, the same previous one, no new delivery.
  const after = await storedSigning(orgId, webhookId);
  expect(after.secret).toBe(before.secret);
  expect(after.previous).toEqual(before.previous);
  expect(await deliveryCount(webhookId)).toBe(deliveriesBefore);
});
