import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../db/embedded";

// Fault suite: the process holding the embedded database (`npm start`) is SIGKILLed while it is
// being written to. Started again on the same data directory, it takes the lock over, replaces
// the dead socket, and every committed row is there.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-fault-embedded-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("fault: the embedded database's process is killed", () => {
  it("restarts on the same data directory with every committed row", async () => {
    const server = spawn(process.execPath, ["--import", "tsx", "bench/lib/pglite-server.ts", dataDir], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      server.once("message", (message) => resolve((message as { url: string }).url));
      server.once("exit", (code) => reject(new Error(`the embedded database exited (${code})`)));
    });
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    await client.query("CREATE TABLE kept (n int PRIMARY KEY)");
    let committed = 0;
    // Writes keep coming when the kill lands.
    const writing = (async () => {
      for (let n = 1; ; n++) {
        await client.query("INSERT INTO kept VALUES ($1)", [n]);
        committed = n;
      }
    })().catch(() => {});
    await expect.poll(() => committed, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(200);
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await exited;
    await writing;
    await client.end().catch(() => {});

    const again = await startEmbeddedDatabase({ dataDir });
    try {
      expect(fs.readFileSync(path.join(dataDir, "embedded-db.pid"), "utf8")).toBe(String(process.pid));
      const check = new pg.Client({ connectionString: again.url });
      await check.connect();
      try {
        const { rows } = await check.query<{ n: number; max: number }>(
          "SELECT count(*)::int AS n, coalesce(max(n), 0) AS max FROM kept",
        );
        // Every acknowledged insert survived, and the table has no holes.
        expect(rows[0].n).toBeGreaterThanOrEqual(committed);
        expect(rows[0].max).toBe(rows[0].n);
        await check.query("INSERT INTO kept VALUES (-1)");
      } finally {
        await check.end();
      }
    } finally {
      await again.stop();
    }
  });
});
