import { expect, test } from "@playwright/test";
import { adminOrgId, createOrgWebhook, rotateSecret } from "./support/database";
import { attachScreenshot, saveReadmeScreenshot } from "./support/screenshots";

// The Signing tab as an admin sees it, on a laptop (the screenshot kept in docs/) and on a 375 px
// phone: nothing scrolls sideways, and it works from the keyboard with a visible focus ring.

test("the Signing tab on a laptop and on a phone: screenshot, no sideways scroll, keyboard Reveal", async ({
  page,
}, testInfo) => {
  const orgId = await adminOrgId();
  const webhookId = await createOrgWebhook(orgId, "https://cameras.example.com/novavms/webhooks", {
    description: "Lobby and car park cameras",
    eventTypes: ["camera.offline", "camera.online"],
  });
  await rotateSecret(orgId, webhookId, 86_400);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/webhooks/${webhookId}/signing`);
  const sections = page.getByRole("navigation", { name: "Webhook sections" });
  await expect(sections.getByRole("link", { name: "Signing" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Signing secret value")).toHaveText(/^whsec_•+.{4}$/);
  await expect(page.getByRole("region", { name: "Previous secrets" })).toContainText("valid until");
  await expect(page.getByRole("link", { name: "webhook signing" })).toHaveAttribute("href", "/docs/webhook-signing");
  await saveReadmeScreenshot(page, testInfo, "signing-tab.png", { fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  for (const name of ["Reveal", "Rotate secret", "Send test event"]) {
    await page.getByRole("button", { name }).scrollIntoViewIfNeeded();
    await expect(page.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByLabel("Keep the previous secret valid for")).toBeVisible();

  // Keyboard: focus lands on Reveal with a visible outline, and Enter reveals.
  const reveal = page.getByRole("button", { name: "Reveal" });
  await page.getByLabel("Signing secret value").evaluate((el) => el.scrollIntoView());
  await page.keyboard.press("Tab");
  for (let i = 0; i < 30 && !(await reveal.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(reveal).toBeFocused();
  expect(await reveal.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Signing secret value")).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await attachScreenshot(page, testInfo, "signing-tab-phone.png", { fullPage: true });
});
