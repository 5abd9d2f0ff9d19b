import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import AV from 'leancloud-storage';
import * as tar from 'tar';
import { ERRORS } from '../../types';
import { upsertRegions } from '../communities/communities.storage';
import type { Services } from '../core/services';
import { demoRegions } from '../demo/regions';
import { openDatabase } from '../storage/dialect';
import { migrateToLatest } from '../storage/migrate';
import { createTestDatabase } from '../storage/test-database';
import { errorCodeOf, signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { openExport, scanSource, type ExportSource } from './export-source';
import { formatReport } from './format-report';
import { ALREADY_IMPORTED, CANCELLED_NOT_IMPORTED, importLeancloud, type ImportReport } from './import-leancloud';
import { loadMapping } from './mapping';

const FIXTURES = path.join(__dirname, 'fixtures');
const PUBLIC_URL = 'https://linli.example.cn';
const mapping = loadMapping(path.join(FIXTURES, 'mapping.json'));

const WANG = '64a1f0c2e4b0a1b2c3d4e501';
const ZHANG = '64a1f0c2e4b0a1b2c3d4e503';
const CLINIC = '64a1f0c2e4b0a1b2c3d4e901';
const LECTURE = '64a1f0c2e4b0a1b2c3d4e902';

/**
 * What LeanCloud's file domain does while it still runs: serves each uploaded file at its
 * URL (HEAD too, as Fastify answers it from the GET route), and 404 for anything else
 * (a file deleted, or the service gone).
 */
async function startLeancloudFiles(): Promise<{ url: string; app: FastifyInstance; requests: string[] }> {
  const app = Fastify();
  const requests: string[] = [];
  app.get('/:key/:name', async (request, reply) => {
    const { name } = request.params as { key: string; name: string };
    requests.push(request.url);
    const file = path.join(FIXTURES, 'files', path.basename(name));
    if (!fs.existsSync(file)) return reply.status(404).type('text/html').send('<h1>404 Not Found</h1>');
    return reply.type('image/png').send(fs.readFileSync(file));
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, app, requests };
}

/** A copy of a fixture export with the file URLs pointing at the local file server. */
function exportCopy(name: string, filesUrl: string, into: string): string {
  const dir = path.join(into, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(path.join(FIXTURES, name))) {
    const text = fs.readFileSync(path.join(FIXTURES, name, file), 'utf8');
    fs.writeFileSync(path.join(dir, file), text.replaceAll('http://lc-files.example', filesUrl));
  }
  return dir;
}

function classOf(report: ImportReport, className: string) {
  const c = report.classes.find((x) => x.className === className);
  if (!c) throw new Error(`no ${className} in the report`);
  return c;
}

async function run(target: { services: Services }, source: ExportSource, dryRun = false): Promise<ImportReport> {
  try {
    return await importLeancloud(target.services, source, mapping, { dryRun, publicUrl: PUBLIC_URL });
  } finally {
    await source.close();
  }
}

let linli: TestLinli;
let files: Awaited<ReturnType<typeof startLeancloudFiles>>;
let tmp: string;
beforeAll(async () => {
  [linli, files] = await Promise.all([startTestLinli(), startLeancloudFiles()]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-lc-test-'));
});
afterAll(async () => {
  await Promise.all([linli.stop(), files.app.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a small community app exported from LeanCloud', () => {
  let report: ImportReport;

  it('a dry run says per class what would be imported, and writes nothing', async () => {
    const dry = await run(linli, await openExport(exportCopy('community-app', files.url, tmp)), true);
    expect(dry.dryRun).toBe(true);
    expect(classOf(dry, '_User').imported).toBe(4);
    expect(classOf(dry, 'Activity').imported).toBe(2);
    expect(classOf(dry, 'Signup')).toMatchObject({ imported: 4, skipped: { [CANCELLED_NOT_IMPORTED]: 1 } });
    expect(formatReport(dry)).toContain('试运行（不写入任何数据）');
    expect(await linli.services.db.selectFrom('users').select('id').where('id', '=', WANG).executeTakeFirst()).toBeUndefined();
    expect(await linli.services.db.selectFrom('files').select('id').execute()).toHaveLength(0);
  });

  it('imports from the tarball with a clean report', async () => {
    const folder = exportCopy('community-app', files.url, path.join(tmp, 'for-tar'));
    const archive = path.join(tmp, 'export.tar.gz');
    await tar.c({ gzip: true, file: archive, cwd: path.dirname(folder) }, [path.basename(folder)]);
    report = await run(linli, await openExport(archive));
    expect(formatReport(report)).toContain('结果：干净');
    expect(report.clean).toBe(true);
    expect(report.classes.map((c) => [c.className, c.imported])).toEqual([
      ['_User', 4],
      ['_Role', 1],
      ['_File', 2],
      ['Article', 2],
      ['Activity', 2],
      ['Signup', 4],
    ]);
    expect(classOf(report, 'Article').drafts).toBe(1);
  });

  it('keeps objectIds, drops session keys and tokens, and encrypts phone numbers', async () => {
    const wang = await linli.services.db.selectFrom('users').selectAll().where('id', '=', WANG).executeTakeFirstOrThrow();
    expect(wang).toMatchObject({ openid: 'oLcWangXiulan0000000000000a1', unionid: 'oUnWangXiulan000000000000a1', nickname: '王秀英', home_community_id: 'chaoyang' });
    expect(wang.phone_enc).not.toContain('13912340001');
    expect(linli.services.cipher.decrypt(wang.phone_enc!)).toBe('13912340001');
    const everything = JSON.stringify(await linli.services.db.selectFrom('users').selectAll().execute());
    expect(everything).not.toContain('c2Vzc2lvbi1rZXktd2FuZw==');
    expect(everything).not.toContain('o1tr7v3n5m8k2j4h6g9f0d1s3');
    const zhang = await linli.services.db.selectFrom('users').selectAll().where('id', '=', ZHANG).executeTakeFirstOrThrow();
    expect(zhang).toMatchObject({ openid: null, unionid: 'oUnZhangLan00000000000000a3' });
  });

  it("copies the pictures and rewrites the article's HTML to them, re-sanitized", async () => {
    const article = await linli.services.db.selectFrom('articles').selectAll().where('id', '=', '64a1f0c2e4b0a1b2c3d4e801').executeTakeFirstOrThrow();
    expect(article.body_html).not.toContain('<script');
    expect(article.body_html).not.toContain('onclick');
    expect(article.body_html).not.toContain(files.url);
    const [, fileId] = /<img src="https:\/\/linli\.example\.cn\/api\/files\/([0-9a-f]{24})"/.exec(article.body_html) ?? [];
    expect(fileId).toBeDefined();
    expect(article.cover_url).toMatch(/^https:\/\/linli\.example\.cn\/api\/files\/[0-9a-f]{24}$/);
    expect(article).toMatchObject({ status: 'published', category: '社区动态', publish_at: '2026-03-22T06:00:00.000Z' });
    const picture = await linli.host.inject({ method: 'GET', url: `/api/files/${fileId}` });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
  });

  it('keeps the row only its author could read a draft nobody else sees', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('articles.get', { id: '64a1f0c2e4b0a1b2c3d4e802' }))).toBe(ERRORS.NOT_FOUND.code);
    const feed = await resident.call('articles.list', {});
    expect(feed.items.map((a) => a.id)).toContain('64a1f0c2e4b0a1b2c3d4e801');
    expect(feed.items.map((a) => a.id)).not.toContain('64a1f0c2e4b0a1b2c3d4e802');
  });

  it('a second run adds nothing', async () => {
    const tables = ['users', 'articles', 'events', 'event_registrations', 'files', 'role_grants', 'leancloud_files'] as const;
    const count = async () =>
      Promise.all(tables.map(async (t) => Number((await linli.services.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
    const before = await count();
    const again = await run(linli, await openExport(exportCopy('community-app', files.url, path.join(tmp, 'again'))));
    expect(again.clean).toBe(true);
    expect(again.classes.every((c) => c.imported === 0)).toBe(true);
    expect(classOf(again, '_File').skipped[ALREADY_IMPORTED]).toBe(2);
    expect(await count()).toEqual(before);
  });

  describe('a resident from it signing in with a dev: code mapped to their openid', () => {
    let wang: Client;
    beforeAll(async () => {
      wang = await signIn('openid:oLcWangXiulan0000000000000a1');
    });

    it('is their LeanCloud account, with authData and username as LeanCloud returned them', async () => {
      expect(wang.userId).toBe(WANG);
      const user = await AV.User.become(wang.token!);
      expect(user.get('authData')).toEqual({
        lc_weapp: { openid: 'oLcWangXiulan0000000000000a1', unionid: 'oUnWangXiulan000000000000a1' },
        _weixin_unionid: { uid: 'oUnWangXiulan000000000000a1' },
      });
      expect(user.get('username')).toBe('k3j9x2m7q8w1e5r4t6y0u2i9o');
      await AV.User.logOut();
    });

    it('sees their registrations', async () => {
      const mine = (await wang.call('events.mine', { when: 'upcoming' })).items;
      expect(mine.map((m) => [m.event.id, m.registration.status])).toEqual([
        [CLINIC, 'confirmed'],
        [LECTURE, 'confirmed'],
      ]);
      expect(mine[0]!.registration.checkinCode).toMatch(/^[A-Z2-9]{8}$/);
    });
  });

  it('a resident who had only a unionid is found by it at their first WeChat login', async () => {
    await linli.fake('/__fake/unionid', { openid: 'oLcZhangLanNewApp00000000a3', unionid: 'oUnZhangLan00000000000000a3' });
    const zhang = await signIn('openid:oLcZhangLanNewApp00000000a3');
    expect(zhang.userId).toBe(ZHANG);
    const mine = (await zhang.call('events.mine', { when: 'upcoming' })).items;
    // The clinic had two places; she signed up third.
    expect(mine.map((m) => [m.event.id, m.registration.status, m.registration.waitlistPosition])).toEqual([[CLINIC, 'waitlisted', 1]]);
  });

  it("a console account's LeanCloud password works once, then is re-hashed with scrypt and keeps its role", async () => {
    const hashOf = async () =>
      (await linli.services.db.selectFrom('users').select('password_hash').where('username', '=', 'chaoyang-lc').executeTakeFirstOrThrow()).password_hash!;
    expect(await hashOf()).toMatch(/^leancloud\$/);
    expect(await errorCodeOf(signInConsole('chaoyang-lc', 'wrong'))).toBe(210);
    await signInConsole('chaoyang-lc', 'Chaoyang2026!');
    expect(await hashOf()).toMatch(/^scrypt\$/);
    const admin = await signInConsole('chaoyang-lc', 'Chaoyang2026!');
    const me = await admin.call('users.me');
    expect(me.roles).toEqual([{ role: 'communityAdmin', scopeId: 'chaoyang' }]);
  });
});

describe('an export with rough edges', () => {
  let report: ImportReport;
  beforeAll(async () => {
    report = await run(linli, await openExport(exportCopy('rough-edges', files.url, tmp)));
  });

  it('is not clean, and says why', () => {
    expect(report.clean).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('结果：有需要处理的问题');
  });

  it('skips the header line and reports the line that is not JSON', () => {
    expect(classOf(report, '_User').rows).toBe(1);
    expect(classOf(report, '_User').problems).toEqual(['_User.0.jsonl 第3行：不是有效的 JSON']);
  });

  it('imports the user with only _weixin_unionid', async () => {
    const user = await linli.services.db.selectFrom('users').selectAll().where('id', '=', '64b2f0c2e4b0a1b2c3d4e501').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ openid: null, unionid: 'oUnZhaoMin0000000000000000b1' });
  });

  it('reports the file LeanCloud no longer serves', () => {
    expect(report.failedFiles).toEqual([{ objectId: '64b2f0c2e4b0a1b2c3d4e701', url: `${files.url}/Zz9GoneFile/gone.png`, reason: 'HTTP 404' }]);
  });

  it('reports the pointer to a row that is not there, and skips that registration', () => {
    expect(report.missingPointers).toEqual([
      { className: 'Signup', objectId: '64b2f0c2e4b0a1b2c3d4ea01', field: 'activity', target: 'Activity/64b2ffffffffffffffffffff' },
    ]);
    expect(classOf(report, 'Signup').imported).toBe(0);
  });

  it('keeps an event only a role could read unpublished, and says its category was not mapped', async () => {
    expect(classOf(report, 'Activity')).toMatchObject({ imported: 1, drafts: 1 });
    expect(classOf(report, 'Activity').problems).toEqual(['64b2f0c2e4b0a1b2c3d4e901：类别“festival”未映射，按“宣传”导入']);
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('events.get', { id: '64b2f0c2e4b0a1b2c3d4e901' }))).toBe(ERRORS.NOT_FOUND.code);
  });

  it('reports the unmapped role, field and class instead of guessing', async () => {
    expect(report.unmappedRoles).toEqual([{ name: 'volunteers', members: 1 }]);
    expect(classOf(report, 'Article').unmappedFields).toEqual(['views']);
    expect(report.unmappedClasses).toEqual([{ className: '_Installation', rows: 1 }]);
    const grants = await linli.services.db.selectFrom('role_grants').selectAll().where('user_id', '=', '64b2f0c2e4b0a1b2c3d4e501').execute();
    expect(grants).toEqual([]);
  });
});

describe('the REST scan API as the source', () => {
  /**
   * A LeanCloud app's API as the scan source sees it: master key required, pages of at
   * most `limit` rows with a cursor, and role members through `$relatedTo`.
   */
  async function startLeancloudApi(rowsByClass: Record<string, Array<Record<string, unknown>>>, joins: Array<{ owningId: string; relatedId: string }>) {
    const app = Fastify();
    const state = { failRoleQueries: 0 };
    const unauthorized = { code: 401, error: 'Unauthorized.' };
    const isMaster = (h: Record<string, unknown>) => h['x-lc-id'] === 'lc-app-id' && h['x-lc-key'] === 'lc-master-key,master';
    app.get('/1.1/scan/classes/:cls', async (request, reply) => {
      if (!isMaster(request.headers)) return reply.status(401).send(unauthorized);
      const { cls } = request.params as { cls: string };
      const { limit = '100', cursor } = request.query as { limit?: string; cursor?: string };
      const rows = rowsByClass[cls] ?? [];
      const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
      const end = start + Math.min(Number(limit), 1000);
      return { results: rows.slice(start, end), cursor: end < rows.length ? Buffer.from(String(end)).toString('base64url') : null };
    });
    app.get('/1.1/classes/_User', async (request, reply) => {
      if (!isMaster(request.headers)) return reply.status(401).send(unauthorized);
      if (state.failRoleQueries > 0) {
        state.failRoleQueries -= 1;
        return reply.status(503).send({ code: 1, error: 'Service Unavailable' });
      }
      const where = JSON.parse(String((request.query as { where: string }).where)) as { $relatedTo: { object: { objectId: string } } };
      const ids = joins.filter((j) => j.owningId === where.$relatedTo.object.objectId).map((j) => j.relatedId);
      return { results: ids.map((objectId) => ({ objectId })) };
    });
    return { app, state, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
  }

  function rowsOf(folder: string, className: string): Array<Record<string, unknown>> {
    return fs
      .readFileSync(path.join(folder, `${className}.0.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  // A second, empty Linli database: the same app imported again from another source.
  let scanTarget: { services: Services; close(): Promise<void> };
  let api: Awaited<ReturnType<typeof startLeancloudApi>>;
  const classes = ['_User', '_Role', '_File', 'Article', 'Activity', 'Signup'];
  beforeAll(async () => {
    const folder = exportCopy('community-app', files.url, path.join(tmp, 'scan'));
    const rows = Object.fromEntries(classes.map((c) => [c, rowsOf(folder, c)]));
    const joins = rowsOf(folder, '_Join-users-_Role') as Array<{ owningId: string; relatedId: string }>;
    api = await startLeancloudApi(rows, joins);
    const testDatabase = await createTestDatabase();
    const database = openDatabase(testDatabase.url);
    await migrateToLatest(database.db);
    await upsertRegions(database.db, demoRegions());
    scanTarget = {
      services: { ...linli.services, db: database.db },
      close: async () => {
        await database.close();
        await testDatabase.drop();
      },
    };
  });
  afterAll(async () => {
    await Promise.all([scanTarget.close(), api.app.close()]);
  });

  it('is refused without the master key', async () => {
    const source = scanSource({ serverUrl: api.url, appId: 'lc-app-id', masterKey: 'not-the-key', classes });
    await expect(run(scanTarget, source)).rejects.toThrow(/HTTP 401/);
  });

  it('stops when LeanCloud fails mid-run, keeping what it wrote', async () => {
    api.state.failRoleQueries = 1;
    const source = scanSource({ serverUrl: api.url, appId: 'lc-app-id', masterKey: 'lc-master-key', classes, pageSize: 2 });
    await expect(run(scanTarget, source)).rejects.toThrow(/HTTP 503/);
    const db = scanTarget.services.db;
    expect(await db.selectFrom('users').select('id').where('id', '=', WANG).executeTakeFirst()).toBeDefined();
    expect(await db.selectFrom('events').select('id').execute()).toEqual([]);
  });

  it('run again, follows the cursor page by page and finishes the same app cleanly', async () => {
    const source = scanSource({ serverUrl: api.url, appId: 'lc-app-id', masterKey: 'lc-master-key', classes, pageSize: 2 });
    const scanned = await run(scanTarget, source);
    expect(scanned.clean).toBe(true);
    expect(classOf(scanned, '_User')).toMatchObject({ imported: 0, skipped: { [ALREADY_IMPORTED]: 4 } });
    expect(classOf(scanned, '_File').imported).toBe(2);
    expect(classOf(scanned, 'Signup').imported).toBe(4);
    const grants = await scanTarget.services.db.selectFrom('role_grants').selectAll().where('user_id', '=', '64a1f0c2e4b0a1b2c3d4e504').execute();
    expect(grants.map((g) => [g.role, g.scope_id])).toEqual([['communityAdmin', 'chaoyang']]);
  });
});
