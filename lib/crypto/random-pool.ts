import { randomFillSync } from "node:crypto";

// Random bytes for ids and trace ids, drawn from the operating system's CSPRNG 4 KB at a time.
// The dispatcher draws three times per delivery (the request id, the attempt id, the
// traceparent); one `randomBytes` call each was a tenth of its busy time in bench scenario 1's CPU
// profile, nearly all of it the call and its buffer rather than the bytes. Node's own
// crypto.randomUUID() keeps a pool the same way. Keys, secrets and tokens call randomBytes
// themselves: their bytes never sit in a shared buffer.

const POOL_BYTES = 4_096;
const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;

/**
 * `size` fresh random bytes (at most 4,096), never handed out before: a view into the pool, valid
 * until the next call, so read it at once (or copy it).
 */
export function randomView(size: number): Buffer {
  if (!Number.isInteger(size) || size < 1 || size > POOL_BYTES) throw new RangeError(`size ${size} is not 1…4096`);
  if (next + size > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const view = pool.subarray(next, next + size);
  next += size;
  return view;
}
