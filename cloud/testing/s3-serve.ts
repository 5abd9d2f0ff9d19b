import fs from 'node:fs';
import { createBucket, startLocalS3 } from './s3-server';

/**
 * Runs the local S3-compatible server until stopped, for scripts/test.sh and `npm run cluster`:
 *   tsx cloud/testing/s3-serve.ts <env-file> [data-dir] [bucket]
 * writes LINLI_S3_* lines (endpoint, keys, region, and the bucket when one is given) to <env-file>.
 */
async function main() {
  const [envFile, directory, bucket] = process.argv.slice(2);
  if (!envFile) throw new Error('usage: s3-serve.ts <env-file> [data-dir] [bucket]');
  const s3 = await startLocalS3({ directory: directory || undefined });
  if (bucket) await createBucket(s3, bucket);
  const lines = [
    `LINLI_S3_ENDPOINT=${s3.endpoint}`,
    `LINLI_S3_ACCESS_KEY_ID=${s3.accessKeyId}`,
    `LINLI_S3_SECRET_ACCESS_KEY=${s3.secretAccessKey}`,
    `LINLI_S3_REGION=${s3.region}`,
    ...(bucket ? [`LINLI_S3_BUCKET=${bucket}`] : []),
  ];
  fs.writeFileSync(`${envFile}.tmp`, lines.join('\n') + '\n');
  fs.renameSync(`${envFile}.tmp`, envFile);
  const stop = () => void s3.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
