import http from "node:http";
import type { AddressInfo } from "node:net";

// A real receiver the test can switch, so journeys see what an endpoint gets and what it answers.

export type ReceiverAnswer = {
  status: number;
  /** Text, or exact bytes (a binary answer). */
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
};
/** `raw` is the exact bytes, for signature checks; `body` the same as UTF-8 text. */
export type ReceivedRequest = { headers: http.IncomingHttpHeaders; body: string; raw: Buffer };

export type TestReceiver = {
  url: string;
  /** What the next request is answered with; assign to switch behaviour mid-test. */
  answer: ReceiverAnswer | ((body: string) => ReceiverAnswer);
  requests: ReceivedRequest[];
  close: () => Promise<void>;
};

/** A node:http receiver on 127.0.0.1, port chosen by the system. */
export async function startReceiver(answer: TestReceiver["answer"], path = "/webhooks/novavms"): Promise<TestReceiver> {
  const receiver: Omit<TestReceiver, "url" | "close"> = { answer, requests: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      receiver.requests.push({ headers: req.headers, body, raw });
      const reply = typeof receiver.answer === "function" ? receiver.answer(body) : receiver.answer;
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json", ...reply.headers });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** The `X-NovaVMS-Request-Id` of the latest request the receiver got. */
export function lastRequestId(receiver: TestReceiver): string {
  const value = receiver.requests.at(-1)?.headers["x-novavms-request-id"];
  if (typeof value !== "string") throw new Error("the receiver has not been called");
  return value;
}
