import net from "node:net";

export class PortInUseError extends Error {
  constructor(port: number) {
    super(`PORT ${port} is already in use: stop what is using it or set PORT to another port`);
    this.name = "PortInUseError";
  }
}

export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}
