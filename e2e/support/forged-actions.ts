import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";

// Server actions are plain POSTs: a journey captures the admin's own request and sends it again
// with another session (a viewer's) or other arguments (another org's id), and checks the server
// refuses it whatever the page showed.

/** What the server answers a viewer's forged action with. */
export const VIEWER_REFUSED = "Only admins can do this. Your role is viewer.";

/** The server action POST that `act` makes. */
export async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    act(),
  ]);
  return request;
}

/**
 * The admin's three requests on a webhook's Signing tab: Reveal, Rotate secret (keeping the
 * previous secret for the period labelled `gracePeriod`, the form's default when none) and Send
 * test event.
 */
export async function captureSigningTabActions(page: Page, webhookId: string, options: { gracePeriod?: string } = {}) {
  await page.goto(`/webhooks/${webhookId}/signing`);
  const reveal = await captureAction(page, () => page.getByRole("button", { name: "Reveal" }).click());
  await expect(page.getByLabel("Signing secret value")).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  if (options.gracePeriod) {
    await page.getByLabel("Keep the previous secret valid for").selectOption({ label: options.gracePeriod });
  }
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = await captureAction(page, () =>
    page
      .getByRole("dialog", { name: "Rotate the signing secret?" })
      .getByRole("button", { name: "Rotate secret" })
      .click(),
  );
  await expect(page.getByText("Secret rotated")).toBeVisible();
  const sendTest = await captureAction(page, () => page.getByRole("button", { name: "Send test event" }).click());
  await expect(page.getByText(/^Test event sent: delivery/)).toBeVisible();
  return { reveal, rotate, sendTest };
}

/**
 * Sends the captured action again from `request`, whose own session cookie replaces the original
 * one; `data` defaults to the original arguments.
 */
export function replayAction(
  request: APIRequestContext,
  action: Request,
  data: string | Buffer = action.postDataBuffer() ?? "",
) {
  const headers = { ...action.headers() };
  delete headers.cookie;
  return request.post(action.url(), { headers, data });
}
