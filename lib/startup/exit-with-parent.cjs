// Preloaded (`node --require`) into every child of `npm start`. When the supervisor goes away,
// even by SIGKILL, the IPC channel to it closes: the child then stops as if asked to (SIGTERM,
// so the worker finishes its attempts in flight), and is killed if that takes too long, rather
// than live on as an orphan holding the port or the database.
if (process.send) {
  process.once("disconnect", () => {
    setTimeout(() => process.exit(1), 15000).unref();
    process.kill(process.pid, "SIGTERM");
  });
}
