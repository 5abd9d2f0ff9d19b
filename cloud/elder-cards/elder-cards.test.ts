import sharp from 'sharp';
import { ERRORS } from '../../types';
import { runOutboxOnce } from '../notifications/worker';
import { messagesFor } from '../notifications/outbox.storage';
import { interleaved, residentOf } from '../testing/interleave';
import { anonymous, errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { openidOf } from '../wechat/fake-server';
import alertElderFamily from './alert-elder-family';
import { newCardCode } from './card-view';
import saveElderCard from './save-elder-card';
import { SCAN_LIMIT } from './elder-cards.permissions';

let linli: TestLinli;
let family: Client;
let grid: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  family = await signIn('elder-family');
  grid = await signIn('grid');
});
afterAll(() => linli.stop());

const CARD = {
  communityId: 'chaoyang',
  displayName: '王奶奶',
  note: '有糖尿病，别给甜食',
  contacts: [
    { name: '王小红', relation: '女儿', phone: '13912345678' },
    { name: '李强', relation: '儿子', phone: '13812345678' },
  ],
};

/** The code printed on the card (read from storage: printing makes images, which is slow). */
async function codeOf(_client: Client, id: string): Promise<string> {
  return (await linli.services.db.selectFrom('elder_cards').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
}

/** Everything the scan answers, as one string: no private fact may appear in it. */
const PRIVATE = ['13912345678', '13812345678', '王小红', '李强', '朝阳'];

describe('registering a card', () => {
  it('keeps the contacts’ phones encrypted at rest and shows them in full only to the family', async () => {
    const card = await family.call('elderCards.save', CARD);
    expect(card).toMatchObject({ displayName: '王奶奶', isFamily: true, status: 'active', contacts: [{ phone: '13912345678' }, { phone: '13812345678' }] });
    const stored = await linli.services.db.selectFrom('elder_contacts').select('phone_enc').where('card_id', '=', card.id).execute();
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row.phone_enc).not.toMatch(/1[3-9]\d{9}/);
    // The community's grid worker sees the card, with masked numbers.
    expect((await grid.call('elderCards.get', { id: card.id })).contacts.map((c) => c.phone)).toEqual(['139****5678', '138****5678']);
    // Another resident does not learn it exists.
    const stranger = await signIn('elder-stranger');
    expect(await errorCodeOf(stranger.call('elderCards.get', { id: card.id }))).toBe(ERRORS.NOT_FOUND.code);
  });

  it('refuses a full name length, no contacts, more than three contacts or a wrong phone, with the field named', async () => {
    const codes = await Promise.all([
      errorCodeOf(family.call('elderCards.save', { ...CARD, displayName: '王秀兰奶奶家住三号楼' })),
      errorCodeOf(family.call('elderCards.save', { ...CARD, contacts: [] })),
      errorCodeOf(family.call('elderCards.save', { ...CARD, contacts: [...CARD.contacts, ...CARD.contacts] })),
      errorCodeOf(family.call('elderCards.save', { ...CARD, contacts: [{ name: '王小红', relation: '女儿', phone: '123' }] })),
    ]);
    expect(codes).toEqual(Array(4).fill(ERRORS.INVALID_INPUT.code));
  });

  it('makes a printable card and a sticker, both real PNG images, with the card’s web address', async () => {
    const card = await family.call('elderCards.save', CARD);
    const printed = await family.call('elderCards.print', { id: card.id });
    expect(printed.url).toMatch(/\/f\/[0-9A-HJKMNP-TV-Z]{26}$/);
    for (const [image, size] of [
      [printed.card, [1012, 638]],
      [printed.sticker, [472, 560]],
    ] as const) {
      const meta = await sharp(Buffer.from(image.split(',')[1]!, 'base64')).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', ...size]);
    }
    // The short address leads into the finder's page.
    const response = await fetch(`${linli.url}/f/${printed.url.split('/f/')[1]}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/#\/packages\/elder\/found\/index\?c=[0-9A-Z]{26}$/);
  });
});

describe('a finder scans the card', () => {
  it('sees only the headline, the short name and the note — no phone, name of kin, address or community — and the family sees the scan', async () => {
    const card = await family.call('elderCards.save', CARD);
    const code = await codeOf(family, card.id);
    const seen = await anonymous.call('elderCards.scan', { code });
    expect(seen).toEqual({ headline: '这位老人可能需要帮助', displayName: '王奶奶', note: '有糖尿病，别给甜食' });
    const text = JSON.stringify(seen);
    for (const secret of PRIVATE) expect(text).not.toContain(secret);
    expect((await family.call('elderCards.get', { id: card.id })).scans).toMatchObject([{ kind: 'view', kindText: '有人扫码查看' }]);
  });

  it('after the alert, the family and the grid worker are messaged through WeChat, and the finder sees one number only', async () => {
    // Both accepted the 走失求助提醒 template (the family when saving the card, the grid worker in their tools).
    await linli.subscribe(family, 'elder-family', ['elderAlert']);
    await linli.subscribe(grid, 'grid', ['elderAlert']);
    const card = await family.call('elderCards.save', CARD);
    const code = await codeOf(family, card.id);
    const result = await anonymous.call('elderCards.alert', { code, location: { latitude: 34.8, longitude: 113.3 }, note: '在植物园南门' });
    expect(result).toEqual({ relation: '女儿', phone: '13912345678', notified: '已通知老人的家属和社区网格员' });
    expect(JSON.stringify(result)).not.toContain('13812345678');
    await runOutboxOnce(linli.services);
    const sent = await linli.sentMessages();
    const alerts = sent.filter((m) => m.template_id === linli.config.templates.elderAlert.id);
    expect(alerts.map((m) => m.touser)).toEqual(expect.arrayContaining([openidOf('elder-family'), openidOf('grid')]));
    expect(alerts[0]!.data).toMatchObject({ thing1: { value: '王奶奶可能需要帮助' }, thing3: { value: '好心人已提供所在位置，请查看' } });
    const log = (await family.call('elderCards.get', { id: card.id })).scans;
    expect(log[0]).toMatchObject({ kind: 'alert', location: { latitude: 34.8, longitude: 113.3 }, finderNote: '在植物园南门' });
  });

  it('a lost card is reissued: the old code stops answering at once, the new one works; a stopped card answers nothing', async () => {
    const card = await family.call('elderCards.save', CARD);
    const old = await codeOf(family, card.id);
    await family.call('elderCards.reissue', { id: card.id });
    const fresh = await codeOf(family, card.id);
    expect(fresh).not.toBe(old);
    expect(await errorCodeOf(anonymous.call('elderCards.scan', { code: old }))).toBe(ERRORS.ELDER_CARD_NOT_FOUND.code);
    expect(await anonymous.call('elderCards.scan', { code: fresh })).toMatchObject({ displayName: '王奶奶' });
    await family.call('elderCards.revoke', { id: card.id });
    expect(await errorCodeOf(anonymous.call('elderCards.scan', { code: fresh }))).toBe(ERRORS.ELDER_CARD_NOT_FOUND.code);
    expect(await errorCodeOf(anonymous.call('elderCards.alert', { code: fresh }))).toBe(ERRORS.ELDER_CARD_NOT_FOUND.code);
  });

  it('staff register a card on a family’s behalf and look after it; the grid worker alone is alerted', async () => {
    const card = await grid.call('elderCards.save', { ...CARD, displayName: '赵爷爷', onBehalf: true });
    expect(card.isFamily).toBe(false);
    expect((await grid.call('elderCards.ofCommunity', {})).map((c) => c.displayName)).toContain('赵爷爷');
    const code = await codeOf(grid, card.id);
    expect(await anonymous.call('elderCards.alert', { code })).toMatchObject({ notified: '已通知社区网格员' });
    const resident = await signIn('elder-not-staff');
    expect(await errorCodeOf(resident.call('elderCards.save', { ...CARD, onBehalf: true }))).toBe(ERRORS.OUT_OF_SCOPE.code);
  });
});

describe('a card a family holds', () => {
  it('is the family’s to change or stop: the community’s staff can read it but not manage it', async () => {
    const card = await family.call('elderCards.save', { ...CARD, displayName: '周奶奶' });
    expect(await grid.call('elderCards.get', { id: card.id })).toMatchObject({ displayName: '周奶奶', canManage: false });
    expect(await errorCodeOf(grid.call('elderCards.revoke', { id: card.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(grid.call('elderCards.save', { id: card.id, communityId: 'chaoyang', displayName: '改名', contacts: [{ name: '王小红', relation: '女儿', phone: '13700003333' }] }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await family.call('elderCards.get', { id: card.id })).toMatchObject({ status: 'active', displayName: '周奶奶', contacts: [{ phone: '13912345678' }, { phone: '13812345678' }] });
  });
});

describe('staff editing a card they look after', () => {
  it('keep the stored numbers they see masked unless they type a new one', async () => {
    const card = await grid.call('elderCards.save', { ...CARD, displayName: '孙奶奶', onBehalf: true });
    expect(card.contacts.map((c) => c.phone)).toEqual(['139****5678', '138****5678']);
    const [first, second] = card.contacts;
    const edited = await grid.call('elderCards.save', {
      id: card.id,
      communityId: 'chaoyang',
      displayName: '孙奶奶',
      contacts: [
        { name: second!.name, relation: second!.relation, keep: second!.seq },
        { name: first!.name, relation: first!.relation, phone: '13700001111' },
      ],
    });
    expect(edited.contacts.map((c) => [c.seq, c.name, c.phone])).toEqual([
      [1, '李强', '138****5678'],
      [2, '王小红', '137****1111'],
    ]);
    // The finder's one number is now the kept one, decrypted from what was stored.
    expect(await anonymous.call('elderCards.alert', { code: await codeOf(grid, card.id) })).toMatchObject({ relation: '儿子', phone: '13812345678' });
    const noNumber = grid.call('elderCards.save', { id: card.id, communityId: 'chaoyang', displayName: '孙奶奶', contacts: [{ name: '李强', relation: '儿子' }] });
    expect(await errorCodeOf(noNumber)).toBe(ERRORS.INVALID_INPUT.code);
    const noSuchContact = grid.call('elderCards.save', { id: card.id, communityId: 'chaoyang', displayName: '孙奶奶', contacts: [{ name: '李强', relation: '儿子', keep: 3 }] });
    expect(await errorCodeOf(noSuchContact)).toBe(ERRORS.INVALID_INPUT.code);
    expect((await grid.call('elderCards.get', { id: card.id })).contacts.map((c) => c.phone)).toEqual(['138****5678', '137****1111']);
  });
});

describe('a check made before a change and a write landing after it', () => {
  it('an edit checked before the card was stopped is refused, and neither the card nor its contacts change', async () => {
    const card = await family.call('elderCards.save', CARD);
    const services = interleaved(linli.services, () => family.call('elderCards.revoke', { id: card.id }));
    const edit = saveElderCard.handler(
      { id: card.id, communityId: 'chaoyang', displayName: '王阿婆', note: '', onBehalf: false, contacts: [{ name: '王小红', relation: '女儿', phone: '13700002222' }] },
      { services, caller: residentOf(family), ip: '127.0.0.1' },
    );
    expect(await errorCodeOf(edit)).toBe(ERRORS.ELDER_CARD_REVOKED.code);
    expect(services.interleaved()).toBe(true);
    expect(await family.call('elderCards.get', { id: card.id })).toMatchObject({
      status: 'revoked',
      displayName: '王奶奶',
      contacts: [{ phone: '13912345678' }, { phone: '13812345678' }],
    });
  });

  it('an alert read before the card got a new code sends nothing and logs nothing', async () => {
    const card = await family.call('elderCards.save', CARD);
    const old = await codeOf(family, card.id);
    const queued = (await messagesFor(linli.database.db, family.userId!)).length;
    const services = interleaved(linli.services, () => family.call('elderCards.reissue', { id: card.id }));
    const alert = alertElderFamily.handler({ code: old, location: null }, { services, caller: null, ip: '10.9.8.7' });
    expect(await errorCodeOf(alert)).toBe(ERRORS.ELDER_CARD_NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
    expect((await family.call('elderCards.get', { id: card.id })).scans).toEqual([]);
    expect(await messagesFor(linli.database.db, family.userId!)).toHaveLength(queued);
  });
});

describe('guessing codes', () => {
  it('random codes answer exactly as a stopped card does, and the address is cut off after the limit', async () => {
    // A fresh host, so this test's address starts with a clean count.
    const own = await startTestLinli();
    try {
      const AV = (await import('leancloud-storage')).default;
      const codes: number[] = [];
      for (let i = 0; i < SCAN_LIMIT.max + 3; i++) {
        const code = newCardCode();
        codes.push(await errorCodeOf(AV.Cloud.run('elderCards.scan', { code })));
      }
      expect(codes.slice(0, SCAN_LIMIT.max)).toEqual(Array(SCAN_LIMIT.max).fill(ERRORS.ELDER_CARD_NOT_FOUND.code));
      expect(codes.slice(SCAN_LIMIT.max)).toEqual(Array(3).fill(ERRORS.RATE_LIMITED.code));
    } finally {
      await own.stop();
      // The SDK points at the shared host again for the other tests.
      const AV = (await import('leancloud-storage')).default;
      AV.init({ appId: linli.config.appId, appKey: linli.config.appKey, serverURL: linli.url });
    }
  });

  it('codes are 128 random bits: a thousand fresh codes are all distinct and of the printed shape', () => {
    const many = new Set(Array.from({ length: 1000 }, () => newCardCode()));
    expect(many.size).toBe(1000);
    for (const c of many) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
