import fs from "node:fs";
import type { Db } from "../../lib/db/client";

// What the PostgreSQL server spent, read before and after a run of known size: the difference per
// delivery is the database work the run cost.
// - Its CPU time, read from /proc: the postmaster and every process it runs (backends, autovacuum,
//   WAL and checkpoint writers), plus what its exited children used.
// - The WAL it wrote (postgresWalMeter, below).

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** A function returning the server's CPU seconds so far, or null when the server is not local. */
export async function postgresCpuMeter(db: Db): Promise<(() => number) | null> {
  const { rows } = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const backend = readStat(rows[0].pid);
  if (!backend || backend.comm !== "postgres") return null;
  const postmaster = backend.ppid;
  return () => {
    let ticks = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(Number(entry));
      if (!stat) continue;
      if (stat.pid === postmaster) ticks += stat.utime + stat.stime + stat.cutime + stat.cstime;
      else if (stat.ppid === postmaster) ticks += stat.utime + stat.stime;
    }
    return ticks / TICKS_PER_SECOND;
  };
}

/**
 * A function returning the CPU seconds so far of process `pid` and every process under it that is
 * still running (`next start` serves from a child of its own), or null when `pid` is not running.
 */
export function processTreeCpuMeter(pid: number): (() => number) | null {
  if (!readStat(pid)) return null;
  return () => {
    const stats = fs
      .readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) => readStat(Number(entry)))
      .filter((stat): stat is Stat => stat !== null);
    const tree = new Set([pid]);
    // Parents come before children in pid order only by chance: repeat until no process joins.
    for (let grew = true; grew;) {
      grew = false;
      for (const stat of stats)
        if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
          tree.add(stat.pid);
          grew = true;
        }
    }
    const ticks = stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.utime + stat.stime, 0);
    return ticks / TICKS_PER_SECOND;
  };
}

type Stat = { pid: number; comm: string; ppid: number; utime: number; stime: number; cutime: number; cstime: number };

function readStat(pid: number): Stat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: split after its closing one.
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  const fields = text
    .slice(close + 2)
    .split(" ")
    .map(Number);
  // fields[0] is field 3 (state) of proc(5): ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  return { pid, comm, ppid: fields[1], utime: fields[11], stime: fields[12], cutime: fields[13], cstime: fields[14] };
}

/**
 * The WAL PostgreSQL has written so far, in bytes (its insert position): read before and after a
 * run, the difference per delivery is what the run's writes cost in the log every write goes
 * through, which a replica or a backup reads again. Null where the server has no WAL (PGlite).
 */
export async function postgresWalMeter(db: Db): Promise<(() => Promise<bigint>) | null> {
  const read = async () =>
    BigInt(
      (await db.pool.query<{ lsn: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS lsn"))
        .rows[0].lsn,
    );
  try {
    await read();
  } catch {
    return null;
  }
  return read;
}
