import type { Cipher } from "../crypto/encryption";

// Bounds the cache: far above any real number of valid secrets, small in memory.
const MAX_ENTRIES = 10_000;

/**
 * Decrypts signing secrets as claimed (encrypted, newest first), remembering each ciphertext's
 * plaintext: the claim query reads the valid secrets fresh every time, so a rotation still takes
 * effect on the next attempt, while AES-GCM runs once per secret instead of once per delivery.
 */
export function createSecretCache(cipher: Cipher) {
  const plain = new Map<string, string>();
  return {
    decrypt(encrypted: string[]): string[] {
      return encrypted.map((stored) => {
        let secret = plain.get(stored);
        if (secret === undefined) {
          if (plain.size >= MAX_ENTRIES) plain.clear();
          secret = cipher.decrypt(stored);
          plain.set(stored, secret);
        }
        return secret;
      });
    },
  };
}
