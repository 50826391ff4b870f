import fs from "node:fs";
import path from "node:path";
import { formatTarget, verdict, type BenchResults } from "./results";

// The results table, for the terminal and for bench/results/latest.md, and the files.

const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

export function resultRows(results: BenchResults): string[][] {
  const rows: string[][] = [];
  for (const s of results.scenarios) {
    if (s.error) rows.push([s.id, s.database, s.title, `error: ${s.error}`, "", "", "", "", ""]);
    for (const m of s.metrics) {
      const value = (n: number) => (Number.isFinite(n) ? String(n) : "–");
      rows.push([
        s.id,
        s.database,
        m.name,
        value(m.summary.median),
        value(m.summary.min),
        value(m.summary.max),
        m.unit,
        formatTarget(m.target, m.unit),
        verdict(m),
      ]);
    }
  }
  return rows;
}

const HEADER = ["#", "database", "metric", "median", "min", "max", "unit", "target", "met"];

export function formatTable(results: BenchResults): string {
  const rows = [HEADER, ...resultRows(results)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (cell ?? "").padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `# NovaVMS Webhooks benchmark (${results.mode})`,
    "",
    `Run ${results.startedAt}, ${Math.round(results.durationS)} s. Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}; load average at start ${m.loadAverageAtStart.join(" / ")}.`,
    `Databases: ${m.databases.join("; ")}.`,
    ...(m.resumed
      ? [
          "",
          `Resumed with \`--resume\` at ${m.resumed.at}: the scenarios not in ${m.resumed.kept.length} scenario/database pairs kept from before (${m.resumed.kept.join(", ")}) ran then.`,
        ]
      : []),
    "",
    "Each figure is the median of the runs, with their min and max. Targets apply to PostgreSQL unless stated.",
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map(() => "---").join("|")}|`,
    ...resultRows(results).map((r) => `| ${r.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`),
    "",
  ];
  for (const s of results.scenarios) {
    if (s.notes.length === 0 && Object.keys(s.details).length === 0) continue;
    lines.push(`## ${s.id} ${s.title} (${s.database})`, "");
    for (const note of s.notes) lines.push(`- ${note}`);
    if (s.notes.length) lines.push("");
    for (const [name, detail] of Object.entries(s.details)) {
      lines.push(
        `<details><summary>${name}</summary>`,
        "",
        "```",
        typeof detail === "string" ? detail : JSON.stringify(detail, null, 1),
        "```",
        "",
        "</details>",
        "",
      );
    }
  }
  return lines.join("\n");
}

/**
 * A copy of the JSON under runs/ (git-ignored), and latest.json / latest.md when the run is
 * `complete` (every scenario on every database): a run of some scenarios must not replace the
 * committed full run's figures.
 */
export function writeResults(results: BenchResults, complete: boolean): string[] {
  fs.mkdirSync(path.join(RESULTS_DIR, "runs"), { recursive: true });
  const json = JSON.stringify(results, null, 2) + "\n";
  const stamp = results.startedAt.replaceAll(":", "-").replace(/\..*$/, "");
  const run = path.join(RESULTS_DIR, "runs", `${stamp}-${results.mode}.json`);
  fs.writeFileSync(run, json);
  if (!complete) return [run];
  const latest = [path.join(RESULTS_DIR, "latest.json"), path.join(RESULTS_DIR, "latest.md")];
  fs.writeFileSync(latest[0], json);
  fs.writeFileSync(latest[1], formatMarkdown(results));
  return [...latest, run];
}
