import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

// scrypt with N=2^15 costs ~32 MiB and tens of milliseconds a try: slow for a guesser,
// fine for an admin signing in a few times a day.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * A LeanCloud `_User` password as exported: `salt` and `password` columns, kept as
 * `leancloud$<salt>$<password>` until the person's next login re-hashes it with scrypt.
 */
export function leancloudPasswordHash(salt: string, exported: string): string {
  return `leancloud$${salt}$${exported}`;
}

/**
 * LeanCloud's documented algorithm for exported `_User` passwords (控制台使用指南 ·
 * 导出用户数据的加密算法): SHA-512 over salt then password, then 512 more rounds of
 * SHA-512 over the previous digest, base64.
 */
export function leancloudDigest(salt: string, password: string): string {
  let value = crypto.createHash('sha512').update(salt).update(password).digest();
  for (let i = 0; i < 512; i += 1) value = crypto.createHash('sha512').update(value).digest();
  return value.toString('base64');
}

/** Whether a stored hash is of a scheme we only accept until the next successful login. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith('scrypt$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('leancloud$')) {
    const [, salt, exported] = stored.split('$');
    if (!salt || !exported) return false;
    const expected = Buffer.from(exported);
    const actual = Buffer.from(leancloudDigest(salt, password));
    return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  }
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}
