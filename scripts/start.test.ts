import { spawnSync } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

// `npm start` with bad configuration must exit with one line that names the problem.
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NOVAVMS_DATA_DIR: "/nonexistent-unused",
      ...env,
    },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, lines: result.stderr.trim().split("\n") };
}

describe("npm start with bad configuration", () => {
  it("rejects a malformed DATABASE_URL in one line", () => {
    const { code, lines } = start({ DATABASE_URL: "not a url" });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^novavms: Invalid configuration: DATABASE_URL is invalid: expected postgresql:\/\//),
    ]);
  });

  it("rejects a PORT that is not a port in one line", () => {
    const { code, lines } = start({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^novavms: Invalid configuration: PORT is invalid/)]);
  });

  it("reports an unreachable database in one line", async () => {
    const closedPort = await freePort();
    const { code, lines } = start({ DATABASE_URL: `postgresql://novavms@127.0.0.1:${closedPort}/novavms`, PORT: "0" });
    expect(code).toBe(1);
    expect(lines).toEqual([`novavms: cannot reach the database at 127.0.0.1:${closedPort} (ECONNREFUSED)`]);
  });

  it("reports a PORT already in use in one line", async () => {
    const server = net.createServer().listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { code, lines } = start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(lines).toEqual([
        `novavms: PORT ${port} is already in use: stop what is using it or set PORT to another port`,
      ]);
    } finally {
      server.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
