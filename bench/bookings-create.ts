/**
 * 1,000 residents book the same room slot at once: exactly one gets it, 999 hear
 * "已被预约". Then 1,000 book one service-hall window of 20 places: exactly 20 get in.
 * Prints bookings per second and the ratio to a bare host route in the same run.
 *
 *   npx tsx bench/bookings-create.ts   (SQLite; LINLI_TEST_PG_URL=… for PostgreSQL; bench/run.sh for both)
 */
import { ERRORS } from '../types';
import { shanghaiDay, shanghaiTime } from '../types/time';
import { bareRouteRate, check, inBatches, startBenchHost } from './lib';

const RESIDENTS = 1000;
const WINDOW = 20;

async function main() {
  const bench = await startBenchHost();
  console.log(`bookings.create on ${bench.database.kind}: ${RESIDENTS} residents on one slot`);
  try {
    const admin = await bench.login('admin');
    const tokens: string[] = [];
    await inBatches(
      Array.from({ length: RESIDENTS }, (_, i) => i),
      100,
      async (i) => {
        tokens[i] = await bench.login(`bench-${i}`);
      },
    );
    const tomorrow = shanghaiDay(new Date(Date.now() + 24 * 3_600_000));
    const weekday = String(((new Date(`${tomorrow}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
    const hall = await bench.call<{ id: string }>(
      'bookings.saveResource',
      { centerId: 'chaoyang-center', kind: 'hall', name: '社保待遇认证（集中办理）', hours: { [weekday]: [{ start: '09:00', end: '10:00' }] }, windowSize: WINDOW, minNoticeMinutes: 0 },
      admin,
    );
    const baseline = await bareRouteRate(bench.linli.url, RESIDENTS);

    const run = async (resourceId: string, start: Date) => {
      const started = performance.now();
      const replies = await Promise.all(tokens.map((t) => bench.call('bookings.create', { resourceId, start: start.toISOString() }, t)));
      return { replies, seconds: (performance.now() - started) / 1000 };
    };

    const room = await run('cy-painting', shanghaiTime(tomorrow, '09:00'));
    const roomOk = room.replies.filter((r) => r.status === 200).length;
    const taken = room.replies.filter((r) => r.body.code === ERRORS.BOOKING_SLOT_TAKEN.code);
    check(`room slot: exactly 1 booked (got ${roomOk})`, roomOk === 1);
    check(`room slot: ${RESIDENTS - 1} told "${ERRORS.BOOKING_SLOT_TAKEN.message}" (got ${taken.length})`, taken.length === RESIDENTS - 1);

    const window = await run(hall.body.result!.id, shanghaiTime(tomorrow, '09:00'));
    const windowOk = window.replies.filter((r) => r.status === 200).length;
    const full = window.replies.filter((r) => r.body.code === ERRORS.BOOKING_WINDOW_FULL.code).length;
    check(`window of ${WINDOW}: exactly ${WINDOW} booked (got ${windowOk})`, windowOk === WINDOW);
    check(`window of ${WINDOW}: ${RESIDENTS - WINDOW} told it is full (got ${full})`, full === RESIDENTS - WINDOW);

    console.log(`  room slot bookings/s     ${(RESIDENTS / room.seconds).toFixed(0)}  (${room.seconds.toFixed(2)} s)`);
    console.log(`  window bookings/s        ${(RESIDENTS / window.seconds).toFixed(0)}  (${window.seconds.toFixed(2)} s)`);
    console.log(`  bare route req/s         ${baseline.toFixed(0)}`);
    console.log(`  ratio to bare route      ${(RESIDENTS / room.seconds / baseline).toFixed(3)} (room), ${(RESIDENTS / window.seconds / baseline).toFixed(3)} (window)`);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
