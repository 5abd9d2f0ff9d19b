import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../config';

/**
 * Where stored files (residents' photos, Excel exports) live. Two implementations behind
 * one interface, chosen in one place (`openObjectStore`), as the database dialect is:
 * a local folder for the embedded default, an S3-compatible bucket (MinIO, Tencent COS,
 * AWS) for several hosts. Keys are relative paths such as `2026-03/<id>.jpg`.
 *
 * Files are served by the host (`GET /api/files/:id`) behind the host's own signed link,
 * never straight from the bucket: the bucket stays private, the link a resident gets is
 * checked and expires the same way on both, and the mini-program needs only the host's
 * domain on its download list.
 */
export interface ObjectStore {
  kind: 'local' | 's3';
  /** Where it is, without secrets. */
  description: string;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream; `ObjectNotFound` when there is no such key. */
  get(key: string): Promise<{ body: Readable; size: number }>;
  getBytes(key: string): Promise<Buffer>;
  /** Removes the object; a missing key is not an error (S3 answers 204 for it too). */
  delete(key: string): Promise<void>;
  /** Every key under a prefix, for backups. */
  list(prefix?: string): AsyncIterable<string>;
  /** Throws when the store cannot be reached (readiness). */
  check(): Promise<void>;
  close(): void;
}

export class ObjectNotFound extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
  }
}

/** The one place that decides where files live: an S3 bucket when configured, else the folder. */
export function openObjectStore(config: Pick<Config, 's3' | 'uploadDir'>): ObjectStore {
  return config.s3 ? s3Store(config.s3) : localStore(config.uploadDir);
}

/** Keys come from our own code, but a slip must never reach outside the store. */
function checkKey(key: string): string {
  if (!key || key.startsWith('/') || key.includes('\\') || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new Error(`bad object key: ${key}`);
  }
  return key;
}

export function localStore(dir: string): ObjectStore {
  const root = path.resolve(dir);
  const fileOf = (key: string) => path.join(root, checkKey(key));
  return {
    kind: 'local',
    description: root,
    async put(key, body) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await fsp.writeFile(temp, body);
      await fsp.rename(temp, file);
    },
    async get(key) {
      const file = fileOf(key);
      const stat = await fsp.stat(file).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new ObjectNotFound(key) : error;
      });
      return { body: fs.createReadStream(file), size: stat.size };
    },
    async getBytes(key) {
      return fsp.readFile(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new ObjectNotFound(key) : error;
      });
    },
    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
    async *list(prefix = '') {
      const walk = async function* (dir: string): AsyncGenerator<string> {
        const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) yield* walk(full);
          else if (entry.isFile() && !entry.name.endsWith('.tmp')) yield path.relative(root, full).split(path.sep).join('/');
        }
      };
      for await (const key of walk(root)) if (key.startsWith(prefix)) yield key;
    },
    async check() {
      await fsp.mkdir(root, { recursive: true });
      await fsp.access(root, fs.constants.W_OK);
    },
    close() {},
  };
}

export function s3Store(s3: S3Config): ObjectStore {
  // The SDK (~0.45 s to load) is loaded with the first file operation, not at the host's start.
  let sdk: Promise<S3Sdk> | null = null;
  let made: S3Client | null = null;
  const connect = async () => {
    sdk ??= import('@aws-sdk/client-s3');
    const { S3Client } = await sdk;
    made ??= new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle,
      credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
      // MinIO, COS and older gateways do not all take the SDK's newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
    return { client: made, ...(await sdk) };
  };
  const Bucket = s3.bucket;
  const keyOf = (key: string) => s3.prefix + checkKey(key);
  const notFound = (key: string, S3ServiceException: S3Sdk['S3ServiceException']) => (error: unknown) => {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) throw new ObjectNotFound(key);
    throw error;
  };
  const get = async (key: string) => {
    const { client, GetObjectCommand, S3ServiceException } = await connect();
    const reply = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) })).catch(notFound(key, S3ServiceException));
    if (!reply.Body) throw new ObjectNotFound(key);
    return { body: reply.Body as Readable, size: reply.ContentLength ?? 0 };
  };
  return {
    kind: 's3',
    description: `s3 ${s3.endpoint ?? 'aws'} bucket ${Bucket}${s3.prefix ? ` prefix ${s3.prefix}` : ''}`,
    async put(key, body, contentType) {
      const { client, PutObjectCommand } = await connect();
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body: body, ContentType: contentType, ContentLength: body.length }));
    },
    get,
    async getBytes(key) {
      const { body } = await get(key);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
    async delete(key) {
      const { client, DeleteObjectCommand } = await connect();
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async *list(prefix = '') {
      const { client, ListObjectsV2Command } = await connect();
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: s3.prefix + prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key.slice(s3.prefix.length);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async check() {
      const { client, HeadBucketCommand } = await connect();
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    close() {
      made?.destroy();
    },
  };
}

type S3Sdk = typeof import('@aws-sdk/client-s3');

