import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// Test-only: a real SMTP server on 127.0.0.1 that keeps every message it accepts, for the alert
// email tests (configureAlertEmail points nodemailer at `url`).

export type ReceivedMail = { to: string[]; data: string };

export type TestSmtpServer = { url: string; mails: ReceivedMail[]; close: () => Promise<void> };

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
