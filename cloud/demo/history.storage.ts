import type { Db } from '../storage/dialect';
import type {
  ArticlePledgesTable,
  BookingStepsTable,
  BookingsTable,
  EventRegistrationsTable,
  EventsTable,
  SlotHoldsTable,
} from '../storage/schema';

/** A few months of the demo's past, as finished rows (cloud/demo/history.ts builds them). */
export interface HistoryRows {
  events: EventsTable[];
  registrations: EventRegistrationsTable[];
  bookings: BookingsTable[];
  holds: SlotHoldsTable[];
  bookingSteps: BookingStepsTable[];
  pledges: ArticlePledgesTable[];
}

// Well under SQLite's bound-parameter limit for the widest table here (events).
const CHUNK = 40;

async function insertAll<T extends keyof HistoryTables>(db: Db, table: T, rows: HistoryTables[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for eight tables; each call is typed by HistoryTables
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute();
  }
}

interface HistoryTables {
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  bookings: BookingsTable;
  slot_holds: SlotHoldsTable;
  booking_steps: BookingStepsTable;
  article_pledges: ArticlePledgesTable;
}

/** All of it in one transaction: a start interrupted halfway leaves no half a history. */
export async function insertHistory(db: Db, rows: HistoryRows): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await insertAll(tx, 'events', rows.events);
    await insertAll(tx, 'event_registrations', rows.registrations);
    await insertAll(tx, 'bookings', rows.bookings);
    await insertAll(tx, 'slot_holds', rows.holds);
    await insertAll(tx, 'booking_steps', rows.bookingSteps);
    await insertAll(tx, 'article_pledges', rows.pledges);
  });
}

export async function resourceIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('resources').select('id').execute()).map((r) => r.id);
}

/** The earliest 倡议 with a pledge, which the demo's past residents answered. */
export async function firstCampaign(db: Db): Promise<{ id: string; publish_at: string | null } | undefined> {
  return db.selectFrom('articles').select(['id', 'publish_at']).where('pledge_prompt', 'is not', null).orderBy('publish_at').executeTakeFirst();
}
