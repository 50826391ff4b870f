import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

test("the API reference is public, rendered from the OpenAPI document, and loads nothing from elsewhere", async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await page.goto("/docs");
  await page.getByRole("navigation", { name: "Docs" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

  const sendEvent = page.locator("#sendEvent");
  await expect(sendEvent.getByRole("heading", { name: /Send an event/ })).toContainText("POST /api/v1/events");
  await expect(sendEvent.getByRole("cell", { name: "idempotency_key (optional)" })).toBeVisible();
  await expect(sendEvent.getByRole("link", { name: "payload_too_large" })).toHaveAttribute(
    "href",
    "/docs/error-codes#payload_too_large",
  );
  await page.locator("#listDeliveries").getByRole("link", { name: "DeliveryPage" }).click();
  await expect(page).toHaveURL(/#schema-DeliveryPage$/);
  await expect(page.locator("#schema-DeliveryPage").getByRole("cell", { name: "next_cursor" })).toBeVisible();

  const document = await page.request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe("3.1.0");
  expect(foreign).toEqual([]);
});
