import type { Db } from "../db/client";
import { claimDueDeliveries, type ClaimOptions } from "../dispatch/claim-due";
import { explainStatement, recordingDb, type Statement } from "./statements";

// Tests: the plan the database actually runs for the dispatcher's claim, and what it read.

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Index Name"?: string;
  Plans?: PlanNode[];
};

/** The claim statement as it runs, under EXPLAIN ANALYZE in a transaction rolled back after. */
export async function explainClaim(db: Db, options: ClaimOptions): Promise<PlanNode> {
  let statement: Statement | undefined;
  await claimDueDeliveries(
    recordingDb(db, (seen) => (statement = seen), { run: false }),
    options,
  );
  if (!statement) throw new Error("the claim ran no statement");
  const [explained] = (await explainStatement(db, statement, { explain: "ANALYZE, FORMAT JSON" })) as Array<{
    Plan: PlanNode;
  }>;
  return explained.Plan;
}

/** Every scan of `relation` in the plan: its loops and the rows it read (returned or filtered out). */
export function scansOf(plan: PlanNode, relation: string): Array<{ type: string; loops: number; rowsRead: number }> {
  const found: Array<{ type: string; loops: number; rowsRead: number }> = [];
  const visit = (node: PlanNode) => {
    if (node["Relation Name"] === relation) {
      const perLoop =
        node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0);
      found.push({ type: node["Node Type"], loops: node["Actual Loops"], rowsRead: perLoop * node["Actual Loops"] });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return found;
}
