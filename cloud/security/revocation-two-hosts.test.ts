import { ERRORS } from '../../types';
import { sessionCacheOf } from '../auth/session-cache';
import { callAt, signIn, twoHostsForThisFile } from '../testing/linli';

/**
 * Hosts cache a session's caller (cloud/auth/session-cache.ts). Behind a load balancer the
 * change and the next call land on different hosts: access must still end at once on the
 * host that did not see the change (issue 12's rule, issue 18's cache).
 */
const hosts = twoHostsForThisFile();

/** A call on host B, signed as the SDK signs it: the function's code (0 when it answered) and result. */
async function callOnB(token: string, name: string, input: object = {}): Promise<{ code: number; result?: unknown }> {
  const reply = await callAt(hosts.hostB.url, hosts.linli.config, name, input, token);
  const body = JSON.parse(reply.body) as { code?: number; result?: unknown };
  return reply.status === 200 ? { code: 0, result: body.result } : { code: body.code ?? -1 };
}

/** Host B has the caller in its cache: two calls, the second a hit. */
async function warmOnB(token: string, name: string, input: object = {}) {
  expect((await callOnB(token, name, input)).code).toBe(0);
  expect((await callOnB(token, name, input)).code).toBe(0);
  expect(sessionCacheOf(hosts.hostB.services.db).size).toBeGreaterThan(0);
}

describe('when host A revokes a grid worker’s role', () => {
  it('host B, which had the worker cached, refuses the next staff call', async () => {
    const worker = await signIn('two-host-worker');
    await hosts.admin.call('roles.grant', { userId: worker.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    await warmOnB(worker.token!, 'bookings.today', { communityId: 'chaoyang' });

    await hosts.admin.call('roles.revoke', { userId: worker.userId!, role: 'gridWorker', scopeId: 'chaoyang' });

    expect((await callOnB(worker.token!, 'bookings.today', { communityId: 'chaoyang' })).code).toBe(ERRORS.ROLE_REQUIRED.code);
    // Still signed in as a resident there.
    expect((await callOnB(worker.token!, 'users.me')).code).toBe(0);
  });
});

describe('when host A grants a role', () => {
  it('host B lets the new worker in on the next call', async () => {
    const person = await signIn('two-host-new-worker');
    await warmOnB(person.token!, 'users.me');
    expect((await callOnB(person.token!, 'bookings.today', { communityId: 'chaoyang' })).code).toBe(ERRORS.ROLE_REQUIRED.code);
    await hosts.admin.call('roles.grant', { userId: person.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    expect((await callOnB(person.token!, 'bookings.today', { communityId: 'chaoyang' })).code).toBe(0);
  });
});

describe('when a resident logs out on host A', () => {
  it('host B refuses the token at once, and the resident’s other session still works there', async () => {
    const [phone, tablet] = [await signIn('two-host-logout'), await signIn('two-host-logout')];
    await warmOnB(phone.token!, 'users.me');
    await warmOnB(tablet.token!, 'users.me');
    await phone.call('auth.logout', {});
    expect((await callOnB(phone.token!, 'users.me')).code).toBe(ERRORS.SESSION_INVALID.code);
    expect((await callOnB(tablet.token!, 'users.me')).code).toBe(0);
  });
});

describe('when a resident deletes their account on host A', () => {
  it('host B refuses every session of theirs at once', async () => {
    const leaving = await signIn('two-host-leaving');
    await warmOnB(leaving.token!, 'users.me');
    await leaving.call('users.deleteAccount', { confirm: '注销' });
    expect((await callOnB(leaving.token!, 'users.me')).code).toBe(ERRORS.SESSION_INVALID.code);
  });
});

describe('when a session is revoked in the database directly (an operator, a script)', () => {
  it('host B refuses it at once: the triggers count the change, not the function that made it', async () => {
    const resident = await signIn('two-host-operator');
    await warmOnB(resident.token!, 'users.me');
    await hosts.linli.services.db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', resident.userId!).execute();
    expect((await callOnB(resident.token!, 'users.me')).code).toBe(ERRORS.SESSION_INVALID.code);
  });
});
