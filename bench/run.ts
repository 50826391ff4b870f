// npm run bench [-- --quick] [--only=1,4] [--db=postgres|pglite] [--resume=bench/results/runs/….json]
// Runs every scenario against the embedded PGlite and against PostgreSQL, prints the table and
// writes bench/results/latest.{json,md}. See the README's "Benchmarks" section.
import fs from "node:fs";
import { startPglite, startPostgres, type DatabaseServer } from "./lib/databases";
import { formatTable, writeResults } from "./lib/report";
import { describeMachine, newScenario, type BenchResults, type ScenarioResult } from "./lib/results";
import { openBenchTarget, type BenchTarget } from "./lib/seed";
import { SCENARIOS, type Scale } from "./scenarios/index";

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const only = valueOf(args, "--only")?.split(",");
  const dbs = valueOf(args, "--db")?.split(",") ?? ["pglite", "postgres"];
  const scale: Scale = quick ? "quick" : "full";
  // A run that was stopped or died goes on from its copy under runs/: the scenarios it finished
  // on a database are kept (failed ones too: their error is what they measured), the rest are
  // run, and the whole is written as that run.
  const resumeFile = valueOf(args, "--resume");
  const resumed = resumeFile ? (JSON.parse(fs.readFileSync(resumeFile, "utf8")) as BenchResults) : undefined;
  if (resumed && resumed.mode !== scale) throw new Error(`${resumeFile} is a ${resumed.mode} run: add or drop --quick`);
  const done = new Set(resumed?.scenarios.map((s) => `${s.id}/${s.database}`));
  const startedAt = resumed ? new Date(resumed.startedAt) : new Date();
  const resumedAt = Date.now();
  const log = (line: string) =>
    console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)}s] ${line}`);

  const servers: DatabaseServer[] = [];
  const skipped: string[] = [];
  if (dbs.includes("pglite")) servers.push(await startPglite());
  if (dbs.includes("postgres")) {
    const postgres = await startPostgres(log);
    if ("unavailable" in postgres) skipped.push(`PostgreSQL skipped: ${postgres.unavailable}`);
    else servers.push(postgres);
  }
  for (const line of skipped) log(line);

  const results: BenchResults = {
    mode: scale,
    startedAt: startedAt.toISOString(),
    durationS: resumed?.durationS ?? 0,
    machine: resumed?.machine ?? describeMachine([...servers.map((s) => s.description), ...skipped]),
    scenarios: resumed?.scenarios.filter((s) => done.has(`${s.id}/${s.database}`)) ?? [],
  };
  if (resumed) results.machine.resumed = { at: new Date(resumedAt).toISOString(), kept: [...done] };
  // The time the run has taken: what the resumed run had taken, and this invocation's.
  const elapsed = () => (resumed?.durationS ?? 0) + (Date.now() - resumedAt) / 1000;
  try {
    for (const scenario of SCENARIOS) {
      if (only && !only.includes(scenario.id)) continue;
      for (const server of servers) {
        if (done.has(`${scenario.id}/${server.kind}`)) continue;
        log(`scenario ${scenario.id} (${scenario.title}) on ${server.kind}`);
        const started = Date.now();
        const result = await runOne(server, (target) => scenario.run(target, scale, log)).catch((error: Error) => {
          const failed = newScenario(scenario.id, scenario.title, server.kind);
          failed.error = error.message;
          log(`  failed: ${error.stack ?? error.message}`);
          return failed;
        });
        result.details.scenarioSeconds = Math.round((Date.now() - started) / 1000);
        results.scenarios.push(result);
        // What is done so far survives a run that is stopped or dies: its copy under runs/.
        results.durationS = elapsed();
        writeResults(results, false);
        for (const m of result.metrics)
          log(`  ${m.name}: ${m.summary.median} ${m.unit} (min ${m.summary.min}, max ${m.summary.max})`);
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  results.durationS = elapsed();
  console.log("\n" + formatTable(results) + "\n");
  // Only a run of every scenario on both databases replaces latest.{json,md}.
  const complete = !only && servers.length === 2;
  for (const file of writeResults(results, complete)) log(`wrote ${file}`);
}

/** A fresh database per scenario, dropped afterwards. */
async function runOne(
  server: DatabaseServer,
  run: (target: BenchTarget) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const database = await server.create();
  const target = openBenchTarget(server.kind, database.url);
  try {
    return await run(target);
  } finally {
    await target.close();
    await database.drop();
  }
}

function valueOf(args: string[], name: string): string | undefined {
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
