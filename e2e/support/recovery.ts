import { connectDatabase } from "../../lib/db/client";
import { E2E_DATABASE_URL } from "../../playwright.config";

// The app's database, for what a recovery journey checks behind the UI.

export async function failedDeliveries(webhookId: string): Promise<number> {
  return query((db) => db.prisma.delivery.count({ where: { webhookId, status: "failed" } }));
}

export async function recoveryAttempts(webhookId: string): Promise<number> {
  return query((db) => db.prisma.deliveryAttempt.count({ where: { webhookId, trigger: "recovery" } }));
}

export async function latestRecovery(webhookId: string) {
  return query((db) => db.prisma.recovery.findFirst({ where: { webhookId }, orderBy: { createdAt: "desc" } }));
}

async function query<T>(fn: (db: ReturnType<typeof connectDatabase>) => Promise<T>): Promise<T> {
  const db = connectDatabase(E2E_DATABASE_URL, { poolSize: 1 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
