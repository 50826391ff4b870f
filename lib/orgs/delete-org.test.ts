import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformCaller, systemCaller } from "../auth/caller";
import { createSession } from "../auth/sessions";
import { createConsoleLink } from "../console-links/create-link";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createRecovery } from "../recovery/create";
import { deleteOrg } from "./delete-org";

// Deleting an org removes everything of it, batch by batch, says how many of each went, and
// leaves every row of another org in place.

let ctx: TestContext;
let receiver: Receiver;
beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((req, res) => res.writeHead(req.url === "/fail" ? 500 : 200).end());
});
afterAll(async () => {
  await receiver?.close();
  await ctx?.close();
});

/** An org with two webhooks (one failing, so deliveries have several attempts), events, users, sessions, a link. */
async function populatedOrg(name: string, events: number) {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher, name);
  await addWebhook(ctx, orgId, `${receiver.origin}/ok`);
  await addWebhook(ctx, orgId, `${receiver.origin}/fail`);
  for (let i = 0; i < events; i++) await sendEvent(ctx, orgId);
  for (const role of ["admin", "viewer"] as const) {
    const user = await createTestUser(ctx.db, orgId, role);
    await createSession(ctx.db, user.id, { hours: 1 });
  }
  await createConsoleLink(ctx, systemCaller(orgId), {
    email: `${name.toLowerCase()}@example.test`,
    role: "viewer",
    expires_in: 900,
    baseUrl: "http://localhost",
  });
  return orgId;
}

async function countsOf(orgId: string) {
  const p = ctx.db.prisma;
  return {
    webhooks: await p.webhook.count({ where: { orgId } }),
    signing_secrets: await p.signingSecret.count({ where: { webhook: { orgId } } }),
    events: await p.event.count({ where: { orgId } }),
    deliveries: await p.delivery.count({ where: { orgId } }),
    attempts: await p.deliveryAttempt.count({ where: { orgId } }),
    recoveries: await p.recovery.count({ where: { orgId } }),
    api_tokens: await p.apiToken.count({ where: { orgId } }),
    users: await p.user.count({ where: { orgId } }),
    sessions: await p.session.count({ where: { user: { orgId } } }),
    console_links: await p.consoleLink.count({ where: { orgId } }),
    audit_logs: await p.auditLog.count({ where: { orgId } }),
  };
}

describe("deleting an organisation", () => {
  it("removes every row of the org in batches, reports the counts, and keeps the other org whole", async () => {
    const doomed = await populatedOrg("Doomed", 7);
    const kept = await populatedOrg("Kept", 3);
    const dispatcher = createTestDispatcher(ctx, { retryScheduleMs: [1, 1] });
    try {
      await dispatcher.dispatcher.runUntilIdle();
    } finally {
      await dispatcher.close();
    }
    // Platform support has the doomed org open in the operator view.
    const home = await createTestOrg(ctx.db, ctx.cipher, "Platform");
    const operator = await createTestUser(ctx.db, home.orgId, "admin");
    await ctx.db.prisma.user.update({ where: { id: operator.id }, data: { isOperator: true } });
    await createSession(ctx.db, operator.id, { hours: 1 });
    await ctx.db.prisma.session.updateMany({
      where: { userId: operator.id },
      data: { actingOrgId: doomed, actingRole: "viewer" },
    });
    // A bulk recovery in each org, with an item per failed delivery.
    for (const orgId of [doomed, kept]) {
      await createRecovery(ctx, systemCaller(orgId), { since: new Date(0), statuses: ["failed"], dry_run: false });
    }
    const items = (orgId: string) => ctx.db.prisma.recoveryItem.count({ where: { recovery: { orgId } } });
    expect(await items(doomed)).toBeGreaterThan(0);
    const keptItems = await items(kept);
    const before = await countsOf(doomed);
    const keptBefore = await countsOf(kept);
    // Enough rows that a batch of 3 needs several rounds of every kind.
    expect(before).toMatchObject({
      webhooks: 2,
      deliveries: 14,
      users: 2,
      sessions: 2,
      console_links: 1,
      recoveries: 1,
    });
    // The 7 sent, and the operational delivery.exhausted event the failing webhook raised.
    expect(before.events).toBeGreaterThan(7);
    expect(before.attempts).toBeGreaterThan(before.deliveries);

    const deleted = await deleteOrg(ctx, platformCaller("opt_test"), { ref: doomed, batchSize: 3 });

    expect(deleted).toEqual(before);
    expect(await countsOf(doomed)).toEqual(Object.fromEntries(Object.keys(before).map((k) => [k, 0])));
    expect(await ctx.db.prisma.org.count({ where: { id: doomed } })).toBe(0);
    expect(await countsOf(kept)).toEqual(keptBefore);
    expect([await items(doomed), await items(kept)]).toEqual([0, keptItems]);
    expect(await ctx.db.prisma.org.count({ where: { id: kept } })).toBe(1);
    // The operator stays signed in, back in their own org.
    const sessions = await ctx.db.prisma.session.findMany({ where: { userId: operator.id } });
    expect(sessions.map((s) => [s.actingOrgId, s.actingRole])).toEqual([[null, null]]);
  });

  it("refuses the org that holds the operator's console account", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const user = await createTestUser(ctx.db, orgId, "admin");
    await ctx.db.prisma.user.update({ where: { id: user.id }, data: { isOperator: true } });
    await expect(deleteOrg(ctx, platformCaller("opt_test"), { ref: orgId })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await ctx.db.prisma.user.count({ where: { orgId } })).toBe(1);
  });
});
