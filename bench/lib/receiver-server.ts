// Child process: the loopback receivers (receiver-core.ts) out of the process under test, so that
// their CPU is not charged to it. Answers the parent's commands over IPC.
import { createReceiverCore } from "./receiver-core";
import type { ReceiverCommand } from "./receivers";

const core = createReceiverCore();

process.on("message", async (message: ReceiverCommand) => {
  switch (message.cmd) {
    case "start":
      return process.send!({ ports: await core.start(message.endpoints) });
    case "counts":
      return process.send!(core.counts());
    case "arrivals":
      return process.send!({ arrivals: core.takeArrivals() });
    case "reset":
      core.reset(message.recordArrivals ?? false);
      return process.send!({ ok: true });
  }
});
process.once("disconnect", () => process.exit(0));
process.send!({ ready: true });
