// Child process: the embedded database the way `npm start` runs it, in a process of its own,
// files in a data directory, served on loopback. Sends its URL to the parent over IPC.
import { startEmbeddedDatabase } from "../../lib/db/embedded";

async function main() {
  const dataDir = process.argv[2];
  const db = await startEmbeddedDatabase({ dataDir, maxConnections: 200 });
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("disconnect", () => void stop());
  process.send?.({ url: db.url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
