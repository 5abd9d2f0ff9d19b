import fs from 'node:fs';
import { ERRORS } from '../../types';
import { errorCodeOf, signIn, startTestLinli, type TestLinli } from '../testing/linli';

let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

describe('my profile', () => {
  it('a new WeChat user starts with no community and no phone', async () => {
    const newcomer = await signIn('newcomer-1');
    expect(await newcomer.call('users.me')).toMatchObject({
      nickname: '微信用户',
      homeCommunityId: null,
      phoneMasked: null,
      isResident: true,
      roles: [],
    });
  });

  it('sets the nickname and home community, which the next read shows', async () => {
    const newcomer = await signIn('newcomer-2');
    await newcomer.call('users.updateProfile', { nickname: '李大爷', homeCommunityId: 'dapoding' });
    expect(await newcomer.call('users.me')).toMatchObject({
      nickname: '李大爷',
      homeCommunityId: 'dapoding',
      homeCommunityName: '大坡顶村',
    });
  });

  it('refuses a street or an unknown id as home community, keeping the old one', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('users.updateProfile', { homeCommunityId: 'jiyuanlu' }))).toBe(
      ERRORS.COMMUNITY_NOT_FOUND.code,
    );
    expect(await errorCodeOf(resident.call('users.updateProfile', { homeCommunityId: 'nowhere' }))).toBe(
      ERRORS.COMMUNITY_NOT_FOUND.code,
    );
    expect((await resident.call('users.me')).homeCommunityId).toBe('chaoyang');
  });
});

describe('binding a phone number', () => {
  it('shows it masked, and the plain number is nowhere in the database file', async () => {
    const resident = await signIn('phone-owner');
    const profile = await resident.call('users.bindPhone', { code: 'phone:13812345678' });
    expect(profile.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(await resident.call('users.me'))).not.toContain('13812345678');

    if (linli.database.kind === 'sqlite') {
      // The rows are in the main file or still in the write-ahead log: read the raw bytes of both.
      const file = linli.testDatabase.url;
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      expect(bytes.includes(Buffer.from('13812345678'))).toBe(false);
      expect(bytes.includes(Buffer.from('12345678'))).toBe(false);
    }
  });

  it('refuses an expired phone code with a coded error', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('users.bindPhone', { code: 'stale-code' }))).toBe(ERRORS.PHONE_CODE_INVALID.code);
  });
});

describe('deleting my account (PIPL)', () => {
  it('erases my data, ends every session, and a new login starts an empty account', async () => {
    const first = await signIn('leaving');
    await first.call('users.updateProfile', { nickname: '要走的人', homeCommunityId: 'kangle' });
    await first.call('users.bindPhone', { code: 'phone:13900001111' });
    const other = await signIn('leaving');

    expect(await errorCodeOf(first.call('users.deleteAccount', { confirm: '确认' } as never))).toBe(ERRORS.INVALID_INPUT.code);
    await first.call('users.deleteAccount', { confirm: '注销' });

    expect(await errorCodeOf(first.call('users.me'))).toBe(211);
    expect(await errorCodeOf(other.call('users.me'))).toBe(211);
    const again = await signIn('leaving');
    expect(again.userId).not.toBe(first.userId);
    expect(await again.call('users.me')).toMatchObject({ nickname: '微信用户', homeCommunityId: null, phoneMasked: null });
  });
});
