// Time-ordered UUIDs (RFC 9562 version 7) for rows an import creates. Consecutive ids land on the
// same B-tree pages, so inserting 100,000 rows and checking their foreign keys touches far fewer
// pages than random (version 4) ids do. Still opaque: the time is to the millisecond only.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
let pool = randomBytes(0);
let offset = 0;

export function orderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    // Same millisecond (or a clock step back): count on, borrowing the next millisecond when full.
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  if (offset + 8 > pool.length) {
    pool = randomBytes(8 * 4096);
    offset = 0;
  }
  const random = pool.subarray(offset, (offset += 8));
  random[0] = (random[0] & 0x3f) | 0x80; // variant 10
  const hex = random.toString('hex');
  const time = ms.toString(16).padStart(12, '0');
  const seq = counter.toString(16).padStart(3, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${seq}-${hex.slice(0, 4)}-${hex.slice(4)}`;
}
