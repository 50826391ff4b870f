import { expect, test } from "@playwright/test";
import { adminOrgId, createOrg, createOrgWebhook, deliveryCount, storedSigning } from "./support/database";
import { captureSigningTabActions, replayAction } from "./support/forged-actions";

// Everything is scoped to the admin's own org: another org's webhook id is "not found" on every
// tab (a 404, not an error page), and an admin who swaps it into a server action gets the same.

test("another org's webhook is a 404 on every tab, and an action forged with its id is refused", async ({ page }) => {
  const otherOrg = await createOrg("Other org");
  const foreignId = await createOrgWebhook(otherOrg, "https://other-org.example.com/hooks");
  const ownId = await createOrgWebhook(await adminOrgId(), "https://own-org.example.com/hooks");
  const foreignBefore = await storedSigning(otherOrg, foreignId);

  for (const tab of ["", "/signing", "/settings"]) {
    const response = await page.goto(`/webhooks/${foreignId}${tab}`);
    expect(response?.status(), `/webhooks/<other org's id>${tab}`).toBe(404);
    await expect(page.getByText("Webhook not found")).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("other-org.example.com");
  }

  // The admin's own requests, with the other org's id swapped in for their own webhook's.
  const { reveal, rotate, sendTest } = await captureSigningTabActions(page, ownId, {
    gracePeriod: "None: the old secret stops working now",
  });

  for (const forged of [reveal, rotate, sendTest]) {
    const body = forged.postData() ?? "";
    expect(body, "the webhook id travels in the action's arguments").toContain(ownId);
    const response = await replayAction(page.request, forged, body.replaceAll(ownId, foreignId));
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain("Webhook not found.");
    expect(text).not.toContain(foreignBefore.secret);
  }

  const foreignAfter = await storedSigning(otherOrg, foreignId);
  expect(foreignAfter).toEqual(foreignBefore);
  expect(await deliveryCount(foreignId)).toBe(0);
});
