import { randomView } from "./crypto/random-pool";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/**
 * `<prefix>_<26 chars>`: 48 bits of milliseconds then 80 random bits, so ids sort by creation
 * time (a tie-breaker for newest-first lists, and friendly to B-tree indexes).
 */
export function newId(prefix: string, now = Date.now()): string {
  const random = randomView(16);
  let rest = "";
  for (let i = 0; i < 16; i++) rest += ALPHABET[random[i] % 32];
  return `${idTimePrefix(prefix, now)}${rest}`;
}

/**
 * `<prefix>_<10 time chars>`: the first part of an id, for ids completed with 16 random characters
 * elsewhere (hex digits are Crockford base32 digits too, so SQL's md5() can supply them).
 */
export function idTimePrefix(prefix: string, now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}`;
}
