import { describe, expect, it } from "vitest";
import { encodeCursor } from "../api/cursor";
import { hasEmptyValues, isFiltered, logQuery, parseLogParams, toDeliveryFilters, type LogParams } from "./log-params";

const now = new Date("2026-11-28T15:00:00.000Z");

function parsed(search: Record<string, string | string[] | undefined>): LogParams {
  const result = parseLogParams(search);
  if (!result.ok) throw new Error(`expected valid params, got ${result.errors.join("; ")}`);
  return result.params;
}

function errors(search: Record<string, string | string[] | undefined>): string[] {
  const result = parseLogParams(search);
  if (result.ok) throw new Error("expected invalid params");
  return result.errors;
}

describe("the delivery log's URL", () => {
  it("reads no params as the newest deliveries of all time, auto-refresh off", () => {
    expect(parsed({})).toEqual({ range: "all", live: false });
    expect(logQuery(parsed({}))).toBe("");
    expect(isFiltered(parsed({}))).toBe(false);
  });

  it("round-trips every filter through the canonical query string", () => {
    const cursor = encodeCursor({ at: now, id: "dlv_1" });
    const search = { status: "failed", event_type: "camera.offline", range: "24h", q: "req_abc", cursor, live: "1" };
    const params = parsed(search);
    expect(params).toEqual({
      status: "failed",
      eventType: "camera.offline",
      range: "24h",
      q: "req_abc",
      cursor,
      live: true,
    });
    const query = logQuery(params);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual(search);
    expect(parsed(Object.fromEntries(new URLSearchParams(query)))).toEqual(params);
  });

  it("drops the cursor or changes one filter without losing the others", () => {
    const params = parsed({ status: "retrying", cursor: encodeCursor({ at: now, id: "dlv_1" }), live: "1" });
    expect(logQuery(params, { cursor: undefined })).toBe("?status=retrying&live=1");
    expect(logQuery(params, { cursor: undefined, live: false })).toBe("?status=retrying");
  });

  it("measures a preset range back from now and passes the search box as the query's search", () => {
    expect(toDeliveryFilters(parsed({ range: "1h", q: "evt_1" }), now)).toEqual({
      since: new Date("2026-11-28T14:00:00.000Z"),
      search: "evt_1",
    });
    expect(toDeliveryFilters(parsed({ range: "7d" }), now).since).toEqual(new Date("2026-11-21T15:00:00.000Z"));
    expect(toDeliveryFilters(parsed({ range: "all" }), now).since).toBeUndefined();
  });

  it("reads since/until from a datetime-local input as UTC, and alone they mean a custom range", () => {
    const params = parsed({ since: "2026-11-28T09:30", until: "2026-11-28T11:00:00+01:00" });
    expect(params.range).toBe("custom");
    expect(toDeliveryFilters(params, now)).toMatchObject({
      since: new Date("2026-11-28T09:30:00.000Z"),
      until: new Date("2026-11-28T10:00:00.000Z"),
    });
    expect(logQuery(params)).toBe(
      "?range=custom&since=2026-11-28T09%3A30%3A00.000Z&until=2026-11-28T10%3A00%3A00.000Z",
    );
  });

  it("ignores since/until under a preset range (the range select wins)", () => {
    const params = parsed({ range: "24h", since: "2026-01-01T00:00" });
    expect(params.since).toBeUndefined();
    expect(logQuery(params)).toBe("?range=24h");
  });

  it("treats empty fields of a submitted filter form as absent, and says the URL is worth tidying", () => {
    const search = { status: "", event_type: "", range: "all", q: "  req_1 " };
    expect(parsed(search)).toEqual({ range: "all", q: "req_1", live: false });
    expect(hasEmptyValues(search)).toBe(true);
    expect(hasEmptyValues({ q: "req_1" })).toBe(false);
  });

  it("ignores params it does not know", () => {
    expect(parsed({ utm_source: "mail", status: "pending" })).toEqual({ status: "pending", range: "all", live: false });
  });

  it.each([
    [{ status: "broken" }, "status: expected pending, retrying, succeeded or failed"],
    [{ range: "2w" }, "range: expected 1h, 24h, 7d, all or custom"],
    [{ since: "yesterday" }, "since: expected a time such as"],
    [{ since: "2026-02-30T10:00" }, "since: expected a time such as"],
    [{ until: "2026-11-28T25:00" }, "until: expected a time such as"],
    [{ since: "2026-11-28T10:00", until: "2026-11-28T09:00" }, "until: must be after since"],
    [{ cursor: "not-a-cursor" }, "cursor: not a page of this log"],
    [{ q: "x".repeat(101) }, "q: at most 100 characters"],
    [{ status: ["failed", "pending"] }, "status: give it once, not 2 times"],
    [{ live: "yes" }, "live: expected 1 or 0"],
  ])("refuses %j with a message naming the param", (search, message) => {
    expect(errors(search).join("\n")).toContain(message);
  });

  it("reports every bad param at once and keeps what was typed for the form", () => {
    const result = parseLogParams({ status: "broken", range: "2w", q: "req_1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.raw).toEqual({ status: "broken", range: "2w", q: "req_1" });
  });
});

describe("log params that once showed the error page", () => {
  const farCursor = Buffer.from(JSON.stringify(["+275760-09-13T00:00:00.000Z", "dlv_x"])).toString("base64url");
  it.each([
    ["q", { q: "abc\u0000" }],
    ["event_type", { event_type: "camera.\u0000" }],
    ["cursor", { cursor: farCursor }],
  ])("refuses a bad %s with an inline message", (field, search) => {
    const parsed = parseLogParams(search);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join()).toMatch(new RegExp(`^${field}: `));
  });
});
