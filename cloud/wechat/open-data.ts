import crypto from 'node:crypto';

/** Why encrypted open data could not be read. */
export class OpenDataError extends Error {}

/**
 * WeChat's 加密数据解密算法: AES-128-CBC, key = Base64_Decode(session_key) (16 bytes),
 * iv = Base64_Decode(iv), PKCS#7 padding; the plain text is JSON with a `watermark` of the
 * mini-program's appid and the time WeChat produced it. Data for another app, or older than
 * `maxAgeSeconds`, is refused.
 */
export function decryptOpenData(
  sessionKey: string,
  encryptedData: string,
  iv: string,
  check: { appId: string; now: Date; maxAgeSeconds: number },
): Record<string, unknown> {
  const key = Buffer.from(sessionKey, 'base64');
  const ivBytes = Buffer.from(iv, 'base64');
  if (key.length !== 16 || ivBytes.length !== 16) throw new OpenDataError('bad key or iv');
  let plain: string;
  try {
    const decipher = crypto.createDecipheriv('aes-128-cbc', key, ivBytes);
    plain = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new OpenDataError('cannot decrypt');
  }
  let data: { watermark?: { appid?: unknown; timestamp?: unknown } } & Record<string, unknown>;
  try {
    data = JSON.parse(plain) as typeof data;
  } catch {
    throw new OpenDataError('not JSON');
  }
  if (data.watermark?.appid !== check.appId) throw new OpenDataError('watermark appid mismatch');
  const stamped = Number(data.watermark.timestamp);
  if (!Number.isFinite(stamped) || Math.abs(check.now.getTime() / 1000 - stamped) > check.maxAgeSeconds) {
    throw new OpenDataError('watermark too old');
  }
  return data;
}
