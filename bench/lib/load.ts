import { Agent, request } from "undici";
import { sleep, wallClockMs } from "./stats";

// An open-loop load generator: requests start on a fixed schedule whatever the answers' speed,
// so a slow server shows up as latency, not as a politely lower rate.

export type Accepted = { acceptedAt: number; deliveryIds: string[]; latencyMs: number };

export async function postEventsAtRate(input: {
  origin: string;
  apiToken: string;
  perSecond: number;
  seconds: number;
  body: (i: number) => unknown;
}): Promise<{ accepted: Accepted[]; failed: number }> {
  const agent = new Agent({ connections: 64 });
  const accepted: Accepted[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const total = Math.round(input.perSecond * input.seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / input.perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      (async () => {
        const sent = performance.now();
        try {
          const response = await request(`${input.origin}/api/v1/events`, {
            dispatcher: agent,
            method: "POST",
            headers: { authorization: `Bearer ${input.apiToken}`, "content-type": "application/json" },
            body: JSON.stringify(input.body(i)),
          });
          const acceptedAt = wallClockMs();
          const latencyMs = performance.now() - sent;
          const json = (await response.body.json()) as { deliveries?: Array<{ id: string }> };
          if (response.statusCode === 202 && json.deliveries)
            accepted.push({ acceptedAt, deliveryIds: json.deliveries.map((d) => d.id), latencyMs });
          else failed += 1;
        } catch {
          failed += 1;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  await agent.close();
  return { accepted, failed };
}
