import { signIn, startTestLinli, type TestLinli } from '../testing/linli';

/** 我的诉求 pages through a resident's petitions, newest first, without repeating or skipping one. */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

const request = (title: string) => ({ kind: 'request' as const, category: '道路设施' as const, title, description: '三号楼楼下的路灯已经坏了一个星期。', contactPhone: '13800138000', communityId: 'chaoyang' });

describe('when a resident has more petitions than one page', () => {
  it('the next page starts after the last one shown, also between petitions filed in the same instant', async () => {
    const resident = await signIn('my-petitions-pager');
    const filed = [];
    for (const title of ['路灯不亮', '井盖松动', '楼道堆物']) {
      filed.push((await resident.call('petitions.submit', request(title))).id);
      linli.clock.advance(60_000);
    }
    // Two more in the same instant: only the id tells them apart.
    filed.push((await resident.call('petitions.submit', request('垃圾未清'))).id);
    filed.push((await resident.call('petitions.submit', request('路面积水'))).id);

    const seen: string[] = [];
    let before: { submittedAt: Date; id: string } | undefined;
    for (let page = 0; page < 4; page++) {
      const items = await resident.call('petitions.mine', { limit: 2, ...(before && { before }) });
      seen.push(...items.map((p) => p.id));
      const last = items.at(-1);
      if (items.length < 2 || !last) break;
      before = { submittedAt: last.submittedAt, id: last.id };
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(filed));
    // Newest first: the three filed a minute apart come out latest first.
    expect(seen.indexOf(filed[2]!)).toBeLessThan(seen.indexOf(filed[1]!));
    expect(seen.indexOf(filed[1]!)).toBeLessThan(seen.indexOf(filed[0]!));
    // Without a cursor: the whole list, as before.
    expect((await resident.call('petitions.mine', {})).map((p) => p.id)).toEqual(seen);
  });
});

describe('when one agent handles all of a resident’s petitions', () => {
  it('each shows the agent’s number, decrypted once for the page', async () => {
    const resident = await signIn('my-petitions-agent');
    for (const title of ['路灯不亮', '井盖松动', '楼道堆物']) {
      await resident.call('petitions.submit', request(title));
      linli.clock.advance(60_000);
    }
    const decrypt = jest.spyOn(linli.services.cipher, 'decrypt');
    try {
      const items = await resident.call('petitions.mine', {});
      expect(items).toHaveLength(3);
      const agents = new Set(items.map((p) => p.agent?.id));
      expect(agents.size).toBe(1);
      // The on-duty agent of 朝阳社区 in the demo (陈静), reachable at their service phone.
      expect(items.every((p) => p.agent?.phone === '13700000001')).toBe(true);
      expect(decrypt).toHaveBeenCalledTimes(1);
    } finally {
      decrypt.mockRestore();
    }
  });
});
