import { ERRORS } from '../../types';
import { messagesFor } from '../notifications/outbox.storage';
import sharp from 'sharp';
import { interleaved, residentOf, staffOf } from '../testing/interleave';
import { uploadAs } from '../testing/upload';
import { anonymous, errorCodeOf, signIn, startTestLinli, TEST_NOW, type Client, type TestLinli } from '../testing/linli';
import { getHonorListRow, getThanksRow, hasLiked } from './honors.storage';
import postThanks from './post-thanks';
import publishHonorList from './publish-honor-list';
import reportThanks from './report-thanks';
import saveHonorEntry from './save-honor-entry';
import saveHonorList from './save-honor-list';
import likeHonorEntry from './like-honor-entry';
import reviewNomination from './review-nomination';
import reviewThanks from './review-thanks';

let linli: TestLinli;
let admin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
});
afterAll(() => linli.stop());

/**
 * Residents whose reports count toward hiding (cloud/honors/report-thanks.ts): accounts
 * made more than a week ago that bound a phone.
 */
let phoneSeq = 0;
async function establishedResidents(names: string[]): Promise<Client[]> {
  linli.clock.set(new Date(Date.parse(TEST_NOW) - 8 * 24 * 3600_000).toISOString());
  try {
    return await Promise.all(
      names.map(async (name, i) => {
        const client = await signIn(name);
        await client.call('users.bindPhone', { code: `phone:1390000${String(1000 + phoneSeq++ * 10 + i)}` });
        return client;
      }),
    );
  } finally {
    linli.clock.set(TEST_NOW);
  }
}

describe('reading the honor list', () => {
  it('shows the 2020 list by category, and a profile with its story', async () => {
    const lists = await anonymous.call('honors.lists', {});
    const list2020 = lists.find((l) => l.year === 2020)!;
    expect(list2020).toMatchObject({ title: '2020年度乡村光荣榜', scopeName: '上街区', entryCount: 4 });
    const { byCategory } = await anonymous.call('honors.list', { id: list2020.id });
    expect(byCategory.map((g) => g.category)).toEqual(['好丈夫', '好媳妇', '文明家庭', '最美志愿者']);
    const husband = byCategory[0]!.entries[0]!;
    expect(husband).toMatchObject({ name: '李卫东', communityName: '朝阳社区' });
    expect(husband.excerpt.length).toBeLessThanOrEqual(61);
    const grid = await signIn('grid');
    const reader = await signIn('honor-reader');
    await reader.call('honors.entry', { id: husband.id, sharer: grid.userId });
    expect((await grid.call('shares.mine')).find((r) => r.targetId === husband.id)).toMatchObject({ targetKind: 'honor', visits: 1 });
    const entry = await anonymous.call('honors.entry', { id: husband.id });
    expect(entry.storyHtml).toContain('有担当的好丈夫');
    expect(entry.likedByMe).toBe(false);
  });

  it('gives a poster its mini-program code image', async () => {
    const { image } = await anonymous.call('honors.posterCode', { id: 'demo-honor-husband' });
    expect(image).toMatch(/^data:image\/png;base64,iVBOR/);
  });
});

describe('likes', () => {
  it('one per resident, idempotent under concurrent taps; the count is exact and kept', async () => {
    const id = 'demo-honor-volunteer';
    const before = (await anonymous.call('honors.entry', { id })).likes;
    const fans = await Promise.all(['fan-1', 'fan-2', 'fan-3'].map(signIn));
    await Promise.all(fans.flatMap((f) => Array.from({ length: 6 }, () => f.call('honors.like', { id }))));
    expect((await anonymous.call('honors.entry', { id })).likes).toBe(before + 3);
    expect((await fans[0]!.call('honors.entry', { id })).likedByMe).toBe(true);
    expect(await errorCodeOf(anonymous.call('honors.like', { id }))).toBe(211);
  });
});

describe('when a change lands between the check and the write', () => {
  it('a like checked before the list was taken down is refused and not kept', async () => {
    const fan = await signIn('fan-late');
    const list = await admin.call('honors.saveList', { year: 2026, scopeId: 'chaoyang', title: '2026年度朝阳社区好邻居', categories: ['好邻居'] });
    const entry = await admin.call('honors.saveEntry', { listId: list.id, name: '赵阿姨', category: '好邻居', communityId: 'chaoyang', storyHtml: '<p>照看独居老人。</p>' });
    await admin.call('honors.publish', { id: list.id, published: true });
    const services = interleaved(linli.services, () => admin.call('honors.publish', { id: list.id, published: false }));
    const like = likeHonorEntry.handler({ id: entry.id }, { services, caller: residentOf(fan), ip: '127.0.0.1' });
    expect(await errorCodeOf(like)).toBe(ERRORS.NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
    expect(await hasLiked(linli.services.db, entry.id, fan.userId!)).toBe(false);
  });

  it('a nomination accepted after another admin declined it is refused: no entry, and the nominator hears only the decline', async () => {
    const resident = await signIn('nominator-race');
    const n = await resident.call('honors.nominate', { nomineeName: '孙大爷', category: '最美志愿者', communityId: 'chaoyang', reason: '坚持在路口义务指挥交通五年。' });
    const list = await admin.call('honors.saveList', { year: 2027, scopeId: 'chaoyang', title: '2027年度朝阳社区志愿者榜', categories: ['最美志愿者'] });
    const services = interleaved(linli.services, () => admin.call('honors.reviewNomination', { id: n.id, decision: 'decline', reason: '材料不全，请补充后再推荐' }));
    const accept = reviewNomination.handler({ id: n.id, decision: 'accept', listId: list.id }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(accept)).toBe(ERRORS.NOMINATION_NOT_PENDING.code);
    expect(services.interleaved()).toBe(true);
    expect((await resident.call('honors.myNominations', {})).find((x) => x.id === n.id)).toMatchObject({ statusText: '未入选' });
    expect((await admin.call('honors.list', { id: list.id })).byCategory.flatMap((g) => g.entries)).toEqual([]);
    const told = (await messagesFor(linli.database.db, resident.userId!)).map((m) => m.data);
    expect([told.length, told.some((d) => d.includes('材料不全'))]).toEqual([1, true]);
  });

  it('a thank-you approved after another admin rejected it is refused: it stays off the wall', async () => {
    const resident = await signIn('thanker-race');
    const grid = await signIn('grid');
    const post = await resident.call('thanks.post', { targetKind: 'staff', targetUserId: grid.userId!, communityId: 'chaoyang', text: '刘师傅半夜帮忙修好了水管，谢谢！' });
    const services = interleaved(linli.services, () => admin.call('thanks.review', { id: post.id, decision: 'reject', reason: '含有住户门牌号' }));
    const approve = reviewThanks.handler({ id: post.id, decision: 'approve' }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(approve)).toBe(ERRORS.THANKS_NOT_ALLOWED_NOW.code);
    expect(services.interleaved()).toBe(true);
    expect((await anonymous.call('thanks.list', { communityId: 'chaoyang' })).items.map((i) => i.id)).not.toContain(post.id);
    const told = (await messagesFor(linli.database.db, resident.userId!)).map((m) => m.data);
    expect([told.length, told.some((d) => d.includes('含有住户门牌号'))]).toEqual([1, true]);
  });
});

describe('when a list or a post changes between the check and the write', () => {
  const asAdmin = () => staffOf(linli.services, admin);
  const newList = (title: string) => admin.call('honors.saveList', { year: 2026, scopeId: 'chaoyang', title, categories: ['好邻居', '好婆婆'] });

  it('a publish read before a retitle keeps the new title; a retitle read before a publish keeps it published', async () => {
    const list = await newList('2026年度好邻居榜（待改名）');
    const retitle = { id: list.id, year: 2026, scopeId: 'chaoyang', title: '2026年度朝阳社区好邻居榜', categories: ['好邻居', '好婆婆'] };
    const publishing = interleaved(linli.services, () => admin.call('honors.saveList', retitle));
    await publishHonorList.handler({ id: list.id, published: true }, { services: publishing, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(publishing.interleaved()).toBe(true);
    expect(await getHonorListRow(linli.services.db, list.id)).toMatchObject({ title: '2026年度朝阳社区好邻居榜', published: 1 });

    const other = await newList('2026年度好婆婆榜（草稿）');
    const saving = interleaved(linli.services, () => admin.call('honors.publish', { id: other.id, published: true }));
    await saveHonorList.handler({ id: other.id, year: 2026, scopeId: 'chaoyang', title: '2026年度朝阳社区好婆婆榜', categories: ['好邻居', '好婆婆'] }, { services: saving, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(saving.interleaved()).toBe(true);
    expect(await getHonorListRow(linli.services.db, other.id)).toMatchObject({ title: '2026年度朝阳社区好婆婆榜', published: 1 });
  });

  it('an entry checked before its category was dropped from the list is refused and not kept', async () => {
    const list = await newList('2026年度好婆婆榜（类别调整）');
    const services = interleaved(linli.services, () => admin.call('honors.saveList', { id: list.id, year: 2026, scopeId: 'chaoyang', title: list.title, categories: ['好邻居'] }));
    const save = saveHonorEntry.handler({ listId: list.id, name: '钱婆婆', category: '好婆婆', communityId: 'chaoyang', storyHtml: '<p>照顾瘫痪的儿媳十年。</p>', sort: 0 }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(await errorCodeOf(save)).toBe(ERRORS.HONOR_CATEGORY_UNKNOWN.code);
    expect(services.interleaved()).toBe(true);
    expect((await admin.call('honors.list', { id: list.id })).byCategory).toEqual([]);
  });

  it('a thank-you to a staff member who lost the role meanwhile is refused and not kept', async () => {
    const resident = await signIn('thanker-late');
    const helper = await signIn('grid-leaving-thanks');
    await admin.call('roles.grant', { userId: helper.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    const services = interleaved(linli.services, () => admin.call('roles.revoke', { userId: helper.userId!, role: 'gridWorker', scopeId: 'chaoyang' }));
    const photo = await uploadAs(linli, resident, await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c33' } }).jpeg().toBuffer());
    const photoId = photo.body.result!.id;
    const post = postThanks.handler({ targetKind: 'staff', targetUserId: helper.userId!, communityId: 'chaoyang', text: '谢谢您帮我家搬了煤气罐！', photoId }, { services, caller: residentOf(resident), ip: '127.0.0.1' });
    expect(await errorCodeOf(post)).toBe(ERRORS.THANKS_TARGET_UNKNOWN.code);
    expect(services.interleaved()).toBe(true);
    expect((await admin.call('thanks.queue', {})).map((p) => p.text)).not.toContain('谢谢您帮我家搬了煤气罐！');
    // The photo is the resident's to send again, with a thank-you to someone still on duty.
    const grid = await signIn('grid');
    expect(await resident.call('thanks.post', { targetKind: 'staff', targetUserId: grid.userId!, communityId: 'chaoyang', text: '谢谢刘师傅帮我家搬了煤气罐！', photoId })).toMatchObject({ status: 'pending' });
  });

  it('a report on a post rejected meanwhile is refused and not kept', async () => {
    const resident = await signIn('thanker-reported');
    const reporter = await signIn('reporter-late');
    const grid = await signIn('grid');
    const post = await resident.call('thanks.post', { targetKind: 'staff', targetUserId: grid.userId!, communityId: 'chaoyang', text: '刘师傅帮忙找回了走失的老人。' });
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    const services = interleaved(linli.services, () => admin.call('thanks.review', { id: post.id, decision: 'reject', reason: '涉及他人隐私' }));
    const report = reportThanks.handler({ id: post.id, reason: '不实' }, { services, caller: residentOf(reporter), ip: '127.0.0.1' });
    expect(await errorCodeOf(report)).toBe(ERRORS.NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
    expect(await getThanksRow(linli.services.db, post.id)).toMatchObject({ status: 'rejected', reports: 0 });
  });
});

describe('nominations', () => {
  it('a resident nominates for next year; the admin accepts into a list; the nominator sees the outcome', async () => {
    const resident = await signIn('resident');
    const n = await resident.call('honors.nominate', { nomineeName: '邻居张奶奶', category: '最美志愿者', reason: '每天早上义务打扫楼道，十年如一日。' });
    expect(n).toMatchObject({ status: 'pending', statusText: '待审核', communityName: '朝阳社区', year: 2027 });
    expect((await admin.call('honors.nominations', {})).map((x) => x.id)).toContain(n.id);
    const kangle = await signIn('admin-kangle');
    expect((await kangle.call('honors.nominations', {})).map((x) => x.id)).not.toContain(n.id);
    expect(await errorCodeOf(kangle.call('honors.reviewNomination', { id: n.id, decision: 'decline', reason: '不是我们社区' }))).toBe(ERRORS.NOT_FOUND.code);

    const list = await admin.call('honors.saveList', { year: 2027, scopeId: 'chaoyang', title: '2027年度朝阳社区光荣榜', categories: ['最美志愿者', '好邻居'] });
    const accepted = await admin.call('honors.reviewNomination', { id: n.id, decision: 'accept', listId: list.id });
    expect(accepted).toMatchObject({ status: 'accepted', statusText: '已入选' });
    expect(await errorCodeOf(admin.call('honors.reviewNomination', { id: n.id, decision: 'decline', reason: '改主意' }))).toBe(ERRORS.NOMINATION_NOT_PENDING.code);
    expect((await resident.call('honors.myNominations', {}))[0]).toMatchObject({ statusText: '已入选' });

    // Unpublished lists stay hidden from residents; published, the nominee is there.
    expect(await errorCodeOf(anonymous.call('honors.list', { id: list.id }))).toBe(ERRORS.NOT_FOUND.code);
    await admin.call('honors.publish', { id: list.id, published: true });
    const { byCategory } = await anonymous.call('honors.list', { id: list.id });
    expect(byCategory[0]!.entries.map((e) => e.name)).toEqual(['邻居张奶奶']);
  });

  it('a decline carries its reason to the nominator', async () => {
    const resident = await signIn('resident2');
    const n = await resident.call('honors.nominate', { nomineeName: '王师傅', category: '好丈夫', reason: '照顾生病的妻子很多年，邻里都称赞。' });
    expect(await errorCodeOf(admin.call('honors.reviewNomination', { id: n.id, decision: 'decline' }))).toBe(ERRORS.INVALID_INPUT.code);
    await admin.call('honors.reviewNomination', { id: n.id, decision: 'decline', reason: '今年名额已满，明年优先考虑' });
    expect((await resident.call('honors.myNominations', {}))[0]).toMatchObject({ statusText: '未入选', declineReason: '今年名额已满，明年优先考虑' });
  });

  it('a community admin cannot edit the district list', async () => {
    expect(await errorCodeOf(admin.call('honors.saveList', { year: 2026, scopeId: 'shangjie', title: '全区光荣榜', categories: ['好人'] }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(await errorCodeOf(admin.call('honors.publish', { id: 'demo-honors-2020', published: false }))).toBe(ERRORS.NOT_FOUND.code);
  });
});

describe('the thank-you wall', () => {
  it('a thank-you appears after approval; the thanked staff member sees it', async () => {
    const resident = await signIn('resident');
    const grid = await signIn('grid');
    const staff = await anonymous.call('thanks.staff', { communityId: 'chaoyang' });
    expect(staff.map((s) => s.name)).toContain('刘建国');
    expect(staff.map((s) => s.name)).not.toContain('朝阳社区管理员');
    const post = await resident.call('thanks.post', { targetKind: 'staff', targetUserId: grid.userId!, text: '刘师傅帮我家老人办好了高龄津贴，谢谢！' });
    expect(post).toMatchObject({ status: 'pending', targetName: '刘建国' });
    const wall = async () => (await anonymous.call('thanks.list', { communityId: 'chaoyang' })).items.map((i) => i.id);
    expect(await wall()).not.toContain(post.id);
    expect((await admin.call('thanks.queue', {})).map((p) => p.id)).toContain(post.id);
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    expect(await wall()).toContain(post.id);
    expect((await grid.call('thanks.mine', {})).items.map((p) => p.id)).toContain(post.id);
  });

  it('我收到的感谢 pages newest first, each post once, however many share one moment', async () => {
    const resident = await signIn('resident');
    const grid = await signIn('grid');
    // The test clock stands still: these share created_at, so the id decides their order.
    for (const text of ['谢谢刘师傅帮忙修好了楼道灯。', '谢谢刘师傅帮我家老人办事。', '谢谢刘师傅上门走访。']) {
      const post = await resident.call('thanks.post', { targetKind: 'staff', targetUserId: grid.userId!, text });
      await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    }
    const all = (await grid.call('thanks.mine', { limit: 50 })).items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await grid.call('thanks.mine', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((p) => p.id));
    expect(all.map((p) => p.createdAt.getTime())).toEqual([...all.map((p) => p.createdAt.getTime())].sort((a, b) => b - a));
  });

  it('three reports hide a post pending review; the admin restores it', async () => {
    const author = await signIn('resident2');
    const post = await author.call('thanks.post', { targetKind: 'unit', targetName: '区司法局', text: '法律讲座讲得明白，学到了防诈骗。' });
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    const reporters = await establishedResidents(['reporter-1', 'reporter-2', 'reporter-3']);
    await reporters[0]!.call('thanks.report', { id: post.id, reason: '内容不实' });
    await reporters[0]!.call('thanks.report', { id: post.id, reason: '重复举报' });
    await reporters[1]!.call('thanks.report', { id: post.id, reason: '内容不实' });
    const wall = async () => (await anonymous.call('thanks.list', {})).items.map((i) => i.id);
    expect(await wall()).toContain(post.id);
    await reporters[2]!.call('thanks.report', { id: post.id, reason: '广告' });
    expect(await wall()).not.toContain(post.id);
    const hidden = await admin.call('thanks.queue', { status: 'hidden' });
    expect(hidden.find((p) => p.id === post.id)).toMatchObject({ statusText: '被举报，待复核', reports: 3 });
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    expect(await wall()).toContain(post.id);
  });

  it('concurrent reports by three residents hide it exactly once', async () => {
    const author = await signIn('resident');
    const post = await author.call('thanks.post', { targetKind: 'volunteer', targetName: '孙大姐', text: '志愿理发，手艺好人也好。' });
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    const reporters = await establishedResidents(['racer-1', 'racer-2', 'racer-3']);
    await Promise.all(reporters.map((r) => r.call('thanks.report', { id: post.id, reason: '不实' })));
    expect((await admin.call('thanks.queue', { status: 'hidden' })).map((p) => p.id)).toContain(post.id);
  });

  it('reports from brand-new accounts queue the post for staff review but do not hide it', async () => {
    const author = await signIn('resident');
    const post = await author.call('thanks.post', { targetKind: 'volunteer', targetName: '周师傅', text: '帮楼里修好了路灯，谢谢！' });
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    const fresh = await Promise.all(['fresh-1', 'fresh-2', 'fresh-3', 'fresh-4'].map(signIn));
    await Promise.all(fresh.map((r) => r.call('thanks.report', { id: post.id, reason: '不实' })));
    const wall = async () => (await anonymous.call('thanks.list', {})).items.map((i) => i.id);
    expect(await wall()).toContain(post.id);
    expect((await admin.call('thanks.queue', { status: 'hidden' })).map((p) => p.id)).not.toContain(post.id);
    expect((await admin.call('thanks.queue', { status: 'reported' })).find((p) => p.id === post.id)).toMatchObject({ reports: 4, statusText: '已展示' });
    // Staff looked and keep it: the reports are cleared and it leaves the queue.
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });
    expect((await admin.call('thanks.queue', { status: 'reported' })).map((p) => p.id)).not.toContain(post.id);
    expect(await wall()).toContain(post.id);
  });

  it('thanks to someone who is not staff of that community is refused', async () => {
    const resident = await signIn('resident');
    const stranger = await signIn('not-staff');
    expect(await errorCodeOf(resident.call('thanks.post', { targetKind: 'staff', targetUserId: stranger.userId!, text: '谢谢你帮忙' }))).toBe(ERRORS.THANKS_TARGET_UNKNOWN.code);
  });

  it('the demo wall shows the 康乐社区 banner to 周丽', async () => {
    const { items } = await anonymous.call('thanks.list', { communityId: 'kangle' });
    expect(items.find((i) => i.id === 'demo-thanks-kangle')).toMatchObject({ targetName: '周丽', authorName: '孙桂芳' });
  });
});

describe('the console lists', () => {
  it('honors.adminList includes unpublished lists of my scope; bookings.adminResources includes inactive rooms', async () => {
    const list = await admin.call('honors.saveList', { year: 2026, scopeId: 'chaoyang', title: '2026年度朝阳社区好人榜', categories: ['好邻居'] });
    expect((await admin.call('honors.adminList', {})).map((l) => l.id)).toContain(list.id);
    expect((await admin.call('honors.adminList', {})).map((l) => l.id)).not.toContain('demo-honors-2020');
    const centers = await admin.call('bookings.adminResources', {});
    expect(centers.map((c) => c.centerName)).toEqual(['朝阳社区党群服务中心']);
    const names = centers[0]!.resources.map((r) => `${r.name}:${r.active}`);
    expect(names).toEqual(expect.arrayContaining(['心理咨询室:false', '书画室:true', '居住证明:true']));
    expect(centers[0]!.resources).toHaveLength(22);
    expect(await errorCodeOf(admin.call('bookings.adminResources', { communityId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
  });
});
