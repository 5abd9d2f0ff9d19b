import sharp from 'sharp';
import { ERRORS } from '../../types';
import { DAY, MINUTE } from '../core/clock';
import { signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { uploadAs } from '../testing/upload';
import { removeOldExports } from './exports';
import { getFileRow } from './files.storage';
import { ObjectNotFound, openObjectStore } from './object-store';

/**
 * One suite for both stores: a temporary folder, or a bucket on the local S3-compatible
 * server when LINLI_TEST_S3_ENDPOINT is set (scripts/test.sh runs it both ways).
 */
let linli: TestLinli;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  resident = await signIn('store-resident');
  await resident.call('users.updateProfile', { homeCommunityId: 'chaoyang' });
});
afterAll(() => linli.stop());

const s3Run = !!process.env.LINLI_TEST_S3_ENDPOINT;

const upload = async (client: Client, bytes: Buffer) => (await uploadAs(linli, client, bytes, 'image/png')).body as { result: { id: string } };

const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();

describe(`the object store (${s3Run ? 'S3-compatible server' : 'local folder'})`, () => {
  it('is the kind configuration chose', () => {
    expect(linli.objects.kind).toBe(s3Run ? 's3' : 'local');
  });

  it('keeps, lists, serves and deletes objects; a missing key is ObjectNotFound, as S3 says NoSuchKey', async () => {
    const store = linli.objects;
    await store.put('t/one.bin', Buffer.from('一二三'), 'application/octet-stream');
    await store.put('t/two.bin', Buffer.from('four'), 'application/octet-stream');
    expect((await store.getBytes('t/one.bin')).toString()).toBe('一二三');
    const { body, size } = await store.get('t/two.bin');
    expect(size).toBe(4);
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
    expect(Buffer.concat(chunks).toString()).toBe('four');
    const listed: string[] = [];
    for await (const key of store.list('t/')) listed.push(key);
    expect(listed.sort()).toEqual(['t/one.bin', 't/two.bin']);
    await store.delete('t/one.bin');
    await expect(store.getBytes('t/one.bin')).rejects.toBeInstanceOf(ObjectNotFound);
    await expect(store.get('t/never.bin')).rejects.toBeInstanceOf(ObjectNotFound);
    // Deleting what is not there is fine on S3 and here alike.
    await expect(store.delete('t/never.bin')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave the store', async () => {
    for (const key of ['../escape', '/abs', 'a/../../b', 'a//b', '']) {
      await expect(linli.objects.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow('bad object key');
    }
  });

  it('serves a photo through a signed link only, and says 404 when the stored object is gone', async () => {
    const { id } = (await upload(resident, await png())).result;
    const row = (await getFileRow(linli.services.db, id))!;
    // The photo's bytes are in the store under the row's key.
    expect((await linli.objects.getBytes(row.path)).length).toBe(row.size);
    const p = await resident.call('petitions.submit', {
      kind: 'request',
      category: '道路设施',
      title: '楼道灯不亮',
      description: '三单元楼道灯坏了一周，老人晚上上楼看不见。',
      contactPhone: '13912340000',
      photoIds: [id],
    });
    const url = `${linli.url}${p.photos[0]!.url}`;
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(row.size);
    expect((await fetch(url.replace(/s=[^&]+/, 's=forged'))).status).toBe(404);
    // An hour and a minute later the link has expired.
    linli.clock.advance(61 * MINUTE);
    expect((await fetch(url)).status).toBe(404);
    linli.clock.advance(-61 * MINUTE);
    await linli.objects.delete(row.path);
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { code: number }).code).toBe(ERRORS.FILE_NOT_FOUND.code);
  });

  it('keeps Excel exports in the store behind a short signed link, and removes them after a day', async () => {
    const admin = await signInConsole('chaoyang-admin', 'Linli2026dev');
    const now = linli.clock.now();
    const file = await admin.call('reports.export', { report: 'events', from: new Date(now.getTime() - 7 * DAY), to: now });
    const served = await fetch(linli.url + file.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-disposition')).toContain(encodeURIComponent(file.fileName));
    const keys: string[] = [];
    for await (const key of linli.objects.list('exports/')) keys.push(key);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    // The link lasts ten minutes.
    linli.clock.advance(11 * MINUTE);
    expect((await fetch(linli.url + file.url)).status).toBe(404);
    linli.clock.advance(DAY);
    expect(await removeOldExports(linli.services)).toBeGreaterThanOrEqual(1);
    const left: string[] = [];
    for await (const key of linli.objects.list('exports/')) left.push(key);
    expect(left).toEqual([]);
    linli.clock.advance(-DAY - 11 * MINUTE);
  });
});

(s3Run ? describe : describe.skip)('an S3-compatible server refuses as S3 does', () => {
  const base = () => ({ ...linli.config.s3! });
  it('with a wrong secret: the host is not ready and nothing is written', async () => {
    const store = openObjectStore({ uploadDir: '', s3: { ...base(), secretAccessKey: 'not-the-secret' } });
    await expect(store.check()).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(store.put('t/x.bin', Buffer.from('x'), 'text/plain')).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    store.close();
  });
  it('with an unknown key id or an unknown bucket', async () => {
    const stranger = openObjectStore({ uploadDir: '', s3: { ...base(), accessKeyId: 'nobody' } });
    await expect(stranger.getBytes('t/two.bin')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    stranger.close();
    const nowhere = openObjectStore({ uploadDir: '', s3: { ...base(), bucket: 'no-such-bucket-here' } });
    await expect(nowhere.check()).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    nowhere.close();
  });
  it('an unsigned request for a stored object is denied (the bucket is private)', async () => {
    await linli.objects.put('t/private.bin', Buffer.from('secret'), 'text/plain');
    const response = await fetch(`${linli.config.s3!.endpoint}/${linli.config.s3!.bucket}/t/private.bin`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });
});
