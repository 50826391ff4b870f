import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Secrets at rest (signing secrets, the org API token) are AES-256-GCM ciphertext:
// "v1.<iv>.<tag>.<ciphertext>", each part base64url.

export type Cipher = {
  encrypt: (plaintext: string) => string;
  decrypt: (stored: string) => string;
};

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error("the encryption key must be 32 bytes");
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    decrypt(stored) {
      const [version, iv, tag, data] = stored.split(".");
      if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not an encrypted value");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/**
 * The key from NOVAVMS_ENCRYPTION_KEY, else one generated once into the data directory. Several
 * machines sharing one PostgreSQL must all be given the same NOVAVMS_ENCRYPTION_KEY.
 */
export function loadEncryptionKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, "base64");
  const file = path.join(dataDir, "encryption.key");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
