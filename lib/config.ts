import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./http/forwarded";
import { parseDuration } from "./parse-duration";

export { parseDuration };

// Every setting NovaVMS reads from the environment, validated once. A bad value stops the
// process with one line that names the variable (see formatConfigError).

const flag = z.enum(["0", "1", "true", "false", ""]).transform((v) => v === "1" || v === "true");

const durationList = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((p) => p.trim());
  const ms = parts.map(parseDuration);
  if (parts.length === 0 || ms.some((m) => m === null)) {
    ctx.addIssue({ code: "custom", message: `expected durations like "1m,5m,15m,1h,6h", got "${value}"` });
    return z.NEVER;
  }
  return ms as number[];
});

const durationOrZero = z.string().transform((value, ctx) => {
  const ms = value === "0" ? 0 : parseDuration(value);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: `expected a duration like "5d" or "12h", or 0 for never, got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

const postgresUrl = z.string().refine(isPostgresUrl, {
  message: "expected postgresql://user:password@host:port/database",
});

const port = z.coerce
  .number({ message: "expected a port number" })
  .int("expected a whole number")
  .min(0, "expected 0-65535")
  .max(65535, "expected 0-65535");

const variables = z.object({
  DATABASE_URL: postgresUrl.optional(),
  NOVAVMS_DATA_DIR: z.string().min(1).default(".data"),
  PORT: port.default(3000),
  NOVAVMS_ENCRYPTION_KEY: z
    .string()
    .refine((k) => Buffer.from(k, "base64").length === 32, "expected 32 bytes, base64-encoded")
    .optional(),
  NOVAVMS_ADMIN_EMAIL: z.email("expected an email address").optional(),
  NOVAVMS_ADMIN_PASSWORD: z.string().min(8, "expected at least 8 characters").optional(),
  NOVAVMS_API_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_\-]{24,128}$/, "expected 24-128 characters of A-Z, a-z, 0-9, _ or -")
    .optional(),
  NOVAVMS_OPERATOR_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_\-]{24,128}$/, "expected 24-128 characters of A-Z, a-z, 0-9, _ or -")
    .optional(),
  NOVAVMS_OPERATOR_EMAIL: z.email("expected an email address").optional(),
  NOVAVMS_OPERATOR_PASSWORD: z.string().min(8, "expected at least 8 characters").optional(),
  NOVAVMS_DEMO: flag.default(true),
  NOVAVMS_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The certificate expiry watch warns when an endpoint's certificate expires within this many days.
  NOVAVMS_CERT_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  NOVAVMS_RETRY_SCHEDULE: durationList.default([60_000, 300_000, 900_000, 3_600_000, 21_600_000]),
  NOVAVMS_ALLOW_PRIVATE_NETWORKS: flag.default(false),
  // The one exception to the SSRF guard: this server's own sandbox receiver, by exact loopback
  // origin (a literal address, so no DNS answer can redirect it) and the /api/sandbox/ path.
  NOVAVMS_SANDBOX_ORIGIN: z
    .string()
    .regex(/^http:\/\/(127\.0\.0\.1|\[::1\]):\d{1,5}$/, "expected http://127.0.0.1:<port>")
    .optional(),
  NOVAVMS_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "expected smtp://user:password@host:port or smtps://…")
    .optional(),
  NOVAVMS_SMTP_FROM: z.string().min(3).default("NovaVMS Webhooks <webhooks@novavms.local>"),
  NOVAVMS_AUTO_DISABLE_AFTER: durationOrZero.default(5 * 86_400_000),
  // Hanging endpoints hold up to NOVAVMS_WORKER_ENDPOINT_CONCURRENCY slots each for the whole
  // timeout: 256 leaves room for the healthy ones with ten endpoints hanging at 8 slots each
  // (64 did not: ten such endpoints took every slot). See the README's isolation benchmark.
  NOVAVMS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(256),
  NOVAVMS_WORKER_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(8),
  // Unset: all but a quarter of NOVAVMS_WORKER_CONCURRENCY (the dispatcher's default). Lower keeps
  // a quiet org's latency closer to its own while another drains a backlog, at that one's cost (bench scenario 11).
  NOVAVMS_WORKER_ORG_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).optional(),
  // Bulk recoveries run in slots of their own, so live deliveries keep all of theirs. Few: each
  // slot also takes database connections from the pool the dispatcher claims through, and 32 of
  // them held live deliveries back (bench scenario 8: live p99 1.8 s at 32, 0.5 s at 8).
  NOVAVMS_RECOVERY_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(8),
  NOVAVMS_WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(100),
  NOVAVMS_LEASE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  // /api/health answers 503 worker "stale" when no worker has claimed for this long (they beat every 10 s).
  NOVAVMS_WORKER_STALE_SECONDS: z.coerce.number().int().min(20).max(86_400).default(60),
  NOVAVMS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Off for a pooler in transaction mode that does not keep prepared statements per client.
  NOVAVMS_DB_NAMED_STATEMENTS: flag.default(true),
  NOVAVMS_MAX_EVENT_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).default(262_144),
  NOVAVMS_MAX_BATCH_BYTES: z.coerce.number().int().min(1_024).max(104_857_600).default(5_242_880),
  NOVAVMS_WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  NOVAVMS_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  NOVAVMS_METRICS_PORT: port.optional(),
  NOVAVMS_METRICS_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  NOVAVMS_RETENTION_DAYS: z.coerce.number().int().min(0).max(3_650).default(30),
  NOVAVMS_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "expected the console's URL, e.g. https://webhooks.example.com" })
    .optional(),
  NOVAVMS_TRUSTED_PROXIES: z
    .string()
    .refine(isProxyList, "expected IP addresses or CIDR ranges, comma-separated (e.g. 10.0.0.0/8, ::1)")
    .default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Each variable on its own, then what depends on two of them. */
const schema = variables.superRefine((env, ctx) => {
  const perOrg = env.NOVAVMS_WORKER_ORG_CONCURRENCY;
  if (perOrg !== undefined && perOrg > env.NOVAVMS_WORKER_CONCURRENCY)
    ctx.addIssue({
      code: "custom",
      path: ["NOVAVMS_WORKER_ORG_CONCURRENCY"],
      message: `${perOrg} is more than NOVAVMS_WORKER_CONCURRENCY (${env.NOVAVMS_WORKER_CONCURRENCY}), the slots a worker has`,
    });
});

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Unset and empty are the same for every variable, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(variable, `is invalid: ${issue.message}`);
  }
  return toConfig(parsed.data);
}

let cached: Config | undefined;

/** The configuration of this process, parsed on first use. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}

function toConfig(env: z.infer<typeof schema>) {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.NOVAVMS_DATA_DIR),
    port: env.PORT,
    encryptionKey: env.NOVAVMS_ENCRYPTION_KEY,
    adminEmail: env.NOVAVMS_ADMIN_EMAIL,
    adminPassword: env.NOVAVMS_ADMIN_PASSWORD,
    apiToken: env.NOVAVMS_API_TOKEN,
    operatorToken: env.NOVAVMS_OPERATOR_TOKEN,
    operatorEmail: env.NOVAVMS_OPERATOR_EMAIL,
    operatorPassword: env.NOVAVMS_OPERATOR_PASSWORD,
    demo: env.NOVAVMS_DEMO,
    deliveryTimeoutMs: env.NOVAVMS_DELIVERY_TIMEOUT_MS,
    retryScheduleMs: env.NOVAVMS_RETRY_SCHEDULE,
    certWarningDays: env.NOVAVMS_CERT_WARNING_DAYS,
    allowPrivateNetworks: env.NOVAVMS_ALLOW_PRIVATE_NETWORKS,
    sandboxOrigin: env.NOVAVMS_SANDBOX_ORIGIN ?? null,
    autoDisableAfterMs: env.NOVAVMS_AUTO_DISABLE_AFTER,
    smtpUrl: env.NOVAVMS_SMTP_URL ?? null,
    smtpFrom: env.NOVAVMS_SMTP_FROM,
    workerConcurrency: env.NOVAVMS_WORKER_CONCURRENCY,
    endpointConcurrency: env.NOVAVMS_WORKER_ENDPOINT_CONCURRENCY,
    /** Undefined: the dispatcher's default, all but a quarter of `workerConcurrency`. */
    orgConcurrency: env.NOVAVMS_WORKER_ORG_CONCURRENCY,
    batchSize: env.NOVAVMS_WORKER_BATCH_SIZE,
    recoveryConcurrency: env.NOVAVMS_RECOVERY_CONCURRENCY,
    leaseSeconds: env.NOVAVMS_LEASE_SECONDS,
    workerStaleSeconds: env.NOVAVMS_WORKER_STALE_SECONDS,
    dbPoolSize: env.NOVAVMS_DB_POOL_SIZE,
    dbNamedStatements: env.NOVAVMS_DB_NAMED_STATEMENTS,
    maxEventBytes: env.NOVAVMS_MAX_EVENT_BYTES,
    maxBatchBytes: env.NOVAVMS_MAX_BATCH_BYTES,
    webConcurrency: env.NOVAVMS_WEB_CONCURRENCY,
    sessionHours: env.NOVAVMS_SESSION_HOURS,
    logLevel: env.LOG_LEVEL,
    metricsPort: env.NOVAVMS_METRICS_PORT,
    metricsToken: env.NOVAVMS_METRICS_TOKEN,
    retentionDays: env.NOVAVMS_RETENTION_DAYS,
    publicUrl: env.NOVAVMS_PUBLIC_URL,
    trustedProxies: env.NOVAVMS_TRUSTED_PROXIES,
  };
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function isProxyList(value: string): boolean {
  try {
    parseTrustedProxies(value);
    return true;
  } catch {
    return false;
  }
}
