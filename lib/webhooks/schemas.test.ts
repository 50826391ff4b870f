import { describe, expect, it } from "vitest";
import { createWebhookInput, updateWebhookInput } from "./schemas";

describe("webhook input", () => {
  it("fills in the defaults of a new webhook: all event types, enabled, the default delivery policy", () => {
    expect(createWebhookInput.parse({ url: "https://example.com/hooks" })).toEqual({
      url: "https://example.com/hooks",
      description: "",
      event_types: [],
      enabled: true,
      retry_schedule: null,
      rate_limit_per_second: null,
      headers: [],
    });
  });

  it("an update changes only the fields it names (no defaults creep in)", () => {
    expect(updateWebhookInput.parse({ enabled: false })).toEqual({ enabled: false });
    expect(updateWebhookInput.parse({ url: "https://example.com/new" })).toEqual({ url: "https://example.com/new" });
    expect(updateWebhookInput.parse({})).toEqual({});
    expect(updateWebhookInput.safeParse({ url: "ftp://example.com" }).success).toBe(false);
    expect(updateWebhookInput.safeParse({ colour: "red" }).success).toBe(false);
  });
});
