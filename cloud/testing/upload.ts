import crypto from 'node:crypto';
import type { Client, TestLinli } from './linli';

/** A signed upload to the test host's /api/uploads as the client, the way the mini-program sends one. */
export async function uploadAs(linli: TestLinli, client: Pick<Client, 'token'>, bytes: Buffer, type = 'image/jpeg') {
  const ts = String(Date.now());
  const response = await fetch(`${linli.url}/api/uploads`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-lc-id': linli.config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
      'x-lc-session': client.token!,
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as { result?: { id: string }; code?: number } };
}
