import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../db/client";
import type { OperationalEventType } from "./types";

// Email for the same operational events, to the org's admins, when NOVAVMS_SMTP_URL is set. The
// transport is built once per process (startWorker configures it); without it nothing is sent.

type EmailSettings = { transport: Transporter; from: string; consoleUrl: string };

const holder = globalThis as unknown as { novavmsAlertEmail?: EmailSettings | null };

export function configureAlertEmail(settings: { smtpUrl: string; from: string; consoleUrl: string } | null): void {
  holder.novavmsAlertEmail = settings
    ? { transport: nodemailer.createTransport(settings.smtpUrl), from: settings.from, consoleUrl: settings.consoleUrl }
    : null;
}

const SUBJECTS: Record<OperationalEventType, (data: Record<string, unknown>) => string> = {
  "endpoint.disabled": (data) => `Webhook disabled: ${data.url}`,
  "delivery.exhausted": (data) => `${data.count} deliveries to ${data.url} failed`,
  "recovery.completed": (data) => `Recovery completed: ${data.succeeded} of ${data.total} delivered`,
  "endpoint.certificate_expiring": (data) =>
    Number(data.days_left) < 0
      ? `The certificate of ${data.host} has expired`
      : `The certificate of ${data.host} expires in ${data.days_left} days`,
};

/** Emails the org's admins about an operational event; errors are the caller's to log. */
export async function emailAdmins(
  db: Db,
  orgId: string,
  type: OperationalEventType,
  data: Record<string, unknown>,
): Promise<boolean> {
  const settings = holder.novavmsAlertEmail;
  if (!settings) return false;
  const admins = await db.prisma.user.findMany({ where: { orgId, role: "admin" }, select: { email: true } });
  if (admins.length === 0) return false;
  const link = `${settings.consoleUrl}/webhooks/${String(data.webhook_id ?? "")}`;
  await settings.transport.sendMail({
    from: settings.from,
    to: admins.map((admin) => admin.email),
    subject: `NovaVMS: ${SUBJECTS[type](data)}`,
    text: [
      SUBJECTS[type](data),
      "",
      ...Object.entries(data).map(
        ([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
      ),
      "",
      `What happened and what to do: ${link}`,
      `Why deliveries fail: ${settings.consoleUrl}/docs/troubleshooting`,
    ].join("\n"),
  });
  return true;
}
