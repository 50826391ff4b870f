import { execFileSync, spawnSync } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPayload } from "../signing/sign";
import { deliveryFigures, withFigures } from "../failures/figures";
import { NODE_EXPRESS, NODE_VERIFY, PYTHON_FLASK, PYTHON_VERIFY, STANDARD_WEBHOOKS_VERIFY } from "./signing-snippets";

// Runs the documented code for real, against signatures computed from the delivery contract
// (design: X-NovaVMS-Signature keyed with the secret string's UTF-8 bytes; Standard Webhooks keyed
// with the base64-decoded part after whsec_).

// Inside the project so that `import "standardwebhooks"` resolves from node_modules.
const dir = path.join(process.cwd(), "node_modules", ".cache", `novavms-docs-${process.pid}`);
const secret = `whsec_${randomBytes(32).toString("base64")}`;
const oldSecret = `whsec_${randomBytes(32).toString("base64")}`;
const body = Buffer.from(
  '{"id":"evt_1","type":"camera.offline","created_at":"2026-11-01T10:00:00Z","data":{"camera":"Lobby ✓"}}',
);

const novaSignature = (key: string, data: Buffer) => `sha256=${createHmac("sha256", key).update(data).digest("hex")}`;
function standardSignature(key: string, id: string, timestamp: string, data: Buffer) {
  const bytes = Buffer.from(key.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", bytes).update(`${id}.${timestamp}.`).update(data).digest("base64")}`;
}

beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "body.bin"), body);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runNode(snippet: string, call: string, env: Record<string, string> = {}): string {
  const file = path.join(dir, `check-${randomBytes(4).toString("hex")}.mjs`);
  fs.writeFileSync(
    file,
    `${snippet}\nconst rawBody = (await import("node:fs")).readFileSync(${JSON.stringify(path.join(dir, "body.bin"))});\nconsole.log(JSON.stringify(${call}));\n`,
  );
  return execFileSync(process.execPath, [file], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}

describe("the Node.js snippet for X-NovaVMS-Signature", () => {
  const verify = (header: string, key = secret, bodyExpr = "rawBody") =>
    JSON.parse(
      runNode(NODE_VERIFY, `verifyNovaVmsSignature(${JSON.stringify(key)}, ${bodyExpr}, ${JSON.stringify(header)})`),
    );

  it("accepts the signature of the raw body, alone and during a rotation (newest first)", () => {
    expect(verify(novaSignature(secret, body))).toBe(true);
    expect(verify(`${novaSignature(secret, body)},${novaSignature(oldSecret, body)}`, oldSecret)).toBe(true);
  });

  it("rejects a wrong secret, a tampered body, a re-serialised body and an empty header", () => {
    expect(verify(novaSignature(oldSecret, body))).toBe(false);
    expect(verify(novaSignature(secret, body), secret, `Buffer.concat([rawBody, Buffer.from(" ")])`)).toBe(false);
    expect(
      verify(novaSignature(secret, body), secret, `Buffer.from(JSON.stringify(JSON.parse(rawBody), null, 2))`),
    ).toBe(false);
    expect(verify("")).toBe(false);
  });
});

// The receiver's machine is the one that needs Python. CI installs it (.ci/run) and fails here
// without it; elsewhere the Python checks are skipped, under a name that says why.
const hasPython = spawnSync("python3", ["--version"]).status === 0;
const runPython = hasPython || process.env.CI === "true";
const pythonTitle = (title: string) => (runPython ? title : `${title} (skipped: python3 is not installed)`);

function verifyWithPython(header: string, key = secret): boolean {
  if (!hasPython) throw new Error("python3 is not installed: CI must run the Python snippet (see .ci/run)");
  const file = path.join(dir, `check_${randomBytes(4).toString("hex")}.py`);
  fs.writeFileSync(
    file,
    `${PYTHON_VERIFY}\nimport sys\nraw = open(${JSON.stringify(path.join(dir, "body.bin"))}, "rb").read()\nprint("true" if verify_novavms_signature(sys.argv[1], raw, sys.argv[2]) else "false")\n`,
  );
  return execFileSync("python3", [file, key, header], { encoding: "utf8" }).trim() === "true";
}

describe.runIf(runPython)(pythonTitle("the Python snippet for X-NovaVMS-Signature"), () => {
  const verify = verifyWithPython;

  it("accepts the right signature (also second in a rotation) and rejects others", () => {
    expect(verify(novaSignature(secret, body))).toBe(true);
    expect(verify(`${novaSignature(secret, body)}, ${novaSignature(oldSecret, body)}`, oldSecret)).toBe(true);
    expect(verify(novaSignature(oldSecret, body))).toBe(false);
    expect(verify("sha256=ünïcode")).toBe(false);
  });
});

describe("the standardwebhooks snippet", () => {
  function verify(headers: Record<string, string>): string {
    return runNode(
      STANDARD_WEBHOOKS_VERIFY,
      `(() => { try { return verifyStandardWebhook(rawBody, ${JSON.stringify(headers)}).type } catch (e) { return e.message } })()`,
      {
        NOVAVMS_WEBHOOK_SECRET: secret,
      },
    );
  }
  const now = String(Math.floor(Date.now() / 1000));

  it("verifies webhook-signature, with several space-separated signatures during a rotation", () => {
    const signature = `${standardSignature(oldSecret, "dlv_1", now, body)} ${standardSignature(secret, "dlv_1", now, body)}`;
    expect(
      JSON.parse(verify({ "webhook-id": "dlv_1", "webhook-timestamp": now, "webhook-signature": signature })),
    ).toBe("camera.offline");
  });

  it("rejects a wrong signature and a replay with an old timestamp", () => {
    const old = String(Number(now) - 3600);
    expect(
      verify({
        "webhook-id": "dlv_1",
        "webhook-timestamp": now,
        "webhook-signature": standardSignature(oldSecret, "dlv_1", now, body),
      }),
    ).toContain("No matching signature");
    expect(
      verify({
        "webhook-id": "dlv_1",
        "webhook-timestamp": old,
        "webhook-signature": standardSignature(secret, "dlv_1", old, body),
      }),
    ).toContain("too old");
  });
});

describe("the snippets against the headers the dispatcher really sends", () => {
  const rotation = () =>
    signPayload({ secrets: [secret, oldSecret], body, messageId: "dlv_live", timestamp: new Date() });

  it.runIf(runPython)(
    pythonTitle("the Python snippet verifies signPayload's output in the middle of a rotation"),
    () => {
      const headers = rotation();
      for (const key of [secret, oldSecret]) expect(verifyWithPython(headers["X-NovaVMS-Signature"], key)).toBe(true);
      expect(verifyWithPython(rotation()["X-NovaVMS-Signature"], `whsec_${randomBytes(32).toString("base64")}`)).toBe(
        false,
      );
    },
  );

  it("the two Node.js snippets verify signPayload's output in the middle of a rotation", () => {
    const headers = rotation();
    for (const key of [secret, oldSecret]) {
      expect(
        JSON.parse(
          runNode(
            NODE_VERIFY,
            `verifyNovaVmsSignature(${JSON.stringify(key)}, rawBody, ${JSON.stringify(headers["X-NovaVMS-Signature"])})`,
          ),
        ),
      ).toBe(true);
      const standard = runNode(
        STANDARD_WEBHOOKS_VERIFY,
        `verifyStandardWebhook(rawBody, ${JSON.stringify(headers)}).type`,
        { NOVAVMS_WEBHOOK_SECRET: key },
      );
      expect(JSON.parse(standard)).toBe("camera.offline");
    }
  });
});

describe("the framework examples", () => {
  it("say the configured delivery timeout, not a fixed one", () => {
    const figures = deliveryFigures({ deliveryTimeoutMs: 3_000, retryScheduleMs: [60_000] });
    for (const snippet of [NODE_EXPRESS, PYTHON_FLASK]) {
      expect(snippet).toContain("{timeout}");
      const shown = withFigures(snippet, figures);
      expect(shown).toMatch(/[Aa]nswer within 3 seconds;/);
      expect(shown).not.toContain("{timeout}");
    }
  });
});
