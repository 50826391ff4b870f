import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { checkLoginThrottle, recordLoginFailure, throttleKeys } from "./login-throttle";
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

  it("blocks an email after 5 failures in 15 minutes, refuses even the right password, and lets it in after the block", async () => {
    const user = await newUser();
    const attempt = (password: string, now: Date) =>
      signIn(ctx.db, { email: user.email, password, clientAddress: uniqueIp() }, { sessionHours: 1, now });

    for (let i = 0; i < 4; i++)
      expect(await attempt("wrong-password", after(i))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    // The fifth failure reaches the limit and says so.
    expect(await attempt("wrong-password", after(4))).toEqual({
      ok: false,
      message: "Too many failed sign-ins; try again in 15 minutes.",
    });
    // Blocked: the correct password is refused too, with the time left.
    expect(await attempt(user.password, after(10))).toEqual({
      ok: false,
      message: "Too many failed sign-ins; try again in 9 minutes.",
    });
    expect(await attempt(user.password, after(18.5))).toEqual({
      ok: false,
      message: "Too many failed sign-ins; try again in 1 minute.",
    });
    expect(await ctx.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const unblocked = await attempt(user.password, after(19));
    expect(unblocked.ok).toBe(true);
    // Success forgets the account's failures: the next mistake starts a new count.
    expect(await attempt("wrong-password", after(20))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
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
    const keys = throttleKeys(`${newId("c")}@example.test`, null);
    await Promise.all(Array.from({ length: 5 }, () => recordLoginFailure(ctx.db, keys, t0)));
    const verdict = await checkLoginThrottle(ctx.db, keys, after(1));
    expect(verdict).toMatchObject({ blocked: true, retryAfterSeconds: 14 * 60 });
  });
});
