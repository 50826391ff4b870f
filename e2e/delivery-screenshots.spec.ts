import { expect, test } from "@playwright/test";
import { createUser } from "./support/database";
import { logRows } from "./support/delivery-log";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver, type TestReceiver } from "./support/receiver";
import { saveReadmeScreenshot } from "./support/screenshots";
import { signInAs } from "./support/session";

// The README's pictures of the delivery log and a failed delivery's detail, taken from the running
// app with an org of its own holding deliveries of every status: succeeded, retrying, failed and
// one still pending (its endpoint is slow to answer).

const receivers: TestReceiver[] = [];

test.afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

test("an admin's delivery log with every status, and a failed delivery's detail (README screenshots)", async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const admin = await createUser("admin", { orgName: "Acme Security", email: "ops@acme-security.example" });
  const api = producerApi(request, admin.apiToken);
  const ok = await startReceiver({ status: 200, body: '{"received":true}', delayMs: 40 }, "/hooks/novavms");
  const rejecting = await startReceiver(
    {
      status: 401,
      body: JSON.stringify({ error: "invalid_signature", message: "HMAC mismatch: check the signing secret" }),
      delayMs: 15,
    },
    "/api/webhooks/novavms",
  );
  const slow = await startReceiver({ status: 202, body: "", delayMs: 9_000 }, "/ingest/storage");
  receivers.push(ok, rejecting, slow);
  await api.createWebhook(ok.url, [], "Operations dashboard");
  const incidents = await api.createWebhook(rejecting.url, ["camera.offline"], "Incident tracker");
  await api.createWebhook(slow.url, ["storage.low"], "Capacity planning");

  // An older failure that has used up its 6 attempts, and successes around it.
  const first = await api.sendEvent("camera.offline", {
    camera_id: "cam_lobby_01",
    site: "HQ",
    last_seen_at: "2026-11-28T14:58:02Z",
  });
  await api.sendEvent("recording.ready", { recording_id: "rec_7Hq2", camera_id: "cam_yard_02", duration_s: 312 });
  await api.sendEvent("motion.detected", { camera_id: "cam_gate_03", zone: "gate", confidence: 0.93 });
  const failedId = first.deliveries.find((d) => d.webhook_id === incidents.id)!.id;
  await waitForDelivery(api, failedId, (d) => d.status === "failed", 45_000);
  // From here the incident tracker retries after 2 s and then only after an hour, so the new
  // failure below stays Retrying at its second attempt however slowly the page reloads (with the
  // test schedule's 2 s steps it once went through all six between two reloads of a busy machine).
  await api.updateWebhook(incidents.id, { retry_schedule: "2s,1h,1h,1h,1h" });

  // Now: a new failure still being retried, and a delivery whose endpoint has not answered yet.
  await api.sendEvent("camera.offline", {
    camera_id: "cam_dock_04",
    site: "Warehouse",
    last_seen_at: "2026-11-28T15:04:40Z",
  });
  await api.sendEvent("storage.low", { recorder_id: "nvr_02", free_percent: 4 });
  await api.sendEvent("camera.online", { camera_id: "cam_lobby_01", site: "HQ" });

  const { context, page } = await signInAs(browser, admin, { viewport: { width: 1280, height: 760 } });
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await logRows(page).allInnerTexts()).join("\n");
      },
      // The second attempt comes after the demo schedule's first delay plus a dispatcher pass;
      // on a busy machine that has taken longer than 15 s.
      { timeout: 60_000 },
    )
    .toMatch(/Retrying[\s\S]*attempt 2 of 6/);
  const text = (await logRows(page).allInnerTexts()).join("\n");
  for (const status of ["Pending", "Retrying", "Succeeded", "Failed"]) expect(text).toContain(status);
  await saveReadmeScreenshot(page, testInfo, "delivery-log.png");

  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto(`/deliveries/${failedId}`);
  await expect(page.getByRole("article").first().getByLabel("Response body")).toContainText("invalid_signature");
  await saveReadmeScreenshot(page, testInfo, "delivery-detail.png");
  await context.close();
});
