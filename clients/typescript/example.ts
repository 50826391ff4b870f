import { createNovaVmsClient } from "./client";

// A producer's use of the client: send an event, then follow its delivery.
//   NOVAVMS_URL=http://localhost:3000 NOVAVMS_API_TOKEN=… npx tsx clients/typescript/example.ts

async function main() {
  const client = createNovaVmsClient({
    baseUrl: process.env.NOVAVMS_URL ?? "http://localhost:3000",
    token: process.env.NOVAVMS_API_TOKEN ?? "",
  });

  const sent = await client.POST("/events", {
    body: { type: "camera.offline", data: { camera_id: "cam_lobby_01" }, idempotency_key: "cam_lobby_01-offline-1" },
  });
  if (sent.error) throw new Error(`${sent.error.error.code}: ${sent.error.error.message}`);
  console.log(`event ${sent.data.id}: ${sent.data.deliveries.length} deliveries`);

  for (const { id } of sent.data.deliveries) {
    const { data, error } = await client.GET("/deliveries/{id}", { params: { path: { id } } });
    if (error) throw new Error(error.error.message);
    console.log(`${data.id} → ${data.webhook_id}: ${data.status}, ${data.attempt_count} attempts`);
  }

  const failed = await client.GET("/deliveries", { params: { query: { status: "failed", limit: 10 } } });
  for (const delivery of failed.data?.data ?? []) {
    const replayed = await client.POST("/deliveries/{id}/replay", { params: { path: { id: delivery.id } } });
    console.log(`replayed ${delivery.id}: ${replayed.data?.response_status ?? replayed.data?.reason}`);
  }
}

void main();
