import os from "node:os";
import type { DbKind } from "./databases";
import { round, summarize, type Summary } from "./stats";

// The shape of bench/results/latest.json: every figure with its runs, target and verdict.

export type Target = { op: ">=" | "<="; value: number };

export type Metric = {
  name: string;
  unit: string;
  summary: Summary;
  target?: Target;
  /** Undefined when there is no target (reported only). */
  met?: boolean;
};

export type ScenarioResult = {
  id: string;
  title: string;
  database: DbKind;
  metrics: Metric[];
  notes: string[];
  /** EXPLAIN plans, RSS samples, per-run breakdowns. */
  details: Record<string, unknown>;
  error?: string;
};

export type Machine = {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  databases: string[];
  /** A run stopped and gone on with `--resume`: when, and the scenario/database pairs it kept. */
  resumed?: { at: string; kept: string[] };
};

export type BenchResults = {
  mode: "quick" | "full";
  startedAt: string;
  durationS: number;
  machine: Machine;
  scenarios: ScenarioResult[];
};

export function metric(name: string, unit: string, runs: number[], target?: Target): Metric {
  const summary = summarize(runs);
  const met = target
    ? target.op === ">="
      ? summary.median >= target.value
      : summary.median <= target.value
    : undefined;
  return {
    name,
    unit,
    summary: { ...summary, median: round(summary.median), min: round(summary.min), max: round(summary.max) },
    target,
    met,
  };
}

export function newScenario(id: string, title: string, database: DbKind): ScenarioResult {
  return { id, title, database, metrics: [], notes: [], details: {} };
}

export function describeMachine(databases: string[]): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((n) => round(n)),
    databases,
  };
}

export function formatTarget(target: Target | undefined, unit: string): string {
  return target ? `${target.op === ">=" ? "≥" : "≤"} ${target.value}${unit ? ` ${unit}` : ""}` : "report";
}

export function verdict(m: Metric): string {
  return m.met === undefined ? "" : m.met ? "met" : "NOT met";
}
