import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";
import { classifyAddress } from "./ssrf";

// The guard refuses private destinations before a single byte is sent to them, checks literal IPs
// as well as names, and judges an address by what it is, whatever form it is written in.

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["93.184.215.14", true],
    ["2606:4700:4700::1111", true],
    ["2001:4860:4860::8888", true],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::808:808", true],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.170.2", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["192.0.0.192", "cloud metadata"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "special-purpose"],
    ["192.0.2.10", "special-purpose"],
    ["198.18.0.1", "special-purpose"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fd00:ec2::254", "cloud metadata"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "special-purpose"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::a00:1", "private"],
    ["::a9fe:a9fe", "cloud metadata"],
    ["::808:808", true],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["64:ff9b::a00:1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["2002:a9fe:a9fe::1", "cloud metadata"],
  ])("%s → %s", (address, expected) => {
    const verdict = classifyAddress(address);
    expect(verdict).toEqual(expected === true ? { allowed: true } : { allowed: false, kind: expected });
  });

  it("refuses text that is not an IP address", () => {
    expect(classifyAddress("localhost")).toEqual({ allowed: false, kind: "invalid" });
  });
});

describe("send with the guard on", () => {
  let guarded: Sender;
  let open: Sender;
  let receiver: Receiver;

  beforeAll(async () => {
    guarded = createSender({ timeoutMs: 1500, allowPrivateNetworks: false });
    open = createSender({ timeoutMs: 1500, allowPrivateNetworks: true });
    receiver = await startReceiver((_req, res) => res.end("reached"));
  });
  afterAll(async () => {
    await Promise.all([guarded.close(), open.close(), receiver.close()]);
  });

  const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };
  const REFUSAL = "NovaVMS only delivers to public internet addresses.";

  it.each([
    [
      "a loopback IP",
      () => `http://127.0.0.1:${receiver.port}/`,
      `127.0.0.1 is not a public address (loopback); ${REFUSAL}`,
    ],
    // Checked in the connection's own DNS lookup (a host may list ::1 for localhost too).
    [
      "a name resolving to loopback",
      () => `http://localhost:${receiver.port}/`,
      /^localhost resolves to (127\.0\.0\.1|::1) \(loopback\); NovaVMS/,
    ],
    ["IPv6 loopback", () => `http://[::1]:${receiver.port}/`, `::1 is not a public address (loopback); ${REFUSAL}`],
    [
      "the metadata service",
      () => "http://169.254.169.254/latest/meta-data/",
      `169.254.169.254 is not a public address (cloud metadata); ${REFUSAL}`,
    ],
    ["a private IP", () => "http://10.0.0.1/", `10.0.0.1 is not a public address (private); ${REFUSAL}`],
    ["a CGNAT IP", () => "http://100.64.0.1/", `100.64.0.1 is not a public address (carrier-grade NAT); ${REFUSAL}`],
    [
      "IPv4-mapped loopback",
      () => `http://[::ffff:127.0.0.1]:${receiver.port}/`,
      `::ffff:7f00:1 is not a public address (loopback); ${REFUSAL}`,
    ],
    [
      "a decimal-encoded loopback IP",
      () => `http://2130706433:${receiver.port}/`,
      `127.0.0.1 is not a public address (loopback); ${REFUSAL}`,
    ],
    [
      "a hex-encoded loopback IP",
      () => `http://0x7f000001:${receiver.port}/`,
      `127.0.0.1 is not a public address (loopback); ${REFUSAL}`,
    ],
    [
      "an octal-encoded loopback IP",
      () => `http://0177.0.0.01:${receiver.port}/`,
      `127.0.0.1 is not a public address (loopback); ${REFUSAL}`,
    ],
    [
      "a mixed hex and octal private IP",
      () => "http://0xa.010.0.1/",
      `10.8.0.1 is not a public address (private); ${REFUSAL}`,
    ],
  ])("refuses %s as destination_blocked without sending anything", async (_name, url, message: string | RegExp) => {
    const result = await guarded.send({ url: url(), ...request });
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.failure?.reason).toBe("destination_blocked");
    if (typeof message === "string") expect(result.failure?.message).toBe(message);
    else expect(result.failure?.message).toMatch(message);
    expect(receiver.requests).toHaveLength(0);
    expect(receiver.connections.opened).toBe(0);
  });

  it.each([
    ["public first", ["93.184.215.14", "127.0.0.1"], "127.0.0.1 (loopback)"],
    ["private first", ["10.1.2.3", "93.184.215.14"], "10.1.2.3 (private)"],
    ["IPv6 and IPv4", ["2606:4700::6810:84e5", "::ffff:169.254.169.254"], "::ffff:169.254.169.254 (cloud metadata)"],
  ])(
    "refuses the whole name when its DNS answer mixes public and private addresses (%s)",
    async (_name, addresses, named) => {
      const resolved: string[] = [];
      const mixed = createSender({
        timeoutMs: 1500,
        allowPrivateNetworks: false,
        resolve: (hostname, _options, callback) => {
          resolved.push(hostname);
          callback(
            null,
            addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
          );
        },
      });
      try {
        const result = await mixed.send({ url: `http://mixed.example.test:${receiver.port}/`, ...request });
        expect(resolved).toEqual(["mixed.example.test"]);
        expect(result).toMatchObject({ ok: false, status: null });
        expect(result.failure).toEqual({
          reason: "destination_blocked",
          message: `mixed.example.test resolves to ${named}; ${REFUSAL}`,
        });
        expect(receiver.connections.opened).toBe(0);
      } finally {
        await mixed.close();
      }
    },
  );

  it("lets the same loopback receiver through when private networks are allowed", async () => {
    const result = await open.send({ url: `http://localhost:${receiver.port}/`, ...request });
    expect(result.ok).toBe(true);
    expect(result.body?.toString()).toBe("reached");
    expect(receiver.requests).toHaveLength(1);
  });
});
