import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../config';
import { DAY } from '../core/clock';
import { openObjectStore } from '../files/object-store';
import { openDatabase } from '../storage/dialect';
import { createTestDatabase } from '../storage/test-database';
import { signIn, signInConsole, startTestLinli, testObjectStoreEnv, type TestLinli } from '../testing/linli';
import { createBackup, restoreBackup } from './backup';
import { rowCounts } from './backup.storage';

/** A populated instance backed up while running, restored into an empty one: every row and every file. */
let linli: TestLinli;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-test-'));
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(async () => {
  await linli.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function everyObject(store: ReturnType<typeof openObjectStore>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const key of store.list()) out[key] = crypto.createHash('sha256').update(await store.getBytes(key)).digest('hex');
  return out;
}

describe('backup and restore', () => {
  it('gives back every row of every table and every stored file, and refuses a database that is not empty', async () => {
    // Populate beyond the demo data: a photo on a petition, an export, a registration.
    const resident = await signIn('backup-resident');
    await resident.call('users.updateProfile', { homeCommunityId: 'chaoyang' });
    const ts = String(Date.now());
    const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#09f' } }).png().toBuffer();
    const uploaded = (await (
      await fetch(`${linli.url}/api/uploads`, {
        method: 'POST',
        headers: {
          'content-type': 'image/png',
          'x-lc-id': linli.config.appId,
          'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
          'x-lc-session': resident.token!,
        },
        body: photo,
      })
    ).json()) as { result: { id: string } };
    await resident.call('petitions.submit', { kind: 'request', category: '道路设施', title: '路灯坏了', description: '小区东门路灯坏了三天。', contactPhone: '13900001111', photoIds: [uploaded.result.id] });
    const admin = await signInConsole('chaoyang-admin', 'Linli2026dev');
    await admin.call('reports.export', { report: 'events', from: new Date(linli.clock.now().getTime() - DAY), to: linli.clock.now() });

    const file = path.join(work, 'linli.tar');
    const manifest = await createBackup(linli.config, file);
    expect(manifest.objects.length).toBeGreaterThanOrEqual(2);
    const sourceRows = await rowCounts(linli.services.db);
    const sourceObjects = await everyObject(linli.objects);
    expect(sourceRows.users).toBeGreaterThan(0);

    const target = await createTestDatabase();
    const targetConfig = loadConfig({ NODE_ENV: 'test', DATABASE_URL: target.url, LINLI_UPLOAD_DIR: path.join(work, 'restored-files'), ...(await testObjectStoreEnv()) });
    try {
      await restoreBackup(targetConfig, file);
      const restored = openDatabase(target.url);
      const objects = openObjectStore(targetConfig);
      try {
        expect(await rowCounts(restored.db)).toEqual(sourceRows);
        expect(await everyObject(objects)).toEqual(sourceObjects);
        const petition = await restored.db.selectFrom('petitions').select('title').where('title', '=', '路灯坏了').execute();
        expect(petition).toHaveLength(1);
      } finally {
        objects.close();
        await restored.close();
      }
      await expect(restoreBackup(targetConfig, file)).rejects.toThrow(/不是空的|已存在/);
    } finally {
      await target.drop();
    }
  });
});
