// Test-only: a supervisor with two idle children, printing their pids, for tests that SIGKILL it.
import { createSupervisor } from "../startup/supervisor";

const supervisor = createSupervisor();
const idle = ["-e", "setInterval(() => {}, 1000)"];
const a = supervisor.start({ name: "a", args: idle, env: process.env });
const b = supervisor.start({ name: "b", args: idle, env: process.env });
console.log(JSON.stringify({ pids: [a.pid, b.pid] }));
