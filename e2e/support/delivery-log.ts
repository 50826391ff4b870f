import type { Page } from "@playwright/test";

/** The log's data rows, top first. */
export function logRows(page: Page) {
  return page.getByRole("table", { name: "Deliveries, latest activity first" }).locator("tbody tr");
}
