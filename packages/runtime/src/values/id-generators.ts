import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Client-side defaults, generated as Prisma Client generates them: uuid() (v4, or v7), cuid()
 * (v1 format, or cuid2 with cuid(2)), ulid() and nanoid(n). Cryptographic randomness throughout.
 */
export function uuidV4(): string {
  return randomUUID();
}

/** RFC 9562 UUIDv7: 48-bit millisecond timestamp, then random bits; sorts by creation time. */
export function uuidV7(): string {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
let cuidCounter = Math.floor(Math.random() * 1679616);
const fingerprint = randomBytes(4).readUInt32BE(0).toString(36).padStart(4, '0').slice(-4);

function randomBase36(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE36[bytes[i]! % 36];
  return out;
}

/** cuid v1 layout: "c" + timestamp + counter + fingerprint + random, 25 characters. */
export function cuid(): string {
  cuidCounter = (cuidCounter + 1) % 1679616;
  return 'c' + Date.now().toString(36).padStart(8, '0').slice(-8) + cuidCounter.toString(36).padStart(4, '0') + fingerprint + randomBase36(8);
}

/** cuid2-style id: a letter then 23 random base-36 characters. */
export function cuid2(): string {
  return BASE36[10 + (randomBytes(1)[0]! % 26)]! + randomBase36(23);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID: 10 characters of millisecond time, 16 of randomness, Crockford base 32. */
export function ulid(): string {
  let t = Date.now();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i]! % 32];
  return time + rand;
}

const NANO = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

export function nanoid(size = 21): string {
  const bytes = randomBytes(size);
  let out = '';
  for (let i = 0; i < size; i++) out += NANO[bytes[i]! & 63];
  return out;
}

/** The generator for a `generate` default of the runtime schema. */
export function defaultGenerator(fn: 'uuid' | 'cuid' | 'ulid' | 'nanoid' | 'now', args: readonly (string | number)[]): () => unknown {
  switch (fn) {
    case 'uuid':
      return args[0] === 7 ? uuidV7 : uuidV4;
    case 'cuid':
      return args[0] === 2 ? cuid2 : cuid;
    case 'ulid':
      return ulid;
    case 'nanoid': {
      const n = typeof args[0] === 'number' ? args[0] : 21;
      return () => nanoid(n);
    }
    case 'now':
      return () => new Date();
  }
}
