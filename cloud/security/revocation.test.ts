import { ERRORS } from '../../types';
import { auditEntries } from '../audit/audit.storage';
import { errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/**
 * Issue 12, finding 1: access ends when the role ends. Every object that names a staff
 * member, before and after the role is revoked or the account deleted.
 */
let linli: TestLinli;
let admin: Client;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  [admin, resident] = await Promise.all([signIn('admin'), signIn('resident')]);
});
afterAll(() => linli.stop());

const ID = '11010519491231002X';
const formal = {
  kind: 'petition' as const,
  category: '道路设施' as const,
  title: '北门外没有直通路',
  description: '北门出来要绕行近800米才能上路。',
  contactPhone: '13912345678',
  idNumber: ID,
};
const EVERY_DAY = { '1': '', '2': '', '3': '', '4': '', '5': '', '6': '', '7': '' };
const allDays = (agentId: string) => Object.fromEntries(Object.keys(EVERY_DAY).map((d) => [d, agentId]));

/** A resident made staff of 朝阳社区 by its admin, on duty every day. */
async function newAgent(persona: string, extraRoles: Array<'gridWorker'> = []): Promise<Client> {
  const person = await signIn(persona);
  await admin.call('roles.grant', { userId: person.userId!, role: 'agent', scopeId: 'chaoyang' });
  for (const role of extraRoles) await admin.call('roles.grant', { userId: person.userId!, role, scopeId: 'chaoyang' });
  await admin.call('petitions.setRoster', { communityId: 'chaoyang', set: allDays(person.userId!) });
  return person;
}

async function rosterIds(): Promise<string[]> {
  return (await admin.call('petitions.roster', { communityId: 'chaoyang' })).days.map((d) => d.agentId);
}

describe('when an agent’s role is revoked', () => {
  it('takes them off the roster, hands their open petitions back with a step the resident sees, and ends their access at once', async () => {
    const agent = await newAgent('revoked-agent', ['gridWorker']);
    const waiting = await resident.call('petitions.submit', formal);
    const working = await resident.call('petitions.submit', { ...formal, title: '楼道灯坏了', kind: 'request', idNumber: undefined });
    expect(waiting.agent?.id).toBe(agent.userId);
    // Before: the agent reads the full numbers and works the petitions.
    expect(await agent.call('petitions.get', { id: waiting.id })).toMatchObject({ idNumber: ID, contactPhone: '13912345678' });
    await agent.call('petitions.accept', { id: working.id });
    const events = await admin.call('events.adminList', {});
    const chaoyangEvent = events.items[0];
    if (chaoyangEvent) await expect(agent.call('events.registrants', { eventId: chaoyangEvent.id })).resolves.toBeTruthy();
    await expect(agent.call('bookings.today', { communityId: 'chaoyang' })).resolves.toBeDefined();

    expect(await admin.call('roles.revoke', { userId: agent.userId!, role: 'agent', scopeId: 'chaoyang' })).toEqual({ revoked: true });

    // The roster no longer names them.
    expect(await rosterIds()).not.toContain(agent.userId);
    // Both petitions are back in the admins' queue, unassigned, waiting for a new agent.
    for (const id of [waiting.id, working.id]) {
      const seen = await resident.call('petitions.get', { id });
      expect(seen).toMatchObject({ status: 'submitted', agent: null });
      expect(seen.timeline.at(-1)).toMatchObject({ action: 'reassign', text: '已重新分派' });
      expect((await admin.call('petitions.get', { id })).actions).toContain('assign');
      const audit = await auditEntries(linli.services.db, { targetKind: 'petition', targetId: id, limit: 10 });
      expect(audit.find((a) => a.action === 'petition.reassign')).toMatchObject({ actor_id: admin.userId, outcome: 'ok' });
    }
    // The person's access to them ended with the role: no full numbers, no actions, no inbox.
    expect(await errorCodeOf(agent.call('petitions.get', { id: waiting.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(agent.call('petitions.accept', { id: waiting.id }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(agent.call('petitions.note', { id: working.id, note: '还在办' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(agent.call('petitions.inbox', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
    // New petitions do not reach them.
    const next = await resident.call('petitions.submit', formal);
    expect(next.agent).toBeNull();
    // Still a grid worker: the roles they keep still work.
    await expect(agent.call('bookings.today', { communityId: 'chaoyang' })).resolves.toBeDefined();

    // Revoking the last staff role ends the rest: events, bookings, thanks received.
    await admin.call('roles.revoke', { userId: agent.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    if (chaoyangEvent) expect(await errorCodeOf(agent.call('events.registrants', { eventId: chaoyangEvent.id }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(agent.call('events.checkIn', { code: '000000' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(agent.call('bookings.today', { communityId: 'chaoyang' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(agent.call('thanks.mine', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
  });

  it('a roster entry left for someone without the role (written around the function) never gets a petition', async () => {
    const person = await signIn('never-an-agent');
    await linli.services.db.deleteFrom('duty_roster').where('community_id', '=', 'chaoyang').execute();
    for (const weekday of Object.keys(EVERY_DAY)) {
      await linli.services.db.insertInto('duty_roster').values({ community_id: 'chaoyang', weekday, agent_id: person.userId! }).execute();
    }
    const p = await resident.call('petitions.submit', formal);
    expect(p.agent).toBeNull();
    expect(await errorCodeOf(person.call('petitions.get', { id: p.id }))).toBe(ERRORS.NOT_FOUND.code);
  });
});

describe('when the on-duty agent deletes their account', () => {
  it('new petitions do not go to 已注销用户, and the open ones go back to the admins', async () => {
    const agent = await newAgent('leaving-agent');
    const held = await resident.call('petitions.submit', formal);
    expect(held.agent?.id).toBe(agent.userId);
    await agent.call('users.deleteAccount', { confirm: '注销' });
    expect(await rosterIds()).not.toContain(agent.userId);
    const seen = await resident.call('petitions.get', { id: held.id });
    expect(seen).toMatchObject({ status: 'submitted', agent: null });
    expect(seen.timeline.map((t) => t.text)).toContain('已重新分派');
    const next = await resident.call('petitions.submit', formal);
    expect(next.agent).toBeNull();
    expect(JSON.stringify(next)).not.toContain('已注销用户');
  });
});

describe('when a community admin’s role is revoked', () => {
  it('nominations and thank-you posts under review are closed to them at once', async () => {
    const deputy = await signIn('deputy-admin');
    await admin.call('roles.grant', { userId: deputy.userId!, role: 'communityAdmin', scopeId: 'chaoyang' });
    const nomination = await resident.call('honors.nominate', { nomineeName: '张大爷', category: '好丈夫', reason: '照顾老伴二十年，风雨无阻，邻居都看在眼里。', communityId: 'chaoyang' });
    expect((await deputy.call('honors.nominations', { status: 'pending' })).map((n) => n.id)).toContain(nomination.id);
    await admin.call('roles.revoke', { userId: deputy.userId!, role: 'communityAdmin', scopeId: 'chaoyang' });
    expect(await errorCodeOf(deputy.call('honors.nominations', { status: 'pending' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(deputy.call('honors.reviewNomination', { id: nomination.id, decision: 'decline', reason: '不符合' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(deputy.call('thanks.queue', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
  });
});
