// The built-in sandbox receiver behind /api/sandbox/<behaviour>: what the demo webhooks point at,
// and a handy target when trying NovaVMS out. It keeps nothing.

const BIG_BODY = `${"NovaVMS sandbox: a large response body. ".repeat(2_000)}\n`;

export type SandboxAnswer = { status: number; body: string; contentType: string; delayMs: number };

/**
 * ok → 200; fail → 500; status/<code> → that status; flaky → 503 about half the time; slow → answers
 * after `slowMs` (past the delivery timeout); big → 200 with an 80 KB body. Nothing is served as
 * HTML: this route shares the console's origin.
 */
export function sandboxAnswer(path: string[], options: { slowMs: number; random?: () => number }): SandboxAnswer {
  const [behaviour, arg] = path;
  const json = (status: number, body: unknown): SandboxAnswer => ({
    status,
    body: JSON.stringify(body),
    contentType: "application/json",
    delayMs: 0,
  });
  switch (behaviour) {
    case "ok":
      return json(200, { received: true });
    case "fail":
      return json(500, { error: "sandbox receiver failed on purpose", hint: "this is the Response body field" });
    case "status": {
      const status = Number(arg);
      return Number.isInteger(status) && status >= 200 && status <= 599
        ? json(status, { status })
        : json(400, { error: "use /status/<200-599>" });
    }
    case "flaky":
      return (options.random ?? Math.random)() < 0.5
        ? json(503, { error: "temporarily unavailable" })
        : json(200, { received: true });
    case "slow":
      return { ...json(200, { received: true, late: true }), delayMs: options.slowMs };
    case "big":
      return { status: 200, body: BIG_BODY, contentType: "text/plain; charset=utf-8", delayMs: 0 };
    default:
      return json(404, {
        error: "unknown sandbox behaviour",
        try: ["ok", "fail", "status/503", "flaky", "slow", "big"],
      });
  }
}
