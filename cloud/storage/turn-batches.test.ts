import { ERRORS } from '../../types';
import { callerVersion, type CallerVersion } from '../auth/sessions.storage';
import { errorCodeOf, signIn, startTestLinli, type TestLinli } from '../testing/linli';
import { getAccount } from '../users/users.storage';
import { contentVersion } from './content-versions';
import type { Db } from './dialect';
import { withStatementsListed } from './statements-listed';
import { turnBatches } from './turn-batches';

/**
 * The session check, the lists' versions and the profile users.me shows, which every signed (and
 * every anonymous kept-list) request reads, go as ONE statement per turn of the event loop
 * (cloud/storage/turn-batches.ts), and each request still gets its own answer, as the database is
 * after it arrived. (The exact rate-limit counts are tested in cloud/host/rate-limit-store.test.ts.)
 */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

/** The handle with every statement it sends counted. */
function counting(db: Db): { db: Db; statements: () => number } {
  const { db: counted, sent } = withStatementsListed(db);
  return { db: counted, statements: () => sent.length };
}

it('the checks asked in one turn are one statement, each answered for its own user', async () => {
  const people = await Promise.all(['batch-a', 'batch-b', 'batch-c'].map((p) => signIn(p)));
  const ids = people.map((p) => p.userId!);
  await linli.services.db.updateTable('users').set({ deleted_at: new Date().toISOString() }).where('id', '=', ids[2]!).execute();
  // One at a time, each in its own turn: what a check of each user answers alone.
  const alone: Array<CallerVersion | undefined> = [];
  for (const id of [...ids, 'no-such-user']) alone.push(await callerVersion(linli.services.db, id, true));
  expect(alone[0]).toMatchObject({ live: true, isResident: true });
  expect(alone[2]).toMatchObject({ live: false });
  expect(alone[3]).toBeUndefined();

  const { db, statements } = counting(linli.services.db);
  const asked = Array.from({ length: 40 }, (_, i) => ({ id: [...ids, 'no-such-user'][i % 4]!, withContents: i % 3 === 0 }));
  const answers = await Promise.all(asked.map((a) => callerVersion(db, a.id, a.withContents)));
  expect(statements()).toBe(1);
  answers.forEach((answer, i) => {
    const expected = alone[i % 4];
    if (!expected) return expect(answer).toBeUndefined();
    const { contents, ...version } = expected;
    expect(answer).toEqual(asked[i]!.withContents ? { ...version, contents } : version);
  });
});

it('a check asked after a change committed sees it, batched or not', async () => {
  const person = await signIn('batch-grant');
  const before = (await callerVersion(linli.services.db, person.userId!))!.authVersion;
  await linli.services.db.insertInto('role_grants').values({ user_id: person.userId!, role: 'gridWorker', scope_id: 'chaoyang', granted_by: null, granted_at: new Date().toISOString() }).execute();
  const after = await Promise.all([callerVersion(linli.services.db, person.userId!), callerVersion(linli.services.db, person.userId!, true)]);
  expect(after.map((v) => v!.authVersion)).toEqual([before + 1, before + 1]);
});

it('signed requests sent together: the one whose session was revoked just before is refused, the others answered', async () => {
  const people = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(`batch-together-${i}`)));
  await people[3]!.call('auth.logout');
  const results = await Promise.allSettled(people.map((p) => p.call('notifications.templateIds')));
  results.forEach((r, i) => expect(r.status).toBe(i === 3 ? 'rejected' : 'fulfilled'));
  expect(await errorCodeOf(people[3]!.call('notifications.templateIds'))).toBe(ERRORS.SESSION_INVALID.code);
});

it('the profiles users.me shows, asked in one turn, are one statement, each its own', async () => {
  const people = await Promise.all(['batch-me-a', 'batch-me-b'].map((p) => signIn(p)));
  const alone = [];
  for (const p of people) alone.push(await getAccount(linli.services.db, p.userId!));
  expect(alone.map((a) => a!.id)).toEqual(people.map((p) => p.userId));
  const { db, statements } = counting(linli.services.db);
  const together = await Promise.all([...people, ...people].map((p) => getAccount(db, p.userId!)).concat(getAccount(db, 'no-such-user')));
  expect(statements()).toBe(1);
  expect(together).toEqual([...alone, ...alone, undefined]);
});

it("the lists' versions asked in one turn are one statement, and a bump before the next turn is seen", async () => {
  const { db, statements } = counting(linli.services.db);
  const first = await Promise.all(Array.from({ length: 20 }, (_, i) => contentVersion(db, i % 2 ? 'feed' : 'events')));
  expect(statements()).toBe(1);
  const [events, feed] = first;
  expect(first).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? feed : events)));
  expect(typeof feed).toBe('number');
  const article = await linli.services.db.selectFrom('articles').select('id').executeTakeFirstOrThrow();
  await linli.services.db.updateTable('articles').set({ summary: '批量读版本之后改的摘要' }).where('id', '=', article.id).execute();
  expect(await Promise.all([contentVersion(db, 'feed'), contentVersion(db, 'events')])).toEqual([feed! + 1, events]);
});

describe('turnBatches', () => {
  it('answers each key in the order asked, repeats kept, and fails every load of a batch whose read fails', async () => {
    const batches: string[][] = [];
    let fail = false;
    const load = turnBatches(async (_db, keys: readonly string[]) => {
      batches.push([...keys]);
      if (fail) throw new Error('database down');
      return keys.map((k) => (k === 'none' ? undefined : k.toUpperCase()));
    });
    const db = linli.services.db;
    expect(await Promise.all(['a', 'b', 'a', 'none'].map((k) => load(db, k)))).toEqual(['A', 'B', 'A', undefined]);
    fail = true;
    const failed = await Promise.allSettled([load(db, 'c'), load(db, 'd')]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await load(db, 'e')).toBe('E');
    expect(batches).toEqual([['a', 'b', 'a', 'none'], ['c', 'd'], ['e']]);
  });

  it('sends more than 500 loads of one turn as several statements', async () => {
    const sizes: number[] = [];
    const load = turnBatches(async (_db, keys: readonly number[]) => {
      sizes.push(keys.length);
      return keys.map((k) => k * 2);
    });
    const answers = await Promise.all(Array.from({ length: 1_200 }, (_, i) => load(linli.services.db, i)));
    expect(answers[1_199]).toBe(2_398);
    expect(sizes).toEqual([500, 500, 200]);
  });

  it('one at a time: the loads asked while a batch is in flight wait, over several turns, and go together in the next', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = turnBatches(
      async (_db, keys: readonly number[]) => {
        batches.push([...keys]);
        if (batches.length === 1) await held;
        return keys.map((k) => -k);
      },
      { oneAtATime: true },
    );
    const db = linli.services.db;
    const first = [1, 2, 3].map((k) => load(db, k));
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    while (batches.length === 0) await nextTurn();
    // Asked in five later turns, while the first batch is held.
    const later: Promise<number>[] = [];
    for (const k of [4, 5, 6, 7, 8]) {
      await nextTurn();
      later.push(load(db, k));
    }
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...later])).toEqual([-1, -2, -3, -4, -5, -6, -7, -8]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7, 8],
    ]);
  });

  it('one at a time also when a turn asks more than a batch holds: the full batches read one after another', async () => {
    const batches: number[][] = [];
    let reading = 0;
    let most = 0;
    const load = turnBatches(
      async (_db, keys: readonly number[]) => {
        batches.push([...keys]);
        most = Math.max(most, ++reading);
        await new Promise((resolve) => setTimeout(resolve, 5));
        reading--;
        return keys.map((k) => k * 10);
      },
      { oneAtATime: true, maxBatchSize: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((k) => load(linli.services.db, k)))).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(most).toBe(1);
  });

});
