import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOutgoingRequest } from "../attempts/build-request";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { rotateSigningSecret } from "./rotate-secret";
import { MAX_PREVIOUS_SECRETS } from "./secret-limits";
import { systemCaller } from "../auth/caller";
import { getSigningInfo } from "./signing-info";
import { loadValidSecrets } from "./valid-secrets";
import { newTraceparent } from "../tracing/traceparent";

// Rotations cannot pile up signatures: at most MAX_PREVIOUS_SECRETS previous secrets stay valid,
// the oldest expiring early, so the signature header stays small whatever an admin does.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe("rotating many times", () => {
  it("keeps the current secret and at most five previous ones valid, the newest", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, "https://example.com/hook");
    const start = Date.now() + 1_000;
    let info;
    for (let i = 1; i <= 30; i++) {
      const at = new Date(start + i * 1000);
      info = await rotateSigningSecret({ ...ctx, now: () => at }, systemCaller(orgId), {
        webhookId: hook.id,
        graceSeconds: 604_800,
      });
    }
    const now = new Date(start + 31_000);
    expect(MAX_PREVIOUS_SECRETS).toBe(5);
    expect(info!.previous).toHaveLength(5);
    const signing = await getSigningInfo(ctx.db, ctx.cipher, orgId, hook.id, now);
    expect(signing.previous.map((p) => p.created_at)).toEqual(
      [29, 28, 27, 26, 25].map((i) => new Date(start + i * 1000).toISOString()),
    );
    const secrets = await loadValidSecrets(ctx.db, ctx.cipher, orgId, hook.id, now);
    expect(secrets).toHaveLength(6);
    expect(secrets[0]).toBe(signing.secret);
    const { headers } = buildOutgoingRequest({
      url: "https://example.com/hook",
      body: Buffer.from("{}"),
      eventType: "a.b",
      deliveryId: "dlv_1",
      requestId: "req_1",
      secrets,
      now,
      traceparent: newTraceparent().header,
    });
    expect(headers["X-NovaVMS-Signature"].split(",")).toHaveLength(6);
  });
});
