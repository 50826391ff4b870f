import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { listDeliveries, type DeliveryFilters } from "../../lib/delivery-log/queries";
import {
  LOG_PAGE_SIZE,
  parseLogParams,
  toDeliveryFilters,
  type RawSearchParams,
} from "../../lib/delivery-log/log-params";
import { buildForBench, startApp } from "../lib/app";
import { explain, probeDb } from "../lib/query-probe";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, type BenchTarget } from "../lib/seed";
import { seedDeliveryLog } from "../lib/seed-log";
import { percentiles } from "../lib/stats";

// Scenario 6: the delivery log over 1,000,000 attempts of 50 webhooks. Each view is timed through
// the lib/ query its page runs (listDeliveries with the page's own filters, built from the same URL
// parameters), then through an HTTP GET of the rendered page, signed in with a session cookie.
// Every query is EXPLAINed (ANALYZE) and must read its tables by index only.

export type DeliveryLogOptions = { deliveries: number; iterations: number; runs: number };

type View = { name: string; page?: string; filters: DeliveryFilters };

export async function runDeliveryLog(target: BenchTarget, options: DeliveryLogOptions): Promise<ScenarioResult> {
  const result = newScenario("6", "Delivery log at scale", target.kind);
  const org = await createBenchOrg(target);
  const webhookIds = await createWebhooks(
    target,
    org.orgId,
    Array.from({ length: 50 }, (_, i) => `https://hooks.example.com/novavms/${i}`),
  );
  const seeded = await seedDeliveryLog(target.url, { orgId: org.orgId, webhookIds, deliveries: options.deliveries });
  result.details.seed = { ...seeded, deliveries: options.deliveries, webhooks: webhookIds.length };
  const views = await buildViews(target, org.orgId, webhookIds[7]);

  const probe = probeDb(target.db);
  const plans: Record<string, string> = {};
  const seqScans: string[] = [];
  for (const view of views) {
    const times: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const samples: number[] = [];
      for (let i = 0; i < options.iterations; i++) {
        const started = performance.now();
        await listDeliveries(probe.db, org.orgId, view.filters);
        samples.push(performance.now() - started);
      }
      times.push(percentiles(samples, [95])[0]);
    }
    result.metrics.push(
      metric(`query: ${view.name} p95`, "ms", times, target.kind === "postgres" ? { op: "<=", value: 50 } : undefined),
    );
    const explained = await explain(target.db, probe.last());
    plans[view.name] = explained.plan;
    if (explained.seqScans.length) seqScans.push(`${view.name}: ${explained.seqScans.join(", ")}`);
  }
  result.metrics.push(
    metric("queries scanning deliveries, events or attempts sequentially", "", [seqScans.length], {
      op: "<=",
      value: 0,
    }),
  );
  result.details.explain = plans;

  await timePages(target, org.userId, views, options, result);
  result.notes.push(
    `${seeded.attempts} attempts of ${options.deliveries} deliveries over ${webhookIds.length} webhooks, one org, seeded in ${Math.round(seeded.seconds)} s. ` +
      `p95 of ${options.iterations} requests per run, ${options.runs} runs. Page = full HTTP GET of the server-rendered page with a session cookie.`,
  );
  if (seqScans.length) result.notes.push(`Sequential scans: ${seqScans.join("; ")}`);
  return result;
}

/** The views of the issue, with the filters their pages build from the same URL parameters. */
async function buildViews(target: BenchTarget, orgId: string, webhookId: string): Promise<View[]> {
  const page = (search: RawSearchParams, extra: Partial<DeliveryFilters> = {}): DeliveryFilters => {
    const parsed = parseLogParams(search);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    return { ...toDeliveryFilters(parsed.params, new Date()), limit: LOG_PAGE_SIZE, sort: "activity", ...extra };
  };
  const cursorOf50th = async (sort: "activity" | "created") => {
    let cursor: string | undefined;
    for (let i = 1; i < 50; i++)
      cursor =
        (await listDeliveries(target.db, orgId, { limit: LOG_PAGE_SIZE, sort, cursor })).next_cursor ?? undefined;
    return cursor!;
  };
  // An attempt from the middle of the history, as support would be given one.
  const { rows } = await target.db.pool.query<{ request_id: string }>(
    "SELECT request_id FROM delivery_attempts WHERE delivery_id = (SELECT id FROM deliveries ORDER BY id OFFSET (SELECT count(*) / 2 FROM deliveries) LIMIT 1) LIMIT 1",
  );
  const requestId = rows[0].request_id;
  const activityCursor = await cursorOf50th("activity");
  const createdCursor = await cursorOf50th("created");
  return [
    { name: "org-wide first page", page: "/deliveries", filters: page({}) },
    {
      name: "webhook, status=failed",
      page: `/webhooks/${webhookId}/deliveries?status=failed`,
      filters: page({ status: "failed" }, { webhookId }),
    },
    {
      name: "50th page by cursor",
      page: `/deliveries?cursor=${activityCursor}`,
      filters: page({ cursor: activityCursor }),
    },
    { name: "request_id search", page: `/deliveries?q=${requestId}`, filters: page({ q: requestId }) },
    { name: "API (created): first page", filters: { limit: LOG_PAGE_SIZE, sort: "created" } },
    {
      name: "API (created): webhook, status=failed",
      filters: { limit: LOG_PAGE_SIZE, sort: "created", webhookId, status: "failed" },
    },
    { name: "API (created): 50th page", filters: { limit: LOG_PAGE_SIZE, sort: "created", cursor: createdCursor } },
    { name: "API (created): request_id", filters: { limit: LOG_PAGE_SIZE, sort: "created", requestId } },
  ];
}

async function timePages(
  target: BenchTarget,
  userId: string,
  views: View[],
  options: DeliveryLogOptions,
  result: ScenarioResult,
) {
  const withPages = views.filter((view) => view.page);
  result.details.buildSeconds = buildForBench();
  const app = await startApp(target, { workers: 0, relayIpc: false });
  try {
    const { token } = await createSession(target.db, userId, { hours: 1 });
    const get = async (path: string) => {
      const response = await fetch(`${app.origin}${path}`, {
        headers: { cookie: `${SESSION_COOKIE}=${token}` },
        redirect: "manual",
      });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
      return html;
    };
    for (const view of withPages) {
      // The first render of a page pays for loading its code; it is not what a user waits for twice.
      await get(view.page!);
      const times: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const samples: number[] = [];
        for (let i = 0; i < options.iterations; i++) {
          const started = performance.now();
          await get(view.page!);
          samples.push(performance.now() - started);
        }
        times.push(percentiles(samples, [95])[0]);
      }
      result.metrics.push(
        metric(
          `page: ${view.name} p95`,
          "ms",
          times,
          target.kind === "postgres" ? { op: "<=", value: 300 } : undefined,
        ),
      );
    }
  } finally {
    await app.stop();
  }
}
