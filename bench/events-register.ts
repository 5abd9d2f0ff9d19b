/**
 * 1,000 distinct residents register at once for a 150-seat event, through the host and
 * the SDK's protocol; then 100 of the seated cancel at once. Prints registrations per
 * second and its ratio to a bare host route measured in the same run.
 *
 *   npx tsx bench/events-register.ts            (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/events-register.ts
 *   bash bench/run.sh                           (both, PostgreSQL started for you)
 */
import { bareRouteRate, check, inBatches, startBenchHost } from './lib';

const RESIDENTS = 1000;
const CAPACITY = 150;
const CANCELLATIONS = 100;

interface Registration {
  id: string;
  status: string;
  waitlistPosition: number | null;
}

async function main() {
  const bench = await startBenchHost();
  const kind = bench.database.kind;
  console.log(`events.register on ${kind}: ${RESIDENTS} residents, ${CAPACITY} seats`);
  try {
    const admin = await bench.login('admin');
    const start = new Date(Date.now() + 3 * 24 * 3_600_000);
    const created = await bench.call<{ id: string }>(
      'events.create',
      {
        title: '爱心义诊进社区',
        category: '义诊',
        scopeId: 'chaoyang',
        organizer: '朝阳社区党委',
        venue: '党群服务中心',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
        capacity: CAPACITY,
      },
      admin,
    );
    const eventId = created.body.result!.id;
    await bench.call('events.publish', { id: eventId }, admin);

    const tokens: string[] = [];
    await inBatches(
      Array.from({ length: RESIDENTS }, (_, i) => i),
      100,
      async (i) => {
        tokens[i] = await bench.login(`bench-${i}`);
      },
    );

    const baseline = await bareRouteRate(bench.linli.url, RESIDENTS);

    const started = performance.now();
    const replies = await Promise.all(tokens.map((t) => bench.call<Registration>('events.register', { eventId }, t)));
    const seconds = (performance.now() - started) / 1000;
    const rate = RESIDENTS / seconds;

    const registrations = replies.map((r) => r.body.result!);
    const confirmed = registrations.filter((r) => r?.status === 'confirmed');
    const waitlisted = registrations.filter((r) => r?.status === 'waitlisted');
    const positions = waitlisted.map((r) => r.waitlistPosition!).sort((a, b) => a - b);
    check(`all ${RESIDENTS} calls answered 200`, replies.every((r) => r.status === 200));
    check(`exactly ${CAPACITY} confirmed (got ${confirmed.length})`, confirmed.length === CAPACITY);
    check(`${RESIDENTS - CAPACITY} waitlisted at places 1..${RESIDENTS - CAPACITY}`, positions.length === RESIDENTS - CAPACITY && positions.every((p, i) => p === i + 1));
    check('no duplicate registrations', new Set(registrations.map((r) => r.id)).size === RESIDENTS);

    // 100 of the seated cancel at once: exactly the first 100 in line move up.
    const seatedTokens = tokens.filter((_, i) => registrations[i]!.status === 'confirmed').slice(0, CANCELLATIONS);
    const firstInLine = new Set(
      tokens.filter((_, i) => registrations[i]!.status === 'waitlisted' && registrations[i]!.waitlistPosition! <= CANCELLATIONS),
    );
    const cancelStarted = performance.now();
    await Promise.all(seatedTokens.map((t) => bench.call('events.cancelRegistration', { eventId }, t)));
    const cancelSeconds = (performance.now() - cancelStarted) / 1000;
    const after = await bench.call<{ registrants: Array<{ status: string }> }>('events.registrants', { eventId }, admin);
    const statuses = after.body.result!.registrants.map((r) => r.status);
    check(`still exactly ${CAPACITY} confirmed after ${CANCELLATIONS} cancellations`, statuses.filter((s) => s === 'confirmed').length === CAPACITY);
    check(`${RESIDENTS - CAPACITY - CANCELLATIONS} still waiting`, statuses.filter((s) => s === 'waitlisted').length === RESIDENTS - CAPACITY - CANCELLATIONS);
    const promoted = await Promise.all([...firstInLine].map((t) => bench.call<{ mine: { status: string } }>('events.get', { id: eventId }, t)));
    check(`the first ${CANCELLATIONS} in line were the ones promoted`, promoted.every((p) => p.body.result!.mine.status === 'confirmed'));

    console.log(`  registrations/s      ${rate.toFixed(0)}  (${RESIDENTS} in ${seconds.toFixed(2)} s)`);
    console.log(`  bare route req/s     ${baseline.toFixed(0)}`);
    console.log(`  ratio to bare route  ${(rate / baseline).toFixed(3)}`);
    console.log(`  cancellations/s      ${(CANCELLATIONS / cancelSeconds).toFixed(0)}`);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
