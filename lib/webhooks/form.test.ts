import { describe, expect, it } from "vitest";
import { eventTypeFormValues, parseWebhookForm, readWebhookForm, rotateSecretForm, splitEventTypes } from "./form";
import { createWebhookInput, updateWebhookInput } from "./schemas";

function form(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe("the webhook form", () => {
  it("turns ticked and typed event types into one de-duplicated list, and the Enabled box into a boolean", () => {
    const parsed = parseWebhookForm(
      form([
        ["url", " https://example.com/hooks "],
        ["description", "  Lobby cameras "],
        ["event_types", "camera.offline"],
        ["event_types", "recording.ready"],
        ["other_event_types", "door.opened, camera.offline\nalarm.raised"],
        ["enabled", "on"],
      ]),
      createWebhookInput,
      { withEnabled: true },
    );
    expect(parsed).toMatchObject({
      ok: true,
      data: {
        url: "https://example.com/hooks",
        description: "Lobby cameras",
        event_types: ["camera.offline", "recording.ready", "door.opened", "alarm.raised"],
        enabled: true,
      },
    });
  });

  it("means every event type when nothing is ticked or typed, and disabled when Enabled is not ticked", () => {
    const parsed = parseWebhookForm(form([["url", "https://example.com/"]]), createWebhookInput, { withEnabled: true });
    expect(parsed).toMatchObject({ ok: true, data: { event_types: [], enabled: false, description: "" } });
  });

  it("leaves enabled out of an update made from the settings form", () => {
    const { input } = readWebhookForm(
      form([
        ["url", "https://example.com/"],
        ["enabled", "on"],
      ]),
      { withEnabled: false },
    );
    expect(input).not.toHaveProperty("enabled");
    const parsed = parseWebhookForm(form([["url", "https://example.com/"]]), updateWebhookInput, {
      withEnabled: false,
    });
    expect(parsed.ok && parsed.data).toEqual({ url: "https://example.com/", description: "", event_types: [] });
  });

  it("puts each error under its own field, names the bad event type, and keeps what was typed", () => {
    const parsed = parseWebhookForm(
      form([
        ["url", "ftp://example.com/hooks"],
        ["description", "x".repeat(501)],
        ["event_types", "storage.low"],
        ["other_event_types", "door.opened Camera-Offline"],
        ["enabled", "on"],
      ]),
      createWebhookInput,
      { withEnabled: true },
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.status).toBe("error");
    expect(parsed.state.fields).toEqual({
      url: "Only https:// and http:// URLs can receive webhooks, not ftp: URLs.",
      description: "At most 500 characters",
      other_event_types: `"Camera-Offline" is not a valid event type: expected a dotted lower-case name such as "camera.offline".`,
    });
    expect(parsed.state.values).toEqual({
      url: "ftp://example.com/hooks",
      description: "x".repeat(501),
      event_types: "storage.low",
      other_event_types: "door.opened Camera-Offline",
      enabled: "on",
    });
  });

  it("says what to enter when the URL is empty", () => {
    const parsed = parseWebhookForm(form([]), createWebhookInput, { withEnabled: true });
    expect(!parsed.ok && parsed.state.fields).toEqual({ url: "Enter the URL of your endpoint." });
  });

  it("splits a webhook's event types back into ticked boxes and free text", () => {
    expect(eventTypeFormValues(["camera.offline", "door.opened", "storage.low", "alarm.raised"])).toEqual({
      event_types: "camera.offline,storage.low",
      other_event_types: "door.opened, alarm.raised",
    });
    expect(splitEventTypes(" , \n ")).toEqual([]);
  });
});

describe("the rotate secret form", () => {
  it("accepts only the offered grace periods, as seconds", () => {
    expect(rotateSecretForm.parse({ grace_period_seconds: "0" })).toEqual({ grace_period_seconds: 0 });
    expect(rotateSecretForm.parse({ grace_period_seconds: "604800" })).toEqual({ grace_period_seconds: 604_800 });
    for (const bad of ["", "12", "-1", "604801"]) {
      expect(rotateSecretForm.safeParse({ grace_period_seconds: bad }).success).toBe(false);
    }
  });
});
