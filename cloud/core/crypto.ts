import crypto from 'node:crypto';

/**
 * Personal data at rest (PIPL): phone and ID-card numbers are stored as AES-256-GCM
 * ciphertext, with a keyed hash beside them for look-ups. Both keys come from the one
 * data key in configuration.
 */
export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Stable keyed hash of a value, for finding rows by it; not reversible. */
  blindIndex(plain: string): string;
}

export function createDataCipher(dataKey: string): DataCipher {
  const master = Buffer.from(dataKey, 'base64');
  if (master.length < 32) throw new Error('数据加密密钥需为至少32字节的 base64');
  const encKey = crypto.createHmac('sha256', master).update('linli:encrypt').digest();
  const indexKey = crypto.createHmac('sha256', master).update('linli:index').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed.replace(/^v1:/, ''), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sha256', indexKey).update(plain).digest('base64url');
    },
  };
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

// Ids come from a pool of random bytes refilled 4 KiB at a time, not a call into the
// system's random source per id (ids are unguessable all the same: 52 random bits after the
// millisecond; tokens, which are secrets, still take fresh bytes each).
const ID_POOL = Buffer.alloc(4096);
let idPoolAt = ID_POOL.length;

/**
 * 24 hex characters, the shape of a LeanCloud objectId, led like one by the time it was made:
 * 11 hex digits of Unix milliseconds, then 13 of random. So the rows written together sit
 * together at the end of every index on an id (the primary keys of registrations, bookings,
 * petitions, outbox messages…) instead of each on a random page: a commit of 14 sign-ups wrote
 * 149 pages instead of 197 (`bench/write-pages.ts`; docs/benchmarks.md, s5-writes).
 */
export function newId(): string {
  if (idPoolAt + 7 > ID_POOL.length) {
    crypto.randomFillSync(ID_POOL);
    idPoolAt = 0;
  }
  idPoolAt += 7;
  return Date.now().toString(16).padStart(11, '0') + ID_POOL.toString('hex', idPoolAt - 7, idPoolAt).slice(1);
}

const BYTE_POOL = Buffer.alloc(4096);
let bytePoolAt = BYTE_POOL.length;

/**
 * `n` random bytes (n ≤ 4096) from the same CSPRNG as `crypto.randomBytes`, drawn 4 KB at a
 * time: each byte is handed out once. For the small random parts of rows written on every
 * request (a sign-up's check-in code), where a system call each cost more than the rest of
 * making it; tokens, which are secrets, still take fresh bytes each (`newToken`).
 */
export function pooledRandomBytes(n: number): Buffer {
  if (bytePoolAt + n > BYTE_POOL.length) {
    crypto.randomFillSync(BYTE_POOL);
    bytePoolAt = 0;
  }
  bytePoolAt += n;
  return Buffer.from(BYTE_POOL.subarray(bytePoolAt - n, bytePoolAt));
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
