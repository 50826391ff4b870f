import fs from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

const README_SCREENSHOTS = "docs/screenshots";

/** Screenshots the page into the test's output and attaches it to the report; returns the file. */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { fullPage?: boolean } = {},
) {
  const file = testInfo.outputPath(name);
  await page.screenshot({ path: file, fullPage: options.fullPage });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  return file;
}

/**
 * A screenshot the README shows. It is attached like any other; it replaces
 * `docs/screenshots/<name>` only with UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the
 * committed pictures (and the working tree) alone.
 */
export async function saveReadmeScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { fullPage?: boolean } = {},
) {
  const file = await attachScreenshot(page, testInfo, name, options);
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  fs.mkdirSync(README_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(README_SCREENSHOTS, name));
}
