import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import S3rver from 's3rver';

/**
 * A local S3-compatible server for tests and `npm run cluster`: s3rver (from npm) behind a
 * thin door that refuses what S3 refuses and s3rver lets through, where our code depends on
 * it. s3rver does not check V4 signatures at all and serves anonymous requests; S3 (and
 * MinIO, COS) answer 403 InvalidAccessKeyId, SignatureDoesNotMatch or AccessDenied. Missing
 * keys (NoSuchKey), missing buckets (NoSuchBucket) and listing are s3rver's own answers.
 */
export interface LocalS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  directory: string;
  close(): Promise<void>;
}

class NodeSha256 {
  private readonly hash: crypto.Hash | crypto.Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? crypto.createHmac('sha256', toBytes(secret)) : crypto.createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

function s3Error(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export async function startLocalS3(options: { directory?: string; port?: number; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<LocalS3> {
  const directory = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'linli-s3-'));
  const accessKeyId = options.accessKeyId ?? 'linli-test';
  const secretAccessKey = options.secretAccessKey ?? 'linli-test-secret';
  const region = 'us-east-1';
  const inner = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: true, vhostBuckets: false });
  const innerAddress = (await inner.run()) as AddressInfo;
  const signer = new SignatureV4({ service: 's3', region, credentials: { accessKeyId, secretAccessKey }, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });

  const door = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', 'http://local');
        const auth = AUTH.exec(String(req.headers.authorization ?? ''));
        // Our code only signs in headers; a presigned query or no signature at all is refused.
        if (!auth) return s3Error(res, 403, 'AccessDenied', 'Access Denied');
        const [, keyId, , signedRegion, signedHeaders, signature] = auth;
        if (keyId !== accessKeyId) return s3Error(res, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
        const amzDate = String(req.headers['x-amz-date'] ?? '');
        const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
        if (!when || signedRegion !== region) return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
        const signingDate = new Date(Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!));
        if (Math.abs(Date.now() - signingDate.getTime()) > 15 * 60_000) return s3Error(res, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
        const contentHash = String(req.headers['x-amz-content-sha256'] ?? '');
        if (contentHash !== 'UNSIGNED-PAYLOAD' && contentHash !== crypto.createHash('sha256').update(body).digest('hex')) {
          return s3Error(res, 400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.');
        }
        const headers: Record<string, string> = {};
        for (const name of signedHeaders!.split(';')) headers[name] = String(req.headers[name] ?? '');
        const query: Record<string, string> = {};
        url.searchParams.forEach((v, k) => (query[k] = v));
        const [host, port] = String(req.headers.host ?? '').split(':');
        const expected = await signer.sign(
          { method: req.method ?? 'GET', protocol: 'http:', hostname: host ?? '', port: port ? Number(port) : undefined, path: url.pathname, query, headers, body } as never,
          { signingDate, signingRegion: region },
        );
        const given = String((expected as unknown as { headers: Record<string, string> }).headers.authorization ?? '');
        if (!given.endsWith(`Signature=${signature}`)) {
          return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
        }
        // Checked here; s3rver knows only its own dummy account, so it gets the request unsigned.
        const { authorization: _checked, ...forwarded } = req.headers;
        const forward = http.request(
          { host: '127.0.0.1', port: innerAddress.port, method: req.method, path: req.url, headers: { ...forwarded, 'content-length': String(body.length) } },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
          },
        );
        forward.on('error', () => s3Error(res, 503, 'ServiceUnavailable', 'Please reduce your request rate.'));
        forward.end(body);
      })().catch(() => s3Error(res, 500, 'InternalError', 'We encountered an internal error.'));
    });
  });
  await new Promise<void>((resolve) => door.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (door.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId,
    secretAccessKey,
    region,
    directory,
    async close() {
      await new Promise<void>((resolve) => door.close(() => resolve()));
      door.closeAllConnections();
      await inner.close();
    },
  };
}

/** Makes a bucket on an S3-compatible server (a test file's own, or the cluster's). */
export async function createBucket(s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string }, bucket: string): Promise<void> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou' && (error as { name?: string }).name !== 'BucketAlreadyExists') throw error;
  } finally {
    client.destroy();
  }
}
