import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { querySql } from "../testing/sql";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, SOCKET_FILE, SocketPathTooLongError, startEmbeddedDatabase } from "./embedded";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-embedded-"));
  dirs.push(dir);
  return dir;
}

describe("embedded database", () => {
  it("keeps its data across a restart on the same data directory", async () => {
    const dataDir = tempDir();
    const first = await startEmbeddedDatabase({ dataDir });
    await querySql(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await querySql(second.url, "SELECT note FROM kept")).toEqual([{ note: "survives a restart" }]);
    } finally {
      await second.stop();
    }
  });

  it("serves several pooled connections with transactions kept together", async () => {
    const db = await startEmbeddedDatabase({ maxConnections: 10 });
    const pool = new pg.Pool({ connectionString: db.url, max: 5 });
    try {
      await pool.query("CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)");
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query("SELECT n FROM counter FOR UPDATE");
            await client.query("UPDATE counter SET n = $1", [rows[0].n + 1]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
        }),
      );
      expect((await pool.query("SELECT n FROM counter")).rows[0].n).toBe(10);
    } finally {
      await pool.end();
      await db.stop();
    }
  });

  it("refuses to open a data directory another live process holds", async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "embedded-db.pid"), String(process.ppid));
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
  });

  it("takes over the lock a crashed process left behind", async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "embedded-db.pid"), "2147483646");
    const db = await startEmbeddedDatabase({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, "embedded-db.pid"), "utf8")).toBe(String(process.pid));
    await db.stop();
    expect(fs.existsSync(path.join(dataDir, "embedded-db.pid"))).toBe(false);
  });

  it("serves a data directory's database only on a Unix socket inside it, the directory at 0700", async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    const db = await startEmbeddedDatabase({ dataDir });
    try {
      const url = new URL(db.url);
      expect(url.port).toBe("");
      expect(url.searchParams.get("host")).toBe(dataDir);
      expect(fs.statSync(path.join(dataDir, SOCKET_FILE)).isSocket()).toBe(true);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(await querySql(db.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
  });

  it("replaces a socket file a killed process left behind", async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, SOCKET_FILE), "");
    const db = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await querySql(db.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
  });

  it("says so when the socket path would be too long", async () => {
    const dataDir = path.join(tempDir(), "x".repeat(120));
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(SocketPathTooLongError);
  });
});
