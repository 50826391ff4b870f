import type { SecureContext } from "node:tls";
import type { Prisma } from "@prisma/client";
import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { recordCertificate } from "../cert-watch/record-certificate";
import type { Config } from "../config";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { loadValidSecrets } from "../signing/valid-secrets";
import type { Resolver } from "../transport/ssrf";
import { createTrustContext, loadTrustedCertificates } from "../transport/trusted-cas";
import { validateWebhookUrl } from "../transport/validate-url";
import { failedStep } from "./advice";
import { checkConnection } from "./connect-steps";
import { checkDns } from "./dns-step";
import { judgeHttp } from "./http-step";
import { sendOneOffEvent } from "./send-one-off";
import { skipped, verdictOf, type CheckResult, type CheckStep } from "./types";

export const CHECK_EVENT_TYPE = "webhook.test";

/** The app context (its `send` makes the HTTP step a real attempt), and what tests may replace. */
export type CheckDeps = Pick<AppContext, "db" | "cipher" | "send" | "now"> & {
  config: Pick<Config, "deliveryTimeoutMs" | "allowPrivateNetworks" | "certWarningDays">;
  /** The resolver; the operating system's unless given. */
  resolve?: Resolver;
  /** The delivery trust store; read from the environment (SSL_CERT_FILE, …) unless given. */
  secureContext?: SecureContext;
};

/**
 * Check endpoint: the steps of one delivery run one by one and timed (DNS, TCP, TLS, then a
 * signed webhook.test event recorded with trigger `check`), each judged with the cause and the
 * fix of the troubleshooting article. Kept as the webhook's last check.
 */
export async function checkEndpoint(
  deps: CheckDeps,
  caller: Caller,
  request: { webhookId: string },
): Promise<CheckResult> {
  const { orgId } = authorize(caller, "webhook.check");
  const input = { ...request, orgId, actor: caller };
  const now = deps.now();
  const webhook = await deps.db.prisma.webhook.findFirst({
    where: { id: input.webhookId, orgId: input.orgId },
    select: { id: true, url: true },
  });
  if (!webhook) throw new NotFoundError("Webhook");
  const secrets = await loadValidSecrets(deps.db, deps.cipher, orgId, webhook.id, now);
  if (secrets.length === 0) throw new NotFoundError("Webhook");

  const steps: CheckStep[] = [];
  const checked = validateWebhookUrl(webhook.url);
  let result: CheckResult;
  if (!checked.ok) {
    steps.push(
      failedStep({ name: "dns", duration_ms: 0, detail: { url: webhook.url } }, "destination_blocked", checked.message),
    );
    steps.push(skipped("tcp"), skipped("tls"), skipped("http"));
    result = { checked_at: now.toISOString(), url: webhook.url, verdict: "failing", steps };
  } else {
    result = await runSteps(deps, { orgId: input.orgId, webhookId: webhook.id, url: checked.url, secrets, now });
  }

  await deps.db.prisma.$transaction(async (tx) => {
    await tx.webhook.updateMany({
      where: { id: webhook.id, orgId: input.orgId },
      data: { lastCheck: result as unknown as Prisma.InputJsonObject },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "webhook.check",
      targetType: "webhook",
      targetId: webhook.id,
      details: { verdict: result.verdict, request_id: result.request_id ?? null },
    });
  });
  return result;
}

async function runSteps(
  deps: CheckDeps,
  input: { orgId: string; webhookId: string; url: string; secrets: string[]; now: Date },
): Promise<CheckResult> {
  const url = new URL(input.url);
  const https = url.protocol === "https:";
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  const steps: CheckStep[] = [];
  const finish = (extra: Partial<CheckResult> = {}): CheckResult => ({
    checked_at: input.now.toISOString(),
    url: input.url,
    verdict: verdictOf(steps),
    steps,
    ...extra,
  });

  const timeoutMs = deps.config.deliveryTimeoutMs;
  const dns = await checkDns(url.hostname, {
    resolve: deps.resolve,
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    timeoutMs,
    port,
  });
  steps.push(dns.step);
  if (!dns.address) {
    steps.push(skipped("tcp"), skipped("tls"), skipped("http"));
    return finish();
  }

  const connection = await checkConnection(
    { hostname: url.hostname, address: dns.address, port, https },
    {
      timeoutMs,
      secureContext: deps.secureContext ?? createTrustContext(loadTrustedCertificates()),
      certWarningDays: deps.config.certWarningDays,
      now: input.now,
    },
  );
  const noTls = { ...skipped("tls"), detail: { note: "The URL is http://: no TLS." } };
  steps.push(connection.tcp, connection.tls ?? (https ? skipped("tls") : noTls));
  if (connection.certificate) {
    await recordCertificate(deps.db, { ...input, certificate: connection.certificate });
  }
  if (steps.some((step) => step.status === "failed")) {
    steps.push(skipped("http"));
    return finish();
  }

  const sent = await sendOneOffEvent(deps, {
    orgId: input.orgId,
    webhookId: input.webhookId,
    url: input.url,
    type: CHECK_EVENT_TYPE,
    data: { message: "Check endpoint: a test event sent from NovaVMS to diagnose this endpoint." },
    secrets: input.secrets,
    trigger: "check",
  });
  steps.push(judgeHttp(sent, { timeoutMs, warnAfterMs: timeoutMs / 2 }));
  return finish({
    ...(sent.attemptId ? { attempt_id: sent.attemptId } : {}),
    request_id: sent.requestId,
    delivery_id: sent.deliveryId,
  });
}
