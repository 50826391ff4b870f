import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getMetrics } from "./registry";

// The example alert rules and Grafana dashboard in docs/ may only use metric names this app
// exports; a renamed metric fails here instead of silently breaking someone's alerts.

const docs = path.resolve(import.meta.dirname, "../../docs");

async function exportedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const metric of await getMetrics().registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(metric.name + s);
  }
  return names;
}

function referencedNames(text: string): string[] {
  return [...new Set(text.match(/\bnovavms_[a-z_]+\b/g) ?? [])];
}

describe("the monitoring examples in docs/", () => {
  it("the Prometheus alert rules reference only exported metrics", async () => {
    const text = readFileSync(path.join(docs, "prometheus-alerts.yml"), "utf8");
    const used = referencedNames(text);
    expect(used.length).toBeGreaterThanOrEqual(5);
    const exported = await exportedNames();
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
    expect(text).toContain("novavms_oldest_due_delivery_age_seconds");
  });

  it("the Grafana dashboard is valid JSON and references only exported metrics", async () => {
    const dashboard = JSON.parse(readFileSync(path.join(docs, "grafana-dashboard.json"), "utf8")) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    const used = referencedNames(exprs.join("\n"));
    expect(used.length).toBeGreaterThanOrEqual(10);
    const exported = await exportedNames();
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });
});
