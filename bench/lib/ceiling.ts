import { Agent, request } from "undici";

// The machine's own ceiling for the dispatcher's job: a bare undici POST loop, no database, no
// signing, at the same concurrency, with the same bytes and headers, to the same receivers.

export async function measureCeiling(input: {
  urls: string[];
  concurrency: number;
  body: Buffer;
  headers: Record<string, string>;
  seconds: number;
}): Promise<{ requestsPerSecond: number; requests: number; errors: number }> {
  const agent = new Agent({ connections: null });
  const deadline = performance.now() + input.seconds * 1000;
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  // Loop k always posts to endpoint k mod N, so each endpoint sees concurrency/N connections,
  // as the dispatcher spreads its slots over the endpoints.
  const loops = Array.from({ length: input.concurrency }, async (_, k) => {
    const url = input.urls[k % input.urls.length];
    while (performance.now() < deadline) {
      try {
        const response = await request(url, {
          dispatcher: agent,
          method: "POST",
          headers: input.headers,
          body: input.body,
        });
        await response.body.arrayBuffer();
        if (response.statusCode >= 200 && response.statusCode < 300) requests += 1;
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  });
  await Promise.all(loops);
  const elapsed = (performance.now() - started) / 1000;
  await agent.close();
  return { requestsPerSecond: requests / elapsed, requests, errors };
}
