import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { accountDelayMs, checkLoginThrottle, recordLoginFailure, throttleKeys } from "./login-throttle";
import { signIn, WRONG_CREDENTIALS } from "./sign-in";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const t0 = new Date("2026-11-01T12:00:00Z");
const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${newId("x")}`;

async function newUser() {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  return createTestUser(ctx.db, orgId, "admin");
}

describe("failed sign-in throttling", () => {
  it("gives one generic message for an unknown email and for a wrong password", async () => {
    const user = await newUser();
    const unknown = await signIn(
      ctx.db,
      { email: "nobody@example.test", password: "whatever1", clientAddress: uniqueIp() },
      { sessionHours: 1, now: t0 },
    );
    const wrong = await signIn(
      ctx.db,
      { email: user.email, password: "wrong-password", clientAddress: uniqueIp() },
      { sessionHours: 1, now: t0 },
    );
    // The same words for both, naming neither the email nor the password as the wrong one.
    expect(unknown).toEqual({ ok: false, message: "Email or password is incorrect." });
    expect(wrong).toEqual(unknown);
  });

  it("accepts the right password, case-insensitively on the email, and starts a session", async () => {
    const user = await newUser();
    const result = await signIn(
      ctx.db,
      { email: ` ${user.email.toUpperCase()} `, password: user.password, clientAddress: null },
      { sessionHours: 12 },
    );
    expect(result.ok).toBe(true);
    expect(await ctx.db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("slows an account down after failures from anywhere, and never locks its owner out", async () => {
    const user = await newUser();
    const waits: number[] = [];
    const attempt = (password: string, now: Date) =>
      signIn(
        ctx.db,
        { email: user.email, password, clientAddress: uniqueIp() },
        { sessionHours: 1, now, sleep: async (ms) => void waits.push(ms) },
      );

    // Ten failures from ten addresses (an attacker rotating addresses)...
    for (let i = 0; i < 10; i++)
      expect(await attempt("wrong-password", after(i / 10))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    // ...slow each later attempt down, doubling, up to the cap.
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    // The owner's right password still gets in, after the wait.
    const owner = await attempt(user.password, after(1.5));
    expect(owner.ok).toBe(true);
    expect(waits.at(-1)).toBe(8_000);
    // Success forgets the account's failures: no wait for the next attempt.
    waits.length = 0;
    expect(await attempt("wrong-password", after(2))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(waits).toEqual([]);
  });

  it("blocks a client address that cycles through many emails", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) {
      await signIn(
        ctx.db,
        { email: `guess${i}-${newId("e")}@example.test`, password: "guess-guess", clientAddress: ip },
        { sessionHours: 1, now: after(i) },
      );
    }
    const user = await newUser();
    const result = await signIn(
      ctx.db,
      { email: user.email, password: user.password, clientAddress: ip },
      { sessionHours: 1, now: after(5) },
    );
    expect(result).toEqual({ ok: false, message: "Too many failed sign-ins; try again in 14 minutes." });
    // The same account from another address is not affected.
    const elsewhere = await signIn(
      ctx.db,
      { email: user.email, password: user.password, clientAddress: uniqueIp() },
      { sessionHours: 1, now: after(5) },
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("counts failures in a window: failures spread over more than 15 minutes never block", async () => {
    const keys = throttleKeys(`${newId("w")}@example.test`, null);
    for (let i = 0; i < 10; i++) {
      const verdict = await recordLoginFailure(ctx.db, keys, after(i * 4));
      expect(verdict.blocked).toBe(false);
    }
    expect((await checkLoginThrottle(ctx.db, keys, after(40))).blocked).toBe(false);
  });

  it("loses no count when failures arrive concurrently", async () => {
    const email = `${newId("c")}@example.test`;
    const keys = throttleKeys(email, uniqueIp());
    await Promise.all(Array.from({ length: 5 }, () => recordLoginFailure(ctx.db, keys, t0)));
    const verdict = await checkLoginThrottle(ctx.db, keys, after(1));
    expect(verdict).toMatchObject({ blocked: true, retryAfterSeconds: 14 * 60 });
    expect(await accountDelayMs(ctx.db, email, after(1))).toBe(2_000);
  });
});
