import { messagesFor } from '../notifications/outbox.storage';
import { isPostgres } from '../storage/dialect';
import { withStatementsListed } from '../storage/statements-listed';
import { signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { fileNewPetition, type NewPetition } from './lib/file-petition';
import { AS_FILED, insertPetition } from './petitions.storage';

/**
 * On PostgreSQL the petitions filed in one turn of the event loop are read for (the community,
 * today's agent, the names) in ONE statement and written in ONE statement
 * (cloud/storage/turn-batches.ts, `insertedInTurn`), each with its timeline and its message to
 * the agent; a petition the statement may not write is refused alone and the others are kept.
 * On SQLite each is its own read and transaction; the answers asserted here hold on both.
 */
let linli: TestLinli;
let agent: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  agent = await signIn('agent');
});
afterAll(() => linli.stop());

const petition = (title: string): NewPetition => ({
  kind: 'request',
  category: '环境卫生',
  title,
  description: '楼道里堆放的杂物很久没有清理，老人上下楼不方便。',
  photoIds: [],
  location: null,
  contactPhone: '13912345678',
  anonymous: false,
  communityId: 'chaoyang',
});

it('petitions filed in one turn are one read and one write, each stored whole and told to the agent on duty', async () => {
  const people = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(`turn-petition-${i}`)));
  const { db, sent } = withStatementsListed(linli.services.db, (node) => (JSON.stringify(node).includes('jsonb_populate_recordset') ? 'write' : 'read'));
  const services = { ...linli.services, db };
  const filed = await Promise.all(
    people.map((p, i) => fileNewPetition(services, petition(`楼道杂物第${i + 1}处`), { submitterId: p.userId!, filedBy: null, onBehalfName: null, photoOwner: p.userId! })),
  );
  if (isPostgres(linli.services.db)) expect(sent).toEqual(['read', 'write']);
  const before = (await messagesFor(linli.services.db, agent.userId!)).length;
  expect(before).toBeGreaterThanOrEqual(6);
  for (const [i, f] of filed.entries()) {
    expect(f.row.agent_id).toBe(agent.userId);
    const seen = await people[i]!.call('petitions.get', { id: f.row.id });
    expect(seen).toMatchObject({ title: `楼道杂物第${i + 1}处`, status: 'submitted' });
    expect(seen.timeline.map((e) => e.action)).toEqual(f.events.map((e) => e.action));
    const told = (await messagesFor(linli.services.db, agent.userId!)).filter((m) => m.dedupe_key.includes(f.row.id));
    expect(told).toHaveLength(1);
  }
});

it('in a turn with a petition the database refuses, that one fails alone and the others are stored', async () => {
  const people = await Promise.all(Array.from({ length: 3 }, (_, i) => signIn(`turn-refused-petition-${i}`)));
  const now = linli.clock.now();
  const at = now.toISOString();
  const write = (i: number, communityId: string) => {
    const id = `turn-refused-${i}-${at}`;
    return insertPetition(linli.services.db, {
      row: {
        id,
        kind: 'request',
        category: '环境卫生',
        title: `第${i + 1}件`,
        description: '路灯不亮',
        community_id: communityId,
        submitter_id: people[i]!.userId!,
        on_behalf_name: null,
        filed_by: null,
        phone_enc: linli.services.cipher.encrypt('13912345678'),
        phone_index: linli.services.cipher.blindIndex('13912345678'),
        id_number_enc: null,
        anonymous: 0,
        location: null,
        ...AS_FILED,
        agent_id: null,
        accept_due_at: at,
        created_at: at,
        updated_at: at,
      },
      events: [{ action: 'submit', from_status: null, to_status: 'submitted', note: null, by_user_id: people[i]!.userId!, at }],
      photos: 0,
      attach: async () => true,
      messages: [],
      now,
    }).then(() => id);
  };
  // The second names a community that does not exist: its reference fails the statement.
  const outcomes = await Promise.allSettled([write(0, 'chaoyang'), write(1, 'no-such-community'), write(2, 'chaoyang')]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  const stored = await linli.services.db.selectFrom('petitions').select('title').where('id', 'like', `turn-refused-%-${at}`).orderBy('title').execute();
  expect(stored.map((r) => r.title)).toEqual(['第1件', '第3件']);
  const entries = await linli.services.db.selectFrom('petition_events').select('petition_id').where('petition_id', 'like', `turn-refused-%-${at}`).execute();
  expect(entries).toHaveLength(2);
});
