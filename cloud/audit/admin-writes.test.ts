import { breakAuditWrites } from '../testing/faults.storage';
import { errorCodeOf, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { ERRORS } from '../../types';

/** An admin's write and its audit row: the admin hears the truth about the write, and the log never says both. */
let linli: TestLinli;
let admin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signInConsole('chaoyang-admin', 'Linli2026dev');
});
afterAll(() => linli.stop());

const outcomes = async (title: string) => {
  const rows = await linli.services.db.selectFrom('audit_log').select(['outcome', 'detail']).where('action', '=', 'articles.create').execute();
  return rows.filter((r) => (r.detail ?? '').includes(title)).map((r) => r.outcome);
};

describe('when the audit write fails after the change committed', () => {
  it('the admin is told it succeeded, the change is there, and no "failed" row is written for it', async () => {
    const heal = await breakAuditWrites(linli.services.db);
    let created: { id: string };
    try {
      created = await admin.call('articles.create', { title: '审计故障时的通知', bodyHtml: '<p>内容</p>', category: '通知公告', scopeId: 'chaoyang' });
    } finally {
      await heal();
    }
    expect(created.id).toBeTruthy();
    const stored = await admin.call('articles.get', { id: created.id });
    expect(stored.title).toBe('审计故障时的通知');
    expect(await outcomes('审计故障时的通知')).toEqual([]);
  });
});

describe('when the audit works', () => {
  it('one change has one row: ok for a write that happened, denied for one refused', async () => {
    await admin.call('articles.create', { title: '正常的通知', bodyHtml: '<p>内容</p>', category: '通知公告', scopeId: 'chaoyang' });
    expect(await outcomes('正常的通知')).toEqual(['ok']);
    expect(await errorCodeOf(admin.call('articles.create', { title: '越权的通知', bodyHtml: '<p>x</p>', category: '通知公告', scopeId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(await outcomes('越权的通知')).toEqual(['denied']);
  });
});
